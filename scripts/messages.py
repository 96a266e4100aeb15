"""Keep the message catalogs in step with the code (Babel's tools):

    python scripts/messages.py    # extract messages.pot, update vi .po, compile .mo,
                                  # and remake docs/errors.md's table of both languages

Translations are made in src/kcn_tracker/locale/vi/LC_MESSAGES/kcn_tracker.po.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "kcn_tracker" / "locale"
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


def main() -> None:
    pot = LOCALE / "messages.pot"
    po = LOCALE / "vi" / "LC_MESSAGES" / "kcn_tracker.po"
    run = lambda *args: subprocess.run([*PYBABEL, *args], check=True, cwd=ROOT)  # noqa: E731
    run("extract", "-F", "babel.cfg", "-k", "_", "-k", "N_", "-k", "n_:1,2", "--no-location", "--sort-output",
        "--no-wrap", "--project", "kcn-tracker", "-o", str(pot), "src")
    if po.exists():
        run("update", "-i", str(pot), "-o", str(po), "-l", "vi", "--no-wrap",
            "--ignore-obsolete", "--no-fuzzy-matching")
    else:
        run("init", "-i", str(pot), "-o", str(po), "-l", "vi", "--no-wrap")
    run("compile", "-i", str(po), "-o", str(po.with_suffix(".mo")), "-l", "vi")
    write_table(po, ROOT / "docs" / "errors.md")


def write_table(po: Path, errors: Path) -> None:
    """docs/errors.md ends with every message in English and in Vietnamese (a plural's
    forms on one row, joined by " / ")."""
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale="vi")
    forms = lambda m: m if isinstance(m, str) else " / ".join(m)  # noqa: E731
    rows = [f"| `{forms(m.id)}` | `{forms(m.string)}` |" for m in catalog if m.id]
    head, _, _ = errors.read_text(encoding="utf-8").partition(TABLE_HEAD)
    errors.write_text(head + TABLE_HEAD + "\n".join(rows) + "\n", encoding="utf-8")


TABLE_HEAD = "| English | Tiếng Việt |\n|---|---|\n"


if __name__ == "__main__":
    main()
