"""The meeting-room commands: report, status, trend, unrecovered."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kcn_tracker.cli.app import app
from kcn_tracker.cli.options import (
    AsOfOpt,
    Lang,
    LangOpt,
    PlansArg,
    ProvinceOpt,
    WidthOpt,
    as_of_date,
    choices,
    console,
    plans_or_default,
)
from kcn_tracker.errors import InputError
from kcn_tracker.report.formats import FORMATS as REPORT_FORMATS
from kcn_tracker.text.display import printable
from kcn_tracker.text.i18n import N_, _

ReportFormat = choices(REPORT_FORMATS)
StatusFormat = choices(("table", "json", "markdown"))
ListFormat = choices(("table", "json"))
ByChoice = choices(("successor",))

ByOpt = Annotated[Optional[ByChoice], typer.Option(
    "--by", help=N_("successor: show the former provinces under the province that took them "
    "over (Resolution 202/2025/QH15), each with its own name and figures."))]
ExportOpt = Annotated[Optional[Path], typer.Option(
    "--export", metavar="FILE", help=N_("Also write what is shown to FILE, with a title line: "
    ".xlsx (a workbook), .html (a page to project or print), .svg, .md or .txt."))]


def _load(paths, provinces, by_successor: bool = False, lang: str = "vi"):
    """The selected plans and what seeds/index.toml says of their documents; when a name
    also names a province formed by a merger, a note says which is which."""
    from kcn_tracker.plans.load import load_plans
    from kcn_tracker.plans.provinces import select_provinces
    from kcn_tracker.project import documents_index

    loaded = load_plans(plans_or_default(paths))
    plans = [item.plan for item in loaded]
    selected = select_provinces(plans, provinces or [], by_successor)
    if not by_successor:
        _note_successors(plans, provinces or [], lang)
    return selected, documents_index(item.path for item in loaded)


def _note_successors(plans, wanted: list[str], lang: str) -> None:
    from kcn_tracker.plans.provinces import named_successors
    from kcn_tracker.report.cells import since_day, word

    for name in wanted:
        for new in named_successors(plans, [name]):
            typer.echo(word(lang, "also_new", name=name, new=new.successor.name,
                            since=since_day(new.successor, lang),
                            members=", ".join(m.province.name for m in new.members)), err=True)


def _export_target(path: Path | None, output_format: str = "table") -> None:
    if path is None:
        return
    from kcn_tracker.report.export import check_target

    if output_format != "table":
        raise InputError(_(
            "--export writes what the table shows; leave out --format, or redirect the "
            "{output_format} output to a file",
            output_format=output_format))
    check_target(path)


def _screen(command: str, province, when, lang: str, export: Path | None, width: int | None):
    """The console that records what is shown, headed by the export's title line (only an
    export has one, and only then is the export code loaded)."""
    screen = console(record=export is not None, width=width, export=export is not None)
    if export is None:
        return screen, ""
    from kcn_tracker.report.export import title_line

    title = title_line(command, province, when, lang)
    screen.print(title, style="bold", highlight=False)
    return screen, title


def _finish(export: Path | None, screen, title: str, views: dict) -> None:
    if export is None:
        return
    from kcn_tracker.report.export import finish

    if finish(export, screen, title, views):
        typer.echo(_("exported {path}", path=printable(str(export))), err=True)


def _views(sources, documents, workbook, page, markdown) -> dict:
    """What an export holds besides the screen, each made only for its extension; the
    workbook and the page end with the documents ``sources`` cite."""
    def cited():
        from kcn_tracker.report.sources import cited

        return cited(sources(), documents)

    return {".xlsx": lambda: workbook(cited()), ".html": lambda: page(cited()),
            ".md": markdown}


def _report_views(result, lang: str, title: str, command: str, markdown) -> dict:
    def workbook(cited):
        from kcn_tracker.report.workbook import report_workbook

        return report_workbook(result, cited, lang, title)

    def page(cited):
        from kcn_tracker.report.page import report_page

        return report_page(result, cited, lang, title, command)

    def sources():
        from kcn_tracker.report.sources import report_sources

        return report_sources(result)

    return _views(sources, result.documents, workbook, page, markdown)


def _evaluated(command, plans, province, as_of, lang, by, export, output_format, width,
               year=None):
    """What report and status share: check the export, load, evaluate, start the screen."""
    from kcn_tracker.progress.evaluate import evaluate_plans
    from kcn_tracker.report.groups import in_period_order

    when = as_of_date(as_of, lang.value)
    _export_target(export, output_format)
    selected, documents = _load(plans, province, by is not None, lang.value)
    result = in_period_order(evaluate_plans(selected, when, year, by_successor=by is not None,
                                            documents=documents))
    screen, title = _screen(command, province, when, lang.value, export, width)
    return result, screen, title


def _markdown_report(result, lang: str) -> str:
    import io

    from rich.console import Console

    from kcn_tracker.report.formats import renderer

    buffer = io.StringIO()
    renderer("markdown")(result, lang, Console(file=buffer))
    return buffer.getvalue()


@app.command(short_help=N_("Targets against reported figures, province by province."), help=N_(
    "Progress of every target, the other reported figures, and pending revocations."))
def report(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    year: Annotated[Optional[int], typer.Option(
        "--year", min=1900, max=2200, metavar="YEAR",
        help=N_("Only targets and figures whose period includes this year."))] = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help=N_("table for the terminal; json (a documented contract), "
        "csv or markdown for other tools and minutes."))] = "table",
    by: ByOpt = None,
    export: ExportOpt = None,
    width: WidthOpt = None,
) -> None:
    from kcn_tracker.report.formats import renderer

    fmt = ReportFormat(output_format).value
    result, screen, title = _evaluated("report", plans, province, as_of, lang, by, export,
                                       fmt, width, year)
    renderer(fmt)(result, lang.value, screen)
    _finish(export, screen, title, _report_views(
        result, lang.value, title, "report", lambda: _markdown_report(result, lang.value)))


@app.command(short_help=N_("All provinces on one screen."), help=N_(
    "One screen across provinces: targets by status, the extremes, pending "
    "revocations."))
def status(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[StatusFormat, typer.Option(
        "--format", "-f", help=N_("table, json or markdown."))] = "table",
    by: ByOpt = None,
    export: ExportOpt = None,
    width: WidthOpt = None,
) -> None:
    from kcn_tracker.report.status import render, status_markdown

    fmt = StatusFormat(output_format).value
    result, screen, title = _evaluated("status", plans, province, as_of, lang, by, export, fmt,
                                       width)
    render(result, lang.value, fmt, screen)
    _finish(export, screen, title, _report_views(
        result, lang.value, title, "status", lambda: status_markdown(result, lang.value)))


@app.command(short_help=N_("One indicator over the years, as bars."), help=N_(
    "An indicator over the years as bars, with its targets and the change year on "
    "year."))
def trend(
    indicator: Annotated[str, typer.Argument(
        metavar="INDICATOR", help=N_("An indicator key or label (`kcn-tracker indicators`), "
        "e.g. new_projects_fdi or 'Dự án FDI cấp mới' (diacritics optional)."),
        show_default=False)],
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    by: ByOpt = None,
    export: ExportOpt = None,
    width: WidthOpt = None,
) -> None:
    import difflib

    from kcn_tracker.plans.vocabulary import INDICATORS
    from kcn_tracker.progress.trend import series
    from kcn_tracker.report.trend import render

    indicator = _indicator_key(indicator)
    if indicator not in INDICATORS:
        close = difflib.get_close_matches(indicator, list(INDICATORS), n=1)
        if close:
            raise InputError(_("unknown indicator '{indicator}'; did you mean '{close}'?",
                               indicator=indicator, close=close[0]))
        raise InputError(_("unknown indicator '{indicator}'; `kcn-tracker indicators` lists "
                           "them", indicator=indicator))
    when = as_of_date(as_of, lang.value)
    _export_target(export)
    selected, documents = _load(plans, province, by is not None, lang.value)
    found = series(selected, indicator, when)
    screen, title = _screen(f"trend {indicator}", province, when, lang.value, export, width)
    if not found:
        from kcn_tracker.report.cells import indicator_label, word

        screen.print(word(lang.value, "no_series",
                          indicator=indicator_label(indicator, lang.value)))
    render(found, lang.value, screen)
    _finish(export, screen, title, _trend_views(found, documents, lang.value, title))


def _indicator_key(text: str) -> str:
    """An indicator's key from its key or its label in either language, diacritics
    optional ("Dự án FDI cấp mới", "du an fdi cap moi"); an unknown one as typed."""
    import unicodedata

    from kcn_tracker.plans.vocabulary import INDICATORS
    from kcn_tracker.text.spelling import fold

    if text in INDICATORS:
        return text
    exact = unicodedata.normalize("NFC", text).casefold().strip()
    for key, i in INDICATORS.items():
        if exact in (unicodedata.normalize("NFC", i.vi).casefold(), i.en.casefold()):
            return key
    folded = fold(text)
    found = [key for key, i in INDICATORS.items() if folded in (fold(i.vi), fold(i.en), key)]
    if len(found) > 1:
        raise InputError(_(
            "'{text}' is the label of {found}; give one of these keys",
            text=text, found=', '.join(found)))
    return found[0] if found else text


def _trend_views(found, documents, lang: str, title: str) -> dict:
    def workbook(cited):
        from kcn_tracker.report.workbook import trend_workbook

        return trend_workbook(found, cited, lang, title)

    def page(cited):
        from kcn_tracker.report.page import trend_page

        return trend_page(found, cited, lang, title)

    def sources():
        from kcn_tracker.report.sources import series_sources

        return series_sources(found)

    def markdown():
        from kcn_tracker.report.trend import trend_markdown

        return trend_markdown(found, lang)

    return _views(sources, documents, workbook, page, markdown)


@app.command(short_help=N_("Projects whose revocation is not completed."), help=N_(
    "Projects whose revocation (thu hồi) is reported as not completed, across "
    "provinces."))
def unrecovered(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help=N_("table, or json for other tools."))] = "table",
) -> None:
    from kcn_tracker.progress.evaluate import evaluate_plans
    from kcn_tracker.report.unrecovered import render

    when = as_of_date(as_of, lang.value)
    selected, documents = _load(plans, province, lang=lang.value)
    render(evaluate_plans(selected, when, documents=documents), lang.value,
           ListFormat(output_format).value, console())
