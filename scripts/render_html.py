"""Render an HTML export to PNG (and measure it) with headless Chromium.

    python scripts/render_html.py PAGE.html OUT.png [--width 1123] [--pdf OUT.pdf]

The width defaults to an A4 landscape page at 96 dpi (297 mm = 1123 px); the
height is the page's own, so the picture holds all of it. Chromium runs with no
network service, no first-run, no sync and a throw-away profile; the page loads
nothing from elsewhere anyway. `measure` (used by tests/test_office.py) loads a
copy of the page with a one-line script that writes the page's scroll size into
the DOM, which `--dump-dom` then prints; the export itself holds no script.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

A4_LANDSCAPE_PX = 1123  # 297 mm at 96 dpi
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")
PROBE = ("<script>document.documentElement.setAttribute('data-size', "
         "document.documentElement.scrollWidth + 'x' + document.documentElement.scrollHeight)"
         "</script>")


def find_chromium() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def _run(browser: str, args: list[str], profile: str) -> subprocess.CompletedProcess:
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def measure(page: Path, width: int = A4_LANDSCAPE_PX, browser: str | None = None
            ) -> tuple[int, int]:
    """The page's scroll width and height in a window ``width`` pixels wide."""
    browser = browser or find_chromium()
    if browser is None:
        raise RuntimeError("no chromium found")
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.html"
        probe.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"),
                         encoding="utf-8")
        done = _run(browser, ["--dump-dom", f"--window-size={width},800", probe.as_uri()],
                    str(Path(folder) / "profile"))
    found = re.search(r'data-size="(\d+)x(\d+)"', done.stdout)
    if found is None:
        raise RuntimeError(f"chromium did not render the page: {done.stderr[-500:]}")
    return int(found.group(1)), int(found.group(2))


def render(page: Path, png: Path, width: int = A4_LANDSCAPE_PX, pdf: Path | None = None,
           browser: str | None = None) -> tuple[int, int]:
    """Write ``png`` (the whole page, ``width`` wide) and, if asked, an A4 ``pdf``."""
    browser = browser or find_chromium()
    if browser is None:
        raise RuntimeError("no chromium found: apt-get install -y chromium")
    size = measure(page, width, browser)
    with tempfile.TemporaryDirectory() as folder:
        profile = str(Path(folder) / "profile")
        _run(browser, [f"--screenshot={png.resolve()}", f"--window-size={width},{size[1]}",
                       page.resolve().as_uri()], profile)
        if pdf is not None:
            _run(browser, [f"--print-to-pdf={pdf.resolve()}", "--no-pdf-header-footer",
                           page.resolve().as_uri()], profile)
    if not png.exists():
        raise RuntimeError("chromium wrote no picture")
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=A4_LANDSCAPE_PX)
    parser.add_argument("--pdf", type=Path)
    args = parser.parse_args(argv)
    width, height = render(args.page, args.png, args.width, args.pdf)
    print(f"{args.png}: {args.width}x{height} px (page {width} px wide)")
    return 0 if width <= args.width else 1


if __name__ == "__main__":
    sys.exit(main())
