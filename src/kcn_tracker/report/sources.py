"""The documents a report cites: file, title, publisher, date and url from
seeds/index.toml, and every quote the report takes from each.

Every output that shows figures ends with this list (the terminal's and Markdown's
legend, the workbook's sources sheet, the page's sources), so a reader can find each
figure in its document without the plan files, by the name the document goes by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from kcn_tracker.plans.model import Source
from kcn_tracker.plans.periods import parse_period
from kcn_tracker.progress.evaluate import ProvinceResult, Report
from kcn_tracker.report.cells import document_label, partial_date, word
from kcn_tracker.text.display import printable


@dataclass(frozen=True)
class CitedDocument:
    document: str  # as the plan cites it: seeds/…
    title: str | None
    publisher: str | None
    published: str | None  # as precise as it is known: 2024, 2024-12, 2024-12-05
    url: str | None
    quotes: tuple[str, ...]
    approximate: bool = False  # the date is inferred from the content

    @property
    def published_day(self) -> date | None:
        """The date when it is known to the day, for a spreadsheet's date cell."""
        if not self.published:
            return None
        try:
            period = parse_period(self.published)
        except ValueError:
            return None
        return period.start if period.is_instant else None

    def _when(self, lang: str) -> str | None:
        """The date as the language writes it, "khoảng 2024" when it is inferred."""
        if not self.published:
            return None
        try:
            when = partial_date(self.published, lang)
        except ValueError:
            when = printable(self.published)
        return word(lang, "about_date", date=when) if self.approximate else when

    def about(self, lang: str) -> str:
        """How a reader knows the document: its title, publisher and date as far as
        seeds/index.toml states them ("… · Vietnam Business Forum · 30/11/2020");
        empty when it states none of them."""
        parts = [printable(x) for x in (self.title, self.publisher) if x]
        return " · ".join([*parts, self._when(lang)] if self.published else parts)

    def name(self, lang: str) -> str:
        """The document in a source cell with room for it (a spreadsheet's): its number,
        then the publisher (else the title) and the date, as far as they are known."""
        parts = [document_label(self.document), self.publisher or self.title,
                 self._when(lang)]
        return " · ".join(printable(x) for x in parts if x)


def province_sources(province: ProvinceResult) -> list[Source]:
    sources = []
    for r in province.targets:
        sources.append(r.target.source)
        sources += [t.source for t in r.restated]
        if r.observed:
            sources += [a.source for a in r.observed.entries]
    sources += [a.source for a in province.untargeted]
    return sources + [p.entry.source for p in province.unrecovered]


def report_sources(report: Report) -> list[Source]:
    return [s for p in report.provinces for s in province_sources(p)]


def series_sources(all_series) -> list[Source]:
    sources = []
    for s in all_series:
        for p in s.points:
            sources.append(p.actual.source)
            if p.stated_growth is not None:
                sources.append(p.stated_growth.source)
            if p.target is not None:
                sources.append(p.target.target.source)
        sources += [t.target.source for t in s.other_targets]
    return sources


def _text(value) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str) and value else None


def cited(sources: list[Source], index: dict[str, dict]) -> list[CitedDocument]:
    """One entry per document, in file order, with its quotes in order of first use."""
    quotes: dict[str, dict[str, None]] = {}
    for source in sources:
        quotes.setdefault(source.document, {})[source.quote] = None
    documents = []
    for document in sorted(quotes):
        known = index.get(PurePosixPath(document).name, {})
        documents.append(CitedDocument(
            document, _text(known.get("title")), _text(known.get("publisher")),
            _text(known.get("published")), _text(known.get("url")), tuple(quotes[document]),
            known.get("precision") == "approximate"))
    return documents
