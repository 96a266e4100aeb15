"""Time that grows with the input, not with its square: n against 2n."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Linear work doubles from n to 2n and quadratic work quadruples: a ratio under 3 is
# linear with room for a loaded machine's noise (the best of several rounds is compared).
MARGIN = 3.0

# The CPU time of this thread, not the wall clock: time spent waiting for a core that
# other processes hold (another test worker, other work on the machine) is no part of
# the work measured. The 52 reader x hostile-text pairs of test_hardening, n calibrated,
# under load 5-6 from other work: wall-clock ratios 0.97-3.43 (2 over 3), CPU time
# 1.66-2.84; with three more busy processes on the two cores: wall clock 0.15-25.4
# (25 of 52 over 3), CPU time 1.24-2.82 (none).
clock = time.thread_time


def doubling_ratio(run: Callable[[object], object], small: object, large: object,
                   rounds: int = 3, warm: bool = False) -> float:
    """The best time of ``run(large)`` over the best time of ``run(small)``, alternating
    (``warm``: ``run`` has just run on an input of this size, so no first run to warm up)."""
    best = [float("inf"), float("inf")]
    if not warm:
        run(small)  # imports and caches warm
    for _ in range(rounds):
        for i, value in enumerate((small, large)):
            gc.disable()  # a collection of the whole test process is no part of the work
            try:
                start = clock()
                run(value)
                best[i] = min(best[i], clock() - start)
            finally:
                gc.enable()
    return best[1] / best[0]


def assert_linear(run: Callable[[object], object], small: object, large: object,
                  rounds: int = 3) -> None:
    ratio = doubling_ratio(run, small, large, rounds)
    assert ratio < MARGIN, f"twice the input took {ratio:.1f} times as long"


def calibrated(make: Callable[[int], object], run: Callable[[object], object],
               at_least: float = 0.01, start: int = 64, limit: int = 1 << 20) -> int:
    """The smallest n (doubling from ``start``) at which ``run(make(n))`` takes
    ``at_least`` seconds: big enough to time, small enough to keep the suite short."""
    n = start
    while n < limit:
        began = clock()
        run(make(n))
        if clock() - began >= at_least:
            break
        n *= 2
    return n


def assert_linear_in(make: Callable[[int], object], run: Callable[[object], object],
                     what: str = "", rounds: int = 2) -> None:
    """``run`` on ``make(n)`` and ``make(2n)``, n calibrated: at most MARGIN times as long.

    Two rounds, then, should the ratio reach MARGIN, twice the size in twice the rounds;
    the calibration's last run is the warm-up. The 52 pairs of test_hardening twice over
    under load 5-8: at three rounds 1 of 104 needed the second look (and passed it), at
    two rounds none (largest ratio 2.79), in 6.0 s of CPU a pass against 9.7 s."""
    n = calibrated(make, run)
    ratio = doubling_ratio(run, make(n), make(2 * n), rounds, warm=True)
    if ratio >= MARGIN:  # a busy machine, or growth that is not linear: twice as large
        n *= 2           # and more rounds tell them apart
        ratio = doubling_ratio(run, make(n), make(2 * n), 2 * rounds)
    assert ratio < MARGIN, f"{what}: twice the input ({n} -> {2 * n}) took {ratio:.1f}x as long"
