"""Generate the CLI reference (docs/cli.md) from the real argument parser.

``python -m frontlines.cli_docs > docs/cli.md``; a test fails when the file drifts.
"""

from __future__ import annotations

import argparse
import os

from .cli import build_parser


def _walk(parser: argparse.ArgumentParser, name: str) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                found.extend(_walk(sub, f"{name} {sub_name}"))
    return found


def render() -> str:
    """The whole reference as Markdown."""
    os.environ["COLUMNS"] = "100"
    lines = ["# frontlines command-line reference", "",
             "Generated from the parser by `python -m frontlines.cli_docs`; do not edit by hand.", ""]  # fmt: skip
    for name, parser in _walk(build_parser(), "frontlines"):
        parser.prog = name
        lines += [f"## `{name}`", "", "```", parser.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
