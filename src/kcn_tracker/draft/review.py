"""`draft --write`: each proposal shown with its sentence, and a person's decision on it.

The decisions are collected first and written once, at the end, by the caller
(through edit.record.add_entries, the checked, atomic, locked path of `record`); quitting
writes nothing. A skipped proposal is remembered in the plan file's
[[skipped]], and proposals whose quote is remembered there are not made again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rich.markup import escape

from kcn_tracker.draft.drafter import Drafter, Proposal
from kcn_tracker.errors import InputError
from kcn_tracker.extract.document import extract_file
from kcn_tracker.plans.entries import render_entry
from kcn_tracker.plans.load import LoadedPlan
from kcn_tracker.plans.model import Qualifier
from kcn_tracker.plans.periods import parse_period
from kcn_tracker.project import indexed, published
from kcn_tracker.text.display import printable
from kcn_tracker.text.i18n import N_, _
from kcn_tracker.text.spelling import canonical

EDITABLE = ("indicator", "period", "scope", "qualifier", "value")
# The keys stay a, e, s, r, q in every language; the words around them are translated.
CHOICES = N_("[a]ccept, [e]dit a field, [s]kip, accept the [r]est, [q]uit")


@dataclass
class Decisions:
    accepted: list[Proposal] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # [[skipped]] entries to write
    quit: bool = False

    def entries(self) -> list[tuple[str, dict]]:
        return [(p.section, p.fields) for p in self.accepted] + [
            ("skipped", s) for s in self.skipped]


def proposals(document: Path, loaded: LoadedPlan) -> tuple[list[Proposal], str]:
    """The proposals that can be written (new entries, not skipped before) and the cited path."""
    extraction, _problems = extract_file(document)
    cited = f"seeds/{document.name}"
    drafter = Drafter(loaded.plan, cited, published(loaded.path, cited),
                      indexed(loaded.path, cited).get("precision") == "day",
                      lambda section, i: (loaded.position(section, i) or (None,))[0])
    declined = {canonical(s.quote) for s in loaded.plan.skipped if s.document == cited}
    return [p for p in drafter.propose(extraction.quantities)
            if p.section is not None and p.existing is None
            and canonical(p.fields["source"]["quote"]) not in declined], cited


def shown(p: Proposal) -> str:
    """The sentence with the figure highlighted, then the entry, as rich markup."""
    q = p.quantity
    start, end = q.start - q.sentence_start, q.end - q.sentence_start
    sentence = q.sentence
    # The document's text is data: no markup, no escape sequence, no bidi control.
    lines = ["", _safe(sentence[:start]) + "[reverse bold]" + _safe(sentence[start:end])
             + "[/]" + _safe(sentence[end:])]
    lines += [f"[yellow]check: {_safe(c)}[/]" for c in p.checks]
    lines.append(_safe(render_entry(p.section, p.fields).rstrip("\n")))
    return "\n".join(lines)


def _safe(text: str) -> str:
    return escape(printable(text))


def by_ids(found: list[Proposal], accept: str) -> Decisions:
    """--accept all, or --accept ID,ID: those proposals, without asking."""
    if accept.strip() == "all":
        return Decisions(list(found))
    wanted = [i.strip() for i in accept.split(",") if i.strip()]
    ids = {p.fields["id"]: p for p in found}
    unknown = [i for i in wanted if i not in ids]
    if unknown or not wanted:
        raise InputError(_(
            "--accept {accept}: no proposal has the id {unknown}; give all, or ids among: {ids}",
            accept=repr(accept), unknown=repr(', '.join(unknown) or accept),
            ids=', '.join(ids) or '(none)'))
    return Decisions([ids[i] for i in wanted])


def interactive(found: list[Proposal], ask: Callable[[str], str],
                show: Callable[[str], None]) -> Decisions:
    decisions = Decisions()
    for number, p in enumerate(found, 1):
        show(f"\n[bold]{number}/{len(found)}[/]" + shown(p))
        while True:
            answer = ask(_(CHOICES)).strip().lower()[:1]
            if answer == "a":
                decisions.accepted.append(p)
            elif answer == "r":
                decisions.accepted += found[number - 1:]
                return decisions
            elif answer == "q":
                return Decisions(quit=True)
            elif answer == "s":
                reason = ask(_("reason (Enter for none)")).strip()
                skipped = {"document": p.fields["source"]["document"],
                           "quote": p.fields["source"]["quote"]}
                decisions.skipped.append({**skipped, **({"reason": reason} if reason else {})})
            elif answer == "e":
                _edit(p, ask, show)
                show(shown(p))
                continue
            else:
                continue
            break
    return decisions


def _edit(p: Proposal, ask: Callable[[str], str], show: Callable[[str], None]) -> None:
    name = ask(_("field ({fields})", fields=", ".join(EDITABLE))).strip().lower()
    if name not in EDITABLE:
        show("[red]" + escape(_("{name} is not one of {fields}", name=name,
                                 fields=", ".join(EDITABLE))) + "[/]")
        return
    value = ask(f"{name}").strip()
    try:
        p.fields[name] = _value(name, value)
    except ValueError as exc:
        show(f"[red]{escape(str(exc))}[/]")
        return
    p.checks = [c for c in p.checks if name not in c]


def _value(name: str, text: str):
    if name == "value":
        if not re.fullmatch(r"\d+(\.\d+)?", text) or re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            raise ValueError(_("{text}: type the figure with a dot as the decimal mark, 2150 "
                               "or 225.8 (2.150 is ambiguous)", text=repr(text)))
        return Decimal(text)
    if name == "period":
        parse_period(text)  # raises ValueError with the reason
        return text
    if name == "qualifier" and text not in {q.value for q in Qualifier}:
        raise ValueError(_("{text}: a qualifier is one of {qualifiers}", text=repr(text),
                           qualifiers=", ".join(q.value for q in Qualifier)))
    if not text:
        raise ValueError(_("an empty value"))
    return text
