"""Two entries for one thing: a revision says which replaces which (KCN118); two that
disagree, neither revising the other, cannot both stand (KCN119)."""

from __future__ import annotations

from kcn_tracker.plans.figures import Range, superseded, value_range
from kcn_tracker.plans.model import Qualifier
from kcn_tracker.text.i18n import _


def _what(entry) -> tuple:
    """What a figure measures: two entries with the same are figures for one thing."""
    # A target has no project and an actual no comparator: the fields the entry holds are
    # read, since pydantic's lookup of an attribute a model lacks costs ten times more
    # (0.3 s of validating the national set at scale 1, profiled).
    fields = vars(entry)
    return (entry.indicator.value, entry.scope, entry.period, entry.unit.value,
            fields.get("project"), fields.get("comparator"))


def revision_errors(section: str, entries: list[tuple[int, object]]) -> list:
    """A ``supersedes`` must name another entry of the section that measures the same
    thing, and no entry may be revised twice."""
    errors = []
    by_id = {e.id: (i, e) for i, e in entries}
    revised: dict[str, int] = {}
    for index, entry in entries:
        if entry.supersedes is None:
            continue
        here, where = (section, index, "supersedes"), f"{section}[{index}].supersedes"
        old = by_id.get(entry.supersedes)
        if old is None or old[1] is entry:
            errors.append(("KCN118", here, _(
                "{where}: no other entry of {section} has the id '{supersedes}'; name the "
                "entry this one revises", where=where, section=section,
                supersedes=entry.supersedes)))
        elif _what(old[1])[:5] != _what(entry)[:5]:
            errors.append(("KCN118", here, _(
                "{where}: '{supersedes}' measures another indicator, scope, period or unit; "
                "a revision replaces a figure for the same thing", where=where,
                supersedes=entry.supersedes)))
        elif _revises_itself(entry, by_id):
            errors.append(("KCN118", here, _(
                "{where}: '{supersedes}' revises this entry in turn; a chain of revisions ends "
                "at the newest figure", where=where, supersedes=entry.supersedes)))
        elif entry.supersedes in revised:
            errors.append(("KCN118", here, _(
                "{where}: '{supersedes}' is already revised by {section}[{by}]; revise that one "
                "instead", where=where, supersedes=entry.supersedes, section=section,
                by=revised[entry.supersedes])))
        revised.setdefault(entry.supersedes, index)
    return errors


def _revises_itself(entry, by_id: dict) -> bool:
    """Whether following ``supersedes`` from ``entry`` comes back to it."""
    seen, current = {entry.id}, entry.supersedes
    while current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current][1].supersedes
    return False


def conflicts(section: str, entries: list[tuple[int, object]]) -> list:
    """Two figures for one thing whose values cannot both be right, neither revising the
    other: the report would have to choose one silently, so check refuses both."""
    old = superseded([e for _index, e in entries])
    current = [(i, e) for i, e in entries if e.id not in old and e.value is not None]
    errors, groups = [], {}
    for index, entry in current:
        groups.setdefault(_what(entry), []).append((index, entry))
    for group in groups.values():
        for later, (index, entry) in enumerate(group[1:], 1):
            # Each figure against every earlier one: 100, 150 and 200 conflict pairwise.
            clash = next(((i, e) for i, e in group[:later]
                          if not _ranges(e).overlaps(_ranges(entry))), None)
            if clash is not None:
                first_index, first = clash
                errors.append(("KCN119", (section, index, "value"), _(
                    "{section}[{index}].value: {value} and {section}[{first_index}] ('{id}') "
                    "give two figures, {value2} and {value}, for {entry}, {scope}, {period}; if "
                    "this one revises it, add supersedes = \"{id}\" (record … --supersedes "
                    "{id}), else correct one of them", section=section, index=index,
                    value=entry.value, first_index=first_index, id=first.id, value2=first.value,
                    entry=_what(entry)[0], scope=entry.scope, period=entry.period)))
    return errors


def _ranges(entry) -> Range:
    low = value_range(entry.value, getattr(entry, "qualifier", Qualifier.EXACT), entry.unit.value)
    top = getattr(entry, "value_max", None)
    return low if top is None else Range(low.low, value_range(top, Qualifier.EXACT,
                                                              entry.unit.value).high)
