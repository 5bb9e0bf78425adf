"""Long lists of cases are split into pages, so that no page grows with the number of cases."""

from __future__ import annotations

import math

PAGE_SIZE = 100


def page_count(items: int) -> int:
    return max(1, math.ceil(items / PAGE_SIZE))
