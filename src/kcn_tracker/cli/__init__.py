"""The command line: the only user of typer. Each command parses its options, calls
one core function and picks a renderer; errors become exit codes in one place
(``options.MappedGroup``)."""

from __future__ import annotations

from importlib import import_module

from kcn_tracker.cli.app import app

# Each module adds its commands to ``app``; this order is the order of --help.
for _module in ("report", "check", "edit", "documents", "reference"):
    import_module(f"{__name__}.{_module}")

__all__ = ["app", "main"]


def main() -> None:
    app()
