"""The command skips pydantic's plugin lookup (a scan of every installed package's metadata)
unless the user chose which plugins to skip."""

from __future__ import annotations

from briefing.cli import skip_pydantic_plugins


def test_plugins_are_skipped_by_default() -> None:
    environ: dict[str, str] = {"HOME": "/home/analyst"}
    skip_pydantic_plugins(environ)
    assert environ == {"HOME": "/home/analyst", "PYDANTIC_DISABLE_PLUGINS": "__all__"}


def test_the_users_own_choice_is_kept() -> None:
    environ = {"PYDANTIC_DISABLE_PLUGINS": "logfire"}
    skip_pydantic_plugins(environ)
    assert environ == {"PYDANTIC_DISABLE_PLUGINS": "logfire"}
