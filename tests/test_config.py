from pathlib import Path

import pytest

from frontlines import Settings
from frontlines.errors import ConfigError


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FRONTLINES_GAZETTEER", raising=False)
    monkeypatch.delenv("FRONTLINES_GAZETTEER_PATH", raising=False)
    monkeypatch.setenv("FRONTLINES_MAX_BYTES", "1234")
    monkeypatch.setenv("FRONTLINES_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("FRONTLINES_ALLOW_PRIVATE_URLS", "yes")
    s = Settings.from_env()
    assert s.max_bytes == 1234
    assert s.allow_private_urls is True
    assert s.gazetteer_file.parent == tmp_path


def test_overrides_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_DB", "a.sqlite")
    assert Settings.from_env(db="b.sqlite").db == "b.sqlite"


def test_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_MAX_BYTES", "ten")
    with pytest.raises(ConfigError, match="FRONTLINES_MAX_BYTES"):
        Settings.from_env()


def test_every_setting_is_documented() -> None:
    import dataclasses

    import frontlines.config as config

    doc = config.__doc__ or ""
    for field in dataclasses.fields(Settings):
        assert f"| {field.name} |" in doc, f"setting {field.name} is not documented"
