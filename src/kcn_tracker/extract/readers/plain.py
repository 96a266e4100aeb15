"""Text files: UTF-8 (with or without BOM), UTF-16, Windows-1258; legacy fonts refused.

Encodings are tried in a fixed order rather than guessed by statistics: a
Vietnamese board's files are UTF-8, UTF-16 (Notepad's "Unicode") or
Windows-1258, and those three are told apart by their bytes alone.
charset-normalizer also named Windows-1258 for all five seeds rendered in it,
but it is a guess by frequency, and one more dependency for no gain here.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from kcn_tracker.extract.readers import Document, ReadError
from kcn_tracker.text.i18n import _

# Characters that legacy Vietnamese font encodings put where Unicode text has none:
# TCVN3 (ABC) writes đ ư ơ ô â ê ă as ® ­ ¬ « © ª ¨; VNI writes đ as ñ, tone marks
# as ø ù û õ ï after the vowel, and circumflexes as â ê ô after a, e or o ("coâng").
_TCVN3 = re.compile(r"[®\xad¬«©ª¨¸µ¶·¹]")
_VNI = re.compile(r"[ñÑøØûÛïÏöÖäÄ]|[aeoAEO][ùøûõï]|[aeoAEO][âêôÂÊÔ]")
_LEGACY_MIN = 5  # a stray "©" in a footer is not an encoding
# Vietnamese letters as UTF-8 writes them (ă đ ơ ư, and ạ…ỹ in U+1EA0-U+1EFF)
_UTF8_LETTERS = re.compile(rb"[\xc3\xc4\xc6][\x80-\xbf]|\xe1[\xba\xbb][\x80-\xbf]")


def legacy_font(text: str) -> str | None:
    """The legacy font encoding ``text`` appears to be written in, if any."""
    letters = sum(1 for c in text if c.isalpha()) or 1
    proper = len(re.findall(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđươăĐƯƠĂ]",
                            unicodedata.normalize("NFC", text)))
    for name, pattern in (("TCVN3 (ABC)", _TCVN3), ("VNI", _VNI)):
        count = len(pattern.findall(text))
        if count >= _LEGACY_MIN and count > proper and count / letters > 0.002:
            return name
    return None


def _refuse_legacy(text: str, path: Path) -> None:
    if (name := legacy_font(text)) is not None:
        raise ReadError(_(
            "{path}: the text is in the {name} font encoding, a legacy Vietnamese encoding that "
            "is not Unicode; convert it to Unicode (UniKey's converter does) and run again",
            path=path, name=name))


def read_plain(data: bytes, path: Path) -> Document:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, encoding = _decode(data, "utf-32", path), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode(data, "utf-16", path), "utf-16"
    else:
        try:
            text = data.decode("utf-8")  # a BOM stays: positions slice the file as given
            encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _eight_bit(data, exc, path)
    _refuse_legacy(text, path)
    if encoding in ("utf-8", "utf-8-sig"):
        return Document(text, "text", {}, encoding)
    return Document(unicodedata.normalize("NFC", text.removeprefix("\ufeff")), "text", {},
                    encoding)


def _decode(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(_(
            "{path}: starts with a {value} byte-order mark but is not {value} text (byte {start})",
            path=path, value=encoding.upper(), start=exc.start)) from None


def _eight_bit(data: bytes, error: UnicodeDecodeError, path: Path) -> tuple[str, str]:
    """Bytes that are not UTF-8: UTF-16 without its mark, else Windows-1258."""
    if len(data) >= 4 and data.count(b"\x00") * 3 > len(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c.isspace() for c in text) > 0.95 * len(text):
                return text, encoding
    if _UTF8_LETTERS.search(data):
        # Vietnamese letters in UTF-8 beside bytes that are not: a damaged UTF-8 file,
        # which Windows-1258 would only turn into mojibake.
        raise ReadError(_(
            "{path}: not UTF-8 text (byte {start}); save the document as UTF-8 and run again",
            path=path, start=error.start))
    if b"\x00" not in data:
        try:
            # Windows-1258 writes most tones as combining marks after the letter;
            # the caller composes them (NFC).
            return data.decode("cp1258"), "windows-1258"
        except UnicodeDecodeError:
            pass
    raise ReadError(_(
        "{path}: not text in UTF-8, UTF-16 or Windows-1258 (byte {start} is not UTF-8); save the "
        "document as UTF-8 and run again",
        path=path, start=error.start))
