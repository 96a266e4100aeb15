"""Parsing a document from outside within a memory and time budget.

A PDF's streams are compressed: a file of a few hundred kilobytes can unpack to
gigabytes, and the parser unpacks each stream whole before we see any text. The
size-limited read bounds the file, not what it unpacks to, so the parse runs in a
child process whose address space and processor time are capped; if it runs out, the
document is refused with a message, and the command goes on with the rest of its
work. Where processes cannot be forked (not Linux), the parse runs in this process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from kcn_tracker.project import max_bytes
from kcn_tracker.text.i18n import _

CPU_SECONDS = 120
# A document of the largest allowed size may take this many times its size in memory
# while it is parsed (a PDF's layout objects are large); a bomb stops here.
MEMORY_FACTOR = 64


def memory_budget() -> int:
    return MEMORY_FACTOR * max_bytes()


def run_bounded(parse: Callable, data: bytes, path: Path, error: type[Exception]):
    """``parse(data, path)`` in a child process within the budget; ``error`` (a
    one-message exception) is raised again here with its message."""
    if sys.platform != "linux":
        return parse(data, path)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, parse, data, path, error))
    child.start()
    send.close()
    try:
        kind, value = receive.recv()
    except EOFError:  # killed: the processor time ran out, or the kernel's memory did
        kind, value = "budget", None
    finally:  # also on Ctrl-C: the child never outlives the command
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "done":
        return value
    if kind == "error":
        raise error(value)
    raise error(_(
        "{path}: unpacks to more than {budget} MB or takes over {seconds} s to read; a "
        "report is far smaller (raise KCN_TRACKER_MAX_BYTES if this one is right)",
        path=path, budget=memory_budget() // 2**20, seconds=CPU_SECONDS))


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _dies_with_parent() -> None:
    """The kernel kills this process when the command that forked it ends (a CI job
    cancelled, a terminal closed), so a parse never runs on alone."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # no prctl: the parent still kills it when it stops waiting


def _child(send, parse, data: bytes, path: Path, error: type[Exception]) -> None:
    import resource
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the command's to answer
    _dies_with_parent()
    used = _address_space()
    if used is not None:
        limit = used + memory_budget()
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    try:
        outcome = ("done", parse(data, path))
    except MemoryError:
        outcome = ("budget", None)
    except error as exc:
        outcome = ("error", str(exc))
    send.send(outcome)
    send.close()
