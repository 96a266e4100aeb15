"""How large an input may be: a plan file or a document over the limit is refused
before it is read, so a wrong path to a disk image cannot exhaust memory."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes() -> int:
    """The limit in bytes: KCN_TRACKER_MAX_BYTES when set to a whole number, else 20 MiB."""
    value = os.environ.get("KCN_TRACKER_MAX_BYTES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def too_large(path: Path) -> str | None:
    """Why ``path`` is too large to read, or None."""
    size = path.stat().st_size
    limit = max_bytes()
    if size > limit:
        return (f"{size:,} bytes, over the limit of {limit:,}; a plan file or a document is "
                "far smaller (raise KCN_TRACKER_MAX_BYTES if this one is right)")
    return None
