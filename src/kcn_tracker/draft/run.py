"""`kcn-tracker draft`: a document's proposals for one province's plan, as TOML to review."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kcn_tracker.draft.drafter import Drafter, Proposal
from kcn_tracker.extract.document import extract_file
from kcn_tracker.plans.entries import render_entry
from kcn_tracker.plans.load import LoadedPlan
from kcn_tracker.project import indexed, project_root, published
from kcn_tracker.text.i18n import _
from kcn_tracker.text.offsets import Lines
from kcn_tracker.text.spelling import canonical

# Characters a TOML comment may not hold, and line breaks that would end it early.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def _comment(text: str) -> str:
    return _UNPRINTABLE.sub(" ", text)


def draft_text(proposals: list[Proposal], document: str, plan_path: str, text: str) -> str:
    """The proposals as TOML a person reviews: entries, and comments for the rest."""
    lines = [_comment("# " + _("Proposed by `kcn-tracker draft` from {document} for {plan}.",
                                document=document, plan=plan_path)),
             "# " + _("Review every entry against the document before pasting it into the "
                      "plan file;"),
             "# " + _("lines marked 'check' need a decision."), ""]
    numbered = Lines(text)
    for p in proposals:
        q = p.quantity
        where = _comment(_("{text} (line {line})", text=q.text, line=numbered.of(q.start)))
        if p.existing:
            lines.append(_comment("# " + _("{where}: already in {plan} as {id}", where=where,
                                           plan=plan_path, id=p.existing)))
            continue
        if p.section is None:
            lines += [f"# {where}: {p.checks[0]}", ""]
            continue
        if p.repeats:
            lines += [_comment("# " + _("{where}: the same figure as '{id}' above, not "
                                        "repeated", where=where, id=p.repeats)), ""]
            continue
        lines.append(f"# {where}")
        lines += [_comment(f"# check: {c}") for c in p.checks]
        lines.append(render_entry(p.section, p.fields))
    return "\n".join(lines).rstrip("\n") + "\n"


@dataclass
class Drafted:
    text: str  # the TOML to review
    cited: str  # seeds/<name>, as the entries cite the document
    outside_seeds: bool  # the document is not yet where the entries say it is


def draft_document(document: Path, loaded: LoadedPlan) -> Drafted:
    """The entries proposed for the plan ``loaded`` from ``document``."""
    extraction, text = extract_file(document)
    cited = f"seeds/{document.name}"
    root = project_root(loaded.path)
    drafter = Drafter(loaded.plan, cited, published(loaded.path, cited),
                      indexed(loaded.path, cited).get("precision") == "day",
                      lambda section, i: (loaded.position(section, i) or (None,))[0])
    declined = {canonical(s.quote): s.reason for s in loaded.plan.skipped if s.document == cited}
    proposals = [Proposal(p.quantity, None, checks=[
        _("skipped with draft --write ({reason})",
          reason=declined[canonical(p.fields['source']['quote'])] or _("no reason given"))])
        if p.section and canonical(p.fields["source"]["quote"]) in declined else p
        for p in drafter.propose(extraction.quantities)]
    return Drafted(draft_text(proposals, cited, str(loaded.path), text), cited,
                   document.resolve().parent != (root / "seeds").resolve())


def draft_for_province(document: Path, province: str, plans: list[Path]) -> Drafted:
    """The entries proposed from ``document`` for the plan of ``province`` among ``plans``."""
    return draft_document(document, loaded_plan(province, plans))


def loaded_plan(province: str, plans: list[Path]) -> LoadedPlan:
    """The loaded plan of ``province`` among ``plans``; a problem in any plan file stops the
    draft, since the entries could not be checked against the plan."""
    from kcn_tracker.errors import PlanError
    from kcn_tracker.plans.load import load_plans
    from kcn_tracker.plans.provinces import select_provinces

    try:
        loaded = load_plans(plans)
    except PlanError as exc:
        raise PlanError(exc.problems, "the plan files have problems; fix them first "
                        "(`kcn-tracker check` lists them)") from None
    chosen = select_provinces([item.plan for item in loaded], [province])
    return next(i for i in loaded if i.plan is chosen[0])
