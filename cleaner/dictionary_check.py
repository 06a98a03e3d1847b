"""A dictionary's rules run on their own examples: what `cleaner check-dictionary` reports for your
own file and what the tests require of every shipped one. A rule whose fix example is not fixed, or
whose keep example is changed, does not do what its author says; a fix that another rule changes
again would make cleaning its own output change something."""

from __future__ import annotations

from collections.abc import Sequence

from .dictionaries import Dictionary, Rule
from .model import Applicability
from .passes import PassContext, apply_edits
from .passes.dictionary import rule_only
from .pipeline import clean_text


def _dictionary_pass(text: str, ctx: PassContext) -> tuple[str, list[str]]:
    """The text after the dictionary pass alone, and each pending suggestion applied to it."""
    result = clean_text(text, ctx, passes=("dictionary",), layout="plain")
    final = result.final.text
    return final, [apply_edits(final, list(s.edits)) for s in result.pending]


def rule_problems(rule: Rule, everything: Sequence[Dictionary]) -> list[str]:
    """What is wrong with one rule's examples: each one a sentence naming the example."""
    problems: list[str] = []
    alone = PassContext((rule_only(rule),))
    for text, expect in rule.fix_examples:
        got, asked = _dictionary_pass(text, alone)
        if rule.applicability is Applicability.REVIEW:
            if asked != [expect]:
                problems.append(f"fix example {text!r} is offered as {asked!r}, not {expect!r}")
        elif got != expect:
            problems.append(f"fix example {text!r} gives {got!r}, not {expect!r}")
    for text in rule.keep_examples:
        got, asked = _dictionary_pass(text, alone)
        if got != text or asked:
            problems.append(f"keep example {text!r} is changed: {(asked or [got])[0]!r}")
    others = PassContext(tuple(everything))
    for _, expect in rule.fix_examples:
        got, asked = _dictionary_pass(expect, others)
        if got != expect or asked:
            problems.append(f"its fix {expect!r} is changed again: {(asked or [got])[0]!r}")
    return problems


def missing_examples(rule: Rule) -> list[str]:
    return [f"no {kind} example" for kind, examples in (("fix", rule.fix_examples), ("keep", rule.keep_examples)) if not examples]
