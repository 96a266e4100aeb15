"""The language of messages: every message a person reads is made with ``_()``.

The texts are in gettext catalogs (``kcn_tracker/locale``, made with Babel's
tools: ``messages.pot`` extracted from the code, ``vi/LC_MESSAGES/kcn_tracker.po``
translated and compiled to ``.mo``). English is the message id and the default;
the CLI chooses the language once per run (``--lang``, ``KCN_TRACKER_LANG``).

A template names its values, ``_("{path}: no such file", path=path)``, so that a
translation may put them in its own order.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "kcn_tracker"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(lang: str | None) -> None:
    """Messages from now on in ``lang`` (vi or en; anything else is English)."""
    global _current, _language
    code = (lang or "en").strip().lower()[:2]
    if code == "vi":
        _current = gettext.translation(DOMAIN, localedir=str(LOCALE), languages=["vi"],
                                       fallback=True)
        _language = "vi"
    else:
        _current = gettext.NullTranslations()
        _language = "en"


def language() -> str:
    return _language


def _(message: str, **values: object) -> str:
    """``message`` in the chosen language, its ``{names}`` filled from ``values``."""
    text = _current.gettext(message)
    return text.format(**values) if values else text


def N_(message: str) -> str:
    """A message marked for the catalog and translated where it is shown (an option's
    help, a pattern of click's)."""
    return message


def n_(singular: str, plural: str, n: int, **values: object) -> str:
    """The form of a message for the count ``n`` ("1 error", "2 errors"; Vietnamese has
    one form), its ``{n}`` and ``{names}`` filled in."""
    return _current.ngettext(singular, plural, n).format(n=n, **values)
