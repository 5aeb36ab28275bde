"""One exception tree. Every message names the input and says how to fix it.

    FrontlinesError
    ├── InputError                 permanent: this input cannot be read as a page
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── EncodingError
    │   ├── TooLargeError
    │   ├── UnsupportedInputError
    │   └── InputFailedError       an unexpected error, or over its time or memory budget
    ├── FetchError                 a URL or feed could not be fetched
    │   └── TransientFetchError    worth retrying later (timeouts, 5xx)
    ├── GazetteerError             the gazetteer index is missing or broken
    ├── ModelError                 an NLP model is not installed
    ├── StoreError                 the store could not be opened, migrated or written
    ├── ConfigError                a setting or argument is invalid
    └── EvaluationError            an evaluation corpus could not be read

``transient`` tells a batch runner whether trying again later may help.
"""

from __future__ import annotations


class FrontlinesError(Exception):
    """Base of every error frontlines raises on purpose."""

    transient = False

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(FrontlinesError):
    """The input cannot be read as a page; retrying will not help."""


class EmptyInputError(InputError):
    """The input has no content."""


class BinaryInputError(InputError):
    """The input is binary data, not text or HTML."""


class EncodingError(InputError):
    """The input's bytes cannot be decoded as text."""


class TooLargeError(InputError):
    """The input is over the size cap."""


class UnsupportedInputError(InputError):
    """The input is of a kind frontlines does not read."""


class InputFailedError(InputError):
    """Reading or analysing the input failed unexpectedly, or went over its time or
    memory budget; the message names the input and the cause."""


class FetchError(FrontlinesError):
    """A URL or feed could not be fetched."""


class TransientFetchError(FetchError):
    """A fetch failed in a way that may pass (timeout, server error)."""

    transient = True


class GazetteerError(FrontlinesError):
    """The gazetteer index is missing, unreadable or incomplete."""


class ModelError(FrontlinesError):
    """An NLP model frontlines needs is not installed."""


class StoreError(FrontlinesError):
    """The store could not be opened, migrated, read or written."""


class ConfigError(FrontlinesError):
    """A setting or an argument is invalid."""


class EvaluationError(FrontlinesError):
    """An evaluation corpus or predictions file could not be read."""


__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "EvaluationError",
    "FetchError",
    "FrontlinesError",
    "GazetteerError",
    "InputError",
    "InputFailedError",
    "ModelError",
    "StoreError",
    "TooLargeError",
    "TransientFetchError",
    "UnsupportedInputError",
]
