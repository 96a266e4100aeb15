"""The commands that read documents: extract, draft."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kcn_tracker.cli.app import app
from kcn_tracker.cli.options import (
    Lang,
    LangOpt,
    choices,
    console,
    one_line,
    plans_or_default,
)
from kcn_tracker.text.display import printable
from kcn_tracker.text.i18n import N_, _, n_

ListFormat = choices(("table", "json"))

DocumentsArg = Annotated[list[Path], typer.Argument(
    metavar="DOCUMENT", show_default=False,
    help=N_("Text files (UTF-8), such as seeds/001_26b253d91b30fbe2.txt."))]


@app.command(short_help=N_("List every quantity a document states."), help=N_(
    "Every quantity each document states: value in a plan-file unit, qualifier, role "
    "(target, attainment, growth, ratio, actual), period, and where it stands.\n\n"
    "Numbers not written the Vietnamese way (\"2.15 tỷ USD\") are listed apart, never "
    "read."))
def extract(
    documents: DocumentsArg,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help=N_("table, or json for other tools (docs/extraction.md)."))
    ] = "table",
) -> None:
    from kcn_tracker.extract.document import extract_file
    from kcn_tracker.report.extraction import render

    pairs = [extract_file(p) for p in documents]
    render([e for e, _ in pairs], [t for _, t in pairs], lang.value,
           ListFormat(output_format).value, console())


@app.command(short_help=N_("Propose plan-file entries from a document, for review."), help=N_(
    "Print plan-file entries for the figures DOCUMENT states, as TOML to review and "
    "paste.\n\nThe indicator, scope, period and qualifier are read from the words "
    "around each number and the quote is the clause that states it, word for word; "
    "what the words do not settle is marked \"check\". Figures the plan file already "
    "records are listed as such, not repeated. Nothing is written, unless --write: "
    "then each proposal is shown with its sentence and you accept, edit a field, "
    "skip (remembered in the plan file, so it is not proposed again), accept the "
    "rest, or quit (nothing written); the accepted entries are written once, at the "
    "end, through the checks of `record`."))
def draft(
    document: Annotated[Path, typer.Argument(
        metavar="DOCUMENT", show_default=False,
        help=N_("The document, normally in seeds/ (the entries cite seeds/<its name>)."))],
    province: Annotated[str, typer.Option(
        "--province", "-p", metavar="PROVINCE", show_default=False,
        help=N_("The province whose plan file the entries are for: id or name."))],
    plans: Annotated[Optional[list[Path]], typer.Option(
        "--plans", metavar="PATH", show_default=False,
        help=N_("Plan files or directories to find the province in (default: plans/)."))] = None,
    write: Annotated[bool, typer.Option(
        "--write", help=N_("Ask about each proposal, then write the accepted ones into the plan "
        "file (checked, atomic, as record does)."))] = False,
    accept: Annotated[Optional[str], typer.Option(
        "--accept", metavar="all|ID,ID", show_default=False,
        help=N_("With --write: accept these proposals without asking (for scripts)."))] = None,
) -> None:
    if write or accept is not None:
        _draft_write(document, province, plans_or_default(plans), accept)
        return
    from kcn_tracker.draft.run import draft_for_province

    drafted = draft_for_province(document, province, plans_or_default(plans))
    if drafted.outside_seeds:
        typer.echo(_("note: the entries cite {cited}; copy the document there, unchanged, "
                     "before adding them", cited=printable(str(drafted.cited))), err=True)
    sys.stdout.write(drafted.text)


@app.command(short_help=N_("Bring documents into seeds/ and seeds/index.toml."), help=N_(
    "Copy each DOCUMENT into seeds/ byte for byte as NNN_<slug>.<ext>, with a UTF-8 "
    "text rendition beside it when it is not UTF-8 text, and add its entry to "
    "seeds/index.toml: both sha256, the province, and the title, publisher, author "
    "and date the document states (the options override them; nothing is guessed). A "
    "document already in seeds/ (the same bytes) is said so and not added again."))
def add(
    documents: Annotated[list[Path], typer.Argument(
        metavar="DOCUMENT", show_default=False,
        help=N_("Documents as received: text, .html, .docx or .pdf."))],
    province: Annotated[str, typer.Option(
        "--province", "-p", metavar="ID", show_default=False,
        help=N_("The id of the province the documents report on, such as thai-nguyen."))],
    url: Annotated[Optional[str], typer.Option(help=N_("Where the document was found."))] = None,
    title: Annotated[Optional[str], typer.Option(
        help=N_("The title, when the document does not state it (or states it wrongly)."))] = None,
    publisher: Annotated[Optional[str], typer.Option(help=N_("Who published it."))] = None,
    published: Annotated[Optional[str], typer.Option(
        help=N_("When it was published: YYYY-MM-DD, YYYY-MM or YYYY."))] = None,
) -> None:
    from kcn_tracker.edit.intake import add_documents
    from kcn_tracker.project import default_root

    options = {"url": one_line(url, "--url"), "title": one_line(title, "--title"),
               "publisher": one_line(publisher, "--publisher"), "published": published}
    for done in add_documents(documents, province, default_root(), options):
        source = printable(str(done.source))
        if done.file is None:
            typer.echo(_("{source}: already in seeds/ as {twin}; nothing written",
                         source=source, twin=done.twin))
        elif done.rendition:
            typer.echo(_("{source}: added as seeds/{file}, its text in seeds/{rendition}",
                         source=source, file=done.file, rendition=done.rendition))
        else:
            typer.echo(_("{source}: added as seeds/{file}", source=source, file=done.file))


def _terminal() -> bool:
    return sys.stdin.isatty()


def _draft_write(document: Path, province: str, plans: list[Path], accept: str | None) -> None:
    from kcn_tracker.draft.review import by_ids, interactive, proposals
    from kcn_tracker.draft.run import loaded_plan
    from kcn_tracker.edit.record import add_entries
    from kcn_tracker.errors import InputError

    loaded = loaded_plan(province, plans)
    found, cited = proposals(document, loaded)
    if (root := Path(loaded.path).resolve().parent.parent / "seeds") and \
            document.resolve().parent != root.resolve():
        raise InputError(_(
            "{document}: not in seeds/; add it first (kcn-tracker add), then draft seeds/<its "
            "name> --write",
            document=document))
    if not found:
        typer.echo(_("{document}: no new entry to propose for {plan}; nothing written",
                     document=printable(str(document)), plan=loaded.path))
        return
    if accept is not None:
        decisions = by_ids(found, accept)
    elif not _terminal():
        raise InputError(_(
            "draft --write asks about each proposal and needs a terminal; give --accept all or "
            "--accept ID,ID to write without asking"))
    else:
        out = console()
        decisions = interactive(
            found, lambda text: typer.prompt(text, default="", show_default=False), out.print)
    if decisions.quit:
        typer.echo(_("quit: nothing written"))
        return
    if not decisions.entries():
        typer.echo(_("nothing accepted: nothing written"))
        return
    add_entries(Path(loaded.path), decisions.entries())
    typer.echo(_("{plan}: {written}, {skipped}", plan=loaded.path,
                 written=n_("{n} entry written", "{n} entries written",
                            len(decisions.accepted)),
                 skipped=n_("{n} skipped remembered", "{n} skipped remembered",
                            len(decisions.skipped))))
