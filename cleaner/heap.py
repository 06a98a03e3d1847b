"""Keep Python's garbage collector off the loaded term lists and dictionaries.

A 50,000-term list is millions of long-lived objects, and the pipeline
allocates many short-lived ones; each full collection would walk the whole
index again, which made a large list cost a third more time than its look-ups
do. Once the lists are loaded they are frozen out of the collector's view
(``gc.freeze``), and collections run less often. Forked worker processes also
share the frozen pages instead of copying them.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Call once after loading what lives for the whole run."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 100)


def tidy() -> None:
    """Call after each file: with collections rarer, a long transcript's leftovers would pile up otherwise.
    Only what is not frozen is walked, so this costs about a millisecond."""
    gc.collect()
