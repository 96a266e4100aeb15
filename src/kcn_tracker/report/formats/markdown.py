"""The report as Markdown tables, for minutes and wiki pages."""

from __future__ import annotations

from rich.console import Console

from kcn_tracker.progress.evaluate import ProvinceResult, Report
from kcn_tracker.report.cells import (
    actual_cells,
    day,
    document_label,
    markdown_code,
    markdown_text,
    new_province_title,
    no_targets_text,
    note_lines,
    province_names,
    province_title,
    revision_lines,
    revocation_cells,
    target_cells,
    word,
)
from kcn_tracker.report.groups import grouped
from kcn_tracker.report.sources import cited, report_sources

TARGET_COLUMNS = ("indicator", "scope", "period", "target", "actual", "attainment",
                  "overshoot", "status", "remaining", "source")
ACTUAL_COLUMNS = ("indicator", "scope", "period", "actual", "target", "source")
REVOCATION_COLUMNS = ("project", "zone", "since", "source")


def table(columns: tuple[str, ...], rows: list[dict[str, str]], lang: str) -> list[str]:
    numeric = {"attainment", "overshoot"}
    lines = ["| " + " | ".join(word(lang, c) for c in columns) + " |",
             "|" + "|".join("---:" if c in numeric else "---" for c in columns) + "|"]
    lines += ["| " + " | ".join(markdown_text(row[c]) for c in columns) + " |" for row in rows]
    return lines


def province_lines(province: ProvinceResult, report: Report, lang: str) -> list[str]:
    plan = province.plan
    title = word(lang, "title", name=province_title(province.plan, lang),
                 as_of=day(report.as_of, lang))
    lines = [f"## {markdown_text(title)}", ""]
    if province.targets:
        lines += table(TARGET_COLUMNS, [target_cells(r, plan, lang) for r in province.targets],
                       lang)
    else:
        lines.append(no_targets_text(report.year, lang))
    if province.untargeted:
        lines += ["", f"### {markdown_text(word(lang, 'other_actuals', name=province.name))}",
                  ""]
        lines += table(ACTUAL_COLUMNS,
                       [actual_cells(a, plan, lang) for a in province.untargeted], lang)
    if notes := note_lines(province, lang):
        lines += ["", f"{markdown_text(word(lang, 'notes'))}:", ""]
        lines += [f"- {markdown_text(line)}" for line in notes]
    if revisions := revision_lines(province, lang):
        lines += ["", f"{markdown_text(word(lang, 'revisions'))}:", ""]
        lines += [f"- {markdown_text(line)}" for line in revisions]
    if province.unrecovered:
        title = word(lang, "unrecovered_title", name=province.name)
        lines += ["", f"### {markdown_text(title)}", ""]
        lines += table(REVOCATION_COLUMNS,
                       [revocation_cells(r, plan, lang) for r in province.unrecovered], lang)
    return lines + [""]


def render(report: Report, lang: str, console: Console) -> None:
    lines: list[str] = []
    for heading, members in grouped(report):
        if heading is not None:
            names = province_names([m.plan for m in members])
            lines += [f"# {markdown_text(new_province_title(heading.successor, lang))}", "",
                      markdown_text(word(lang, "members", names=names)), ""]
        for province in members:
            lines += province_lines(province, report, lang)
    if documents := cited(report_sources(report), report.documents):
        lines += [f"{word(lang, 'documents')}:", ""]
        lines += [f"- {markdown_text(document_label(d.document))}: "
                  + (f"{markdown_text(d.about(lang))} — " if d.about(lang) else "")
                  + markdown_code(d.document) for d in documents]
    console.file.write("\n".join(lines) + "\n")
