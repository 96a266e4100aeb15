"""`kcn-tracker check`: every problem of every plan file, in one run.

The families run in order on each file: syntax, structure, provenance (on the
TOML data, so a structural mistake does not hide a wrong quote), consistency
(on the validated plan), then acknowledgements: a finding that the entry it
concerns acknowledges, with a reason, is listed but does not fail the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from itertools import chain
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from kcn_tracker.check.consistency import check_consistency
from kcn_tracker.check.documents import DocumentError, Documents
from kcn_tracker.check.index import check_index
from kcn_tracker.check.provenance import check_provenance
from kcn_tracker.errors import KcnError
from kcn_tracker.findings import RULES, Problem, Rule, Severity
from kcn_tracker.plans.load import Parsed, duplicate_provinces, parse, plan_files
from kcn_tracker.plans.model import SECTIONS
from kcn_tracker.plans.validate import validate
from kcn_tracker.project import project_root, read_limited


@dataclass(frozen=True)
class Finding:
    problem: Problem
    acknowledged: str | None = None  # the plan file's reason, when it acknowledges it

    @property
    def rule(self) -> Rule:
        return RULES[self.problem.code]

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    def fails(self, strict: bool) -> bool:
        if self.acknowledged is not None:
            return False
        return self.severity is Severity.ERROR or (strict and self.severity is Severity.WARNING)


@dataclass(frozen=True)
class CheckResult:
    files: list[Path]
    findings: list[Finding]
    lines: dict[Path, list[str]]  # each file's text, to show the offending line
    # The rule families (first digit of the code number) that ran on each file:
    # a file that is not TOML was never checked for provenance.
    families: dict[Path, set[str]]

    def failed(self, strict: bool) -> bool:
        return any(f.fails(strict) for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings
                   if f.severity is severity and f.acknowledged is None)

    @property
    def acknowledged(self) -> int:
        return sum(1 for f in self.findings if f.acknowledged is not None)


# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 8


class ProjectDocuments(dict):
    """The documents of each project a run meets, each read once in that run: a
    second run reads them again, so a document changed in between is seen."""

    def of(self, root: Path) -> Documents:
        return self.setdefault(root, Documents(root))


def workers_for(files: int) -> int:
    """Processes worth starting for ``files`` plan files: the cores this process may run
    on (its affinity) less the work already running (the one-minute load average), one
    per PARALLEL_FROM / 2 files at most; ``KCN_TRACKER_WORKERS`` sets the number."""
    setting = os.environ.get("KCN_TRACKER_WORKERS", "").strip()
    if setting.isascii() and setting.isdigit() and int(setting) > 0:
        return min(int(setting), files)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        busy = 0.0
    return max(1, min(int(cores - busy + 0.5), files // (PARALLEL_FROM // 2)))


# What a forked worker inherits: the parsed files and the documents read so far.
_shared: tuple[dict[Path, Parsed], dict[Path, Path], ProjectDocuments] | None = None


def _outcome(file: Path, parsed: Parsed, documents: Documents):
    """Everything `check` learns from one parsed file, in a form that crosses processes."""
    plan, problems = check_file(parsed, documents)
    findings = acknowledge(parsed, problems, consistency_ran=plan is not None)
    families = {"0"} | ({"1", "2", "9"} if parsed.data is not None else set()) | (
        {"3"} if plan is not None else set())
    # What the cross-file rules need, not the whole plan (the locator is the parent's).
    return file, findings, families, None if plan is None else _Plan(plan.province)


def check_paths(paths: Iterable[Path], documents: ProjectDocuments | None = None) -> CheckResult:
    """Check every plan file under ``paths``; ``documents`` is this run's cache of the
    documents read (a new one when not given)."""
    global _shared
    files = plan_files(paths)
    cache = ProjectDocuments() if documents is None else documents
    parsed = {file: parse(file) for file in files}
    roots = {file: project_root(file) for file in files}
    workers = workers_for(len(files))
    if workers > 1:
        # Files are independent until the cross-file rules. Each document is read and
        # normalised by one worker, then every worker checks its files with all of them.
        _shared = (parsed, roots, cache)
        try:
            cited = _cited(parsed, roots, cache)
            with _pool(workers) as pool:
                for root, path, text in chain.from_iterable(pool.map(
                        _read_documents, [cited[i::workers] for i in range(workers)])):
                    cache.of(root).known(path, text)
            with _pool(workers) as pool:
                results = list(pool.map(_check_in_worker, files, chunksize=4))
        finally:
            _shared = None
    else:
        results = [_outcome(file, parsed[file], cache.of(roots[file])) for file in files]
    findings: list[Finding] = []
    lines: dict[Path, list[str]] = {}
    families: dict[Path, set[str]] = {}
    valid = []
    for file, found, ran, brief in results:
        findings += found
        text = parsed[file].text if parsed[file].text is not None else ""
        lines[file] = [line.removesuffix("\r") for line in text.split("\n")] if found else []
        families[file] = ran
        if brief is not None:
            valid.append((file, brief, parsed[file].locator))
    findings += [Finding(p) for p in duplicate_provinces(valid)]
    for root in dict.fromkeys(roots.values()):
        index = check_index(root)
        findings += [Finding(p) for p in index]
        for problem in index:
            if problem.line is not None and problem.file not in lines:
                lines[problem.file] = _text_lines(problem.file)
    return CheckResult(files, findings, lines, families)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=get_context("fork"))


def _cited(parsed: dict[Path, Parsed], roots: dict[Path, Path],
           cache: ProjectDocuments) -> list[tuple[Path, Path]]:
    """(project, file) of every document a quote cites, resolved here, once each."""
    cited = {}
    for file, one in parsed.items():
        documents = cache.of(roots[file])
        for section in SECTIONS:
            entries = (one.data or {}).get(section)
            for raw in entries if isinstance(entries, list) else []:
                source = raw.get("source") if isinstance(raw, dict) else None
                name = source.get("document") if isinstance(source, dict) else None
                if isinstance(name, str):
                    try:
                        cited[(roots[file], documents.resolve(name))] = None
                    except DocumentError:
                        pass  # reported by provenance, in the worker that checks the file
    return list(cited)


def _read_documents(cited: list[tuple[Path, Path]]) -> list[tuple[Path, Path, str]]:
    out = []
    for root, path in cited:
        try:
            out.append((root, path, _shared[2].of(root).canonical_text(path)))
        except DocumentError:
            pass  # read again, and reported, by the worker that checks the file
    return out


def _check_in_worker(file: Path):
    parsed, roots, cache = _shared
    return _outcome(file, parsed[file], cache.of(roots[file]))


@dataclass(frozen=True)
class _Plan:
    province: object  # plans.model.Province: all that duplicate_provinces reads


def _text_lines(path: Path) -> list[str]:
    try:
        return read_limited(path).decode("utf-8", "replace").split("\n")
    except KcnError:
        return []


def check_file(parsed: Parsed, documents: Documents):
    """The plan (None if it is not valid) and every problem of one parsed file."""
    plan = validate(parsed)
    problems = list(parsed.problems)
    if parsed.data is not None:
        problems += check_provenance(parsed, documents)
    if plan is not None:
        problems += [parsed.problem(code, loc, message)
                     for code, loc, message in check_consistency(plan)]
    return plan, problems


def acknowledge(parsed: Parsed, problems: list[Problem], consistency_ran: bool) -> list[Finding]:
    """Match findings with the acknowledgements of their entries; report unused ones.

    An acknowledgement of a consistency finding is not "unused" in a file whose
    structure is broken: consistency did not run, so it could not find it.
    """
    acks = _acknowledgements(parsed.data or {})
    used: set[tuple] = set()
    findings = []
    for problem in problems:
        reason = acks.get((*problem.entry, problem.code))
        if reason is not None:
            used.add((*problem.entry, problem.code))
        findings.append(Finding(problem, reason))
    for (section, index, code), _ in acks.items():
        if (section, index, code) not in used and (consistency_ran or code[3] != "3"):
            findings.append(Finding(parsed.problem(
                "KCN901", (section, index, "acknowledge"),
                f"{section}[{index}] acknowledges {code}, but there is no such finding on "
                "this entry; remove the acknowledgement")))
    order = {code: i for i, code in enumerate(RULES)}
    return sorted(findings, key=lambda f: (f.problem.line or 0, f.problem.column or 0,
                                           order[f.problem.code]))


def _acknowledgements(data: dict) -> dict[tuple, str]:
    found = {}
    for section in SECTIONS:
        entries = data.get(section)
        for index, raw in enumerate(entries if isinstance(entries, list) else []):
            acks = raw.get("acknowledge") if isinstance(raw, dict) else None
            for ack in acks if isinstance(acks, list) else []:
                if (isinstance(ack, dict) and isinstance(ack.get("rule"), str)
                        and isinstance(ack.get("reason"), str) and ack["reason"]):
                    found[(section, index, ack["rule"])] = ack["reason"]
    return found
