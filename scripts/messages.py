"""Keep the message catalogs in step with the code (Babel's tools):

    python scripts/messages.py           # extract messages.pot, update vi .po, compile .mo

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
    run("extract", "-F", "babel.cfg", "-k", "_", "-k", "N_", "--no-location", "--sort-output",
        "--no-wrap", "--project", "kcn-tracker", "-o", str(pot), "src")
    if po.exists():
        run("update", "-i", str(pot), "-o", str(po), "-l", "vi", "--no-wrap",
            "--ignore-obsolete", "--no-fuzzy-matching")
    else:
        run("init", "-i", str(pot), "-o", str(po), "-l", "vi", "--no-wrap")
    run("compile", "-i", str(po), "-o", str(po.with_suffix(".mo")), "-l", "vi")


if __name__ == "__main__":
    main()
