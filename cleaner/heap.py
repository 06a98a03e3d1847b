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
import sys

_modules_frozen = 0  # how many modules were loaded when the heap was last frozen


def settle() -> None:
    """Call once after loading what lives for the whole run."""
    global _modules_frozen
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 100)
    _modules_frozen = len(sys.modules)


def tidy() -> None:
    """Call after each file: with collections rarer, a long transcript's leftovers would pile up otherwise.
    Only what is not frozen is walked. What the first file loaded for the whole run (textstat's syllable
    table, python-docx, imported only where a file needs them) is frozen too: walking it again after
    every file had cost 6 ms a file, a fifth of a short transcript's time."""
    global _modules_frozen
    gc.collect()
    if len(sys.modules) != _modules_frozen:
        gc.freeze()
        _modules_frozen = len(sys.modules)
