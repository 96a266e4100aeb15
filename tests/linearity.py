"""Time that grows with the input, not with its square: n against 2n."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Linear work doubles from n to 2n and quadratic work quadruples: a ratio under 3 is
# linear with room for a loaded machine's noise (the best of several rounds is compared).
MARGIN = 3.0


def doubling_ratio(run: Callable[[object], object], small: object, large: object,
                   rounds: int = 3) -> float:
    """The best time of ``run(large)`` over the best time of ``run(small)``, alternating."""
    best = [float("inf"), float("inf")]
    run(small)  # imports and caches warm
    for _ in range(rounds):
        for i, value in enumerate((small, large)):
            gc.collect()
            start = time.perf_counter()
            run(value)
            best[i] = min(best[i], time.perf_counter() - start)
    return best[1] / best[0]


def assert_linear(run: Callable[[object], object], small: object, large: object,
                  rounds: int = 3) -> None:
    ratio = doubling_ratio(run, small, large, rounds)
    assert ratio < MARGIN, f"twice the input took {ratio:.1f} times as long"
