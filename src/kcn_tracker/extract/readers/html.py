"""Web pages: the article's text, without navigation, scripts and footers.

lxml parses (python-docx already needs it, so it adds nothing to install); the
walk below keeps text, makes block elements paragraphs and table rows lines,
and lets inline tags vanish, so "<strong>35</strong> dự án" reads "35 dự án".
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kcn_tracker.extract.readers import CELL, Document, ReadError, paragraphs_text
from kcn_tracker.text.i18n import _

_DROPPED = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form",
            "button", "iframe", "svg", "template", "select", "head", "menu", "dialog"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
          "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
          "address", "hr", "table", "thead", "tbody", "tfoot", "caption", "center", "body"}
# class or id words of page furniture: menus, breadcrumbs, share buttons, related links
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|breadcrumbs?|sidebar|share|"
                        r"social|related|comments?|banner|advert|ads)(?:$|[\s_-])", re.I)
_META = {"title": ("og:title", "title", "dc.title"),
         "publisher": ("og:site_name", "publisher", "dc.publisher"),
         "author": ("author", "article:author", "dc.creator"),
         "published": ("article:published_time", "pubdate", "publishdate", "date",
                       "dc.date", "dc.date.issued", "datepublished")}
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def _decode(data: bytes, path: Path) -> str:
    from kcn_tracker.extract.readers.plain import read_plain

    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: the bytes decide
    return read_plain(data, path).text.removeprefix("\ufeff")


def read_html(data: bytes, path: Path) -> Document:
    import lxml.html
    from lxml import etree

    source = re.sub(r"^\s*<\?xml[^>]*\?>", "", _decode(data, path))
    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(_("{path}: not a readable web page ({exc})", path=path, exc=exc)) from None
    metadata = _metadata(root)
    articles = root.xpath("//article")
    body = articles[0] if len(articles) == 1 else (root.find("body") if root.find("body")
                                                   is not None else root)
    blocks: list[str] = []
    current: list[str] = []
    _walk(body, blocks, current)
    blocks.append("".join(current))
    text = paragraphs_text(blocks)
    if not text.strip():
        raise ReadError(_("{path}: no text in this web page", path=path))
    return Document(text, "html", metadata)


def _skipped(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROPPED or element.get("hidden") is not None:
        return True
    if element.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    words = f"{element.get('class', '')} {element.get('id', '')}"
    return tag not in ("body", "article", "main") and bool(_FURNITURE.search(words))


def _walk(element, blocks: list[str], current: list[str]) -> None:
    """Text in document order; a block element closes the paragraph before and after it."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "tr":
        blocks.append("".join(current))
        current.clear()
        cells = [" ".join(c.text_content().split()) for c in element
                 if isinstance(c.tag, str) and c.tag in ("td", "th") and not _skipped(c)]
        blocks.append(CELL.join(cells))
        return
    if tag == "br":
        blocks.append("".join(current))
        current.clear()
    block = tag in _BLOCK
    if block:
        blocks.append("".join(current))
        current.clear()
    if element.text and isinstance(element.tag, str):
        current.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and not _skipped(child):
            _walk(child, blocks, current)
        if child.tail:
            current.append(child.tail)
    if block:
        blocks.append("".join(current))
        current.clear()


def _metadata(root) -> dict[str, str]:
    found: dict[str, str] = {}
    metas = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = " ".join(meta.get("content").split())
    for field, keys in _META.items():
        value = next((metas[k] for k in keys if metas.get(k)), None)
        if value:
            found[field] = value
    if "title" not in found:
        title = root.find(".//title")
        if title is not None and title.text_content().strip():
            found["title"] = " ".join(title.text_content().split())
    if "published" in found:
        day = re.match(r"\d{4}-\d{2}-\d{2}", found["published"])
        if day is None:
            del found["published"]  # a date the page writes some other way is not guessed at
        else:
            found["published"] = day.group()
    return {k: unicodedata.normalize("NFC", v) for k, v in found.items()}
