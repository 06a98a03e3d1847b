"""One spelling per speaker and per firm across all speaker labels.

"Capstone Investment" in one label and "Capstone Investments" in another
are one firm. Where the term list names one of the spellings, relabelling
the others is sure (``auto``); otherwise the most used spelling is only
suggested, with the others as alternatives. A label spelled once, beside the
speech's own spelling of the same name ("... with Morgan Stanley"), is offered
that spelling the same way.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..lexicon import bare, sound_keys_agree, sounds_alike, zipf
from ..model import Applicability, Edit, Span, Suggestion, Transcript
from . import PassContext, PassResult, suggest

PASS_ID = "speakers"
_KNOWN = 2.5  # Zipf: a word English knows, beside a misspelling of it that it hardly does ("goldmann")
_SIMILAR = 88  # rapidfuzz ratio above which two label parts are one name spelled two ways
# the last word of a firm's name, which firms write in the plural: "Capstone Investments", "Acme Partners"
_FIRM_PLURALS = frozenset(
    (  # noqa: SIM905 (a line of words reads better than a column of them)
        "investments securities partners holdings markets industries technologies solutions systems resources associates "
        "advisors advisers brothers communications pharmaceuticals therapeutics sciences services"
    ).split()
)


def _parts(t: Transcript) -> list[tuple[str, Span]]:
    """Each label's name part and firm part, with their spans."""
    out: list[tuple[str, Span]] = []
    for turn in t.turns:
        if turn.label is None:
            continue
        label = t.text[turn.label.start : turn.label.end]
        name_end = len(turn.speaker)
        if label.startswith(turn.speaker):
            out.append((turn.speaker, Span(turn.label.start, turn.label.start + name_end)))
        for part in (turn.firm, turn.role):
            if part and label.endswith(part):
                out.append((part, Span(turn.label.end - len(part), turn.label.end)))
    return out


def _numbered_apart(a: str, b: str) -> bool:
    """ "Speaker 1" and "Speaker 2", "Analyst A" and "Analyst B": two people, told apart by a number or letter."""
    last_a, last_b = a.split()[-1].lower(), b.split()[-1].lower()
    return last_a != last_b and any(len(w) <= 2 or any(ch.isdigit() for ch in w) for w in (last_a, last_b))


def _same_first_word(a: str, b: str) -> bool:
    """The same first word, or one letter off in a longer one that sounds the same ("Goldmann Sachs" for
    Goldman Sachs); "Joan" and "John" are two people."""
    first_a, first_b = a.split()[0].lower(), b.split()[0].lower()
    if first_a == first_b:
        return True
    return min(len(first_a), len(first_b)) >= 5 and Levenshtein.distance(first_a, first_b) == 1 and sounds_alike(first_a, first_b)


def _sounds_the_same(a: str, b: str) -> bool:
    """One first name, and a surname spelt another way that sounds the same on both keys ("Shira Cats"
    and "Shira Katz", "Dan Reed" and "Dan Reid"), as a recognizer writes a speaker it heard."""
    wa, wb = a.lower().split(), b.lower().split()
    return (
        len(wa) == len(wb) >= 2
        and wa[0] == wb[0]
        and all(x == y or (min(len(x), len(y)) >= 3 and sound_keys_agree(x, y) == 2) for x, y in zip(wa[1:], wb[1:], strict=True))
    )


def _clusters(forms: Counter[str]) -> list[list[str]]:
    """Group spellings that are the same name written slightly differently."""
    clusters: list[list[str]] = []
    for form, _ in forms.most_common():
        for cluster in clusters:
            head = cluster[0]
            if (
                form.lower() != head.lower()
                and (fuzz.ratio(form.lower(), head.lower()) >= _SIMILAR or _sounds_the_same(form, head))
                and _same_first_word(form, head)
                and not _numbered_apart(form, head)
            ):
                cluster.append(form)
                break
            if form.lower() == head.lower():
                cluster.append(form)
                break
        else:
            clusters.append([form])
    return [c for c in clusters if len(set(c)) > 1]


_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*)+\b")  # not a sentence's closing "."


def _body_phrases(t: Transcript, sizes: set[int]) -> Counter[str]:
    """Runs of capitalized words in the speech ("with Morgan Stanley"), and every stretch of them of the
    given sizes ("Next Is Morgan Stanley" holds "Morgan Stanley")."""
    found: Counter[str] = Counter()
    for block in t.paragraphs():
        for m in _CAPITAL_RUN.finditer(t.text, block.span.start, block.span.end):
            for words in _sentences(m.group().split()):
                for size in sizes:
                    # a possessive ends the name there: "Morgan Stanley's desk" names Morgan Stanley
                    found.update(" ".join([*words[i : i + size - 1], bare(words[i + size - 1])]) for i in range(len(words) - size + 1))
    return found


# a dot that shortens a word rather than ends a sentence: "Acme Inc. Holdings", "J. P. Morgan", "Dr. Lee"
_SHORTENED = re.compile(r"(?:[A-Z]|[A-Z]\w?\.[A-Z]|Inc|Co|Corp|Ltd|Bros|Jr|Sr|St|Mr|Mrs|Ms|Dr|Prof|No|Vol)\.", re.IGNORECASE)


def _sentences(words: list[str]) -> list[list[str]]:
    """A run of capitalized words cut where a sentence ends inside it: "with Example Securities. Please go
    ahead" names "Example Securities", never "Example Securities." or "Securities. Please"."""
    out: list[list[str]] = [[]]
    for w in words:
        if w.endswith(".") and not _SHORTENED.fullmatch(w):
            out[-1].append(w[:-1])
            out.append([])
        else:
            out[-1].append(w)
    return [s for s in out if s]


def _unsuffixed(name: str) -> str:
    """A name without the "s" or "'s" the speech puts on it ("Deepak Ahujas team", "Elon Musk's tweet")."""
    return " ".join(re.sub(r"(?:['’]?s)$", "", w) for w in name.lower().split())


def _firm_plural(cluster: list[str]) -> str | None:
    """The one spelling of the cluster whose last word is a firm's plural ("Capstone Investments"), where the
    others are it without the "s" ("Capstone Investment"), a slip the singular is far more often."""
    plural = [f for f in cluster if f.split()[-1].lower() in _FIRM_PLURALS]
    if len(plural) == 1 and all(f == plural[0] or f + "s" == plural[0] for f in cluster):
        return plural[0]
    return None


def _known(name: str) -> int:
    return sum(zipf(w) >= _KNOWN for w in name.split())


def _spelled_in_speech(
    t: Transcript, ctx: PassContext, parts: list[tuple[str, Span]], labelled: Counter[str], done: set[Span]
) -> list[Suggestion]:
    """A label spelled one way only once ("Adam Jonas - Morgan Stanly"), and the speech the other
    ("our next question is from Adam Jonas with Morgan Stanley"): the speech's spelling is offered."""
    out: list[Suggestion] = []
    sizes = {len(text.split()) for text, _ in parts if len(text.split()) >= 2}
    if not sizes:
        return out
    body = _body_phrases(t, sizes)
    by_size: dict[int, list[str]] = {}
    for p in body:
        by_size.setdefault(len(p.split()), []).append(p)
    for text, span in parts:
        words = len(text.split())
        if span in done or words < 2 or text in body or (ctx.lexicon is not None and ctx.lexicon.has_exact(text)):
            continue
        plain, low, n = _unsuffixed(text), text.lower(), len(text)
        near = [
            p
            for p in by_size.get(words, ())
            if 200 * min(len(p), n) >= _SIMILAR * (len(p) + n)  # lengths that could reach the ratio at all
            # "Deepak Ahujas" in the speech is the label's name with an "s" on it, unless the term list
            # spells the name so ("RBC Capital Markets" for a label's "RBC Capital Market")
            and (_unsuffixed(p) != plain or (ctx.lexicon is not None and ctx.lexicon.has_exact(p)))
            and fuzz.ratio(p.lower(), low) >= _SIMILAR
            and not (text.isupper() and p.lower() == low)  # a label in capitals is the house style, no misspelling
            and _same_first_word(p, text)
            and not _numbered_apart(p, text)
        ]
        if len(near) != 1:
            continue
        listed = ctx.lexicon is not None and ctx.lexicon.has_exact(near[0])
        if not listed and (labelled[text] > 1 or _known(near[0]) <= _known(text)):
            # labels that agree with each other, or a speech spelling English knows no better
            # ("Priya Ramen" for a label's "Priya Raman"), vouch for nothing: the label stays
            continue
        # the label's own spelling is no word at all, the speech's one English knows ("Securites", "Securities")
        slip = all(zipf(a.lower()) == 0 and zipf(b.lower()) >= _KNOWN for a, b in zip(text.split(), near[0].split(), strict=True) if a != b)
        sure = listed or slip
        out.append(
            suggest(
                t,
                PASS_ID,
                "label-as-spoken",
                [Edit(span, near[0])],
                Applicability.AUTO if sure else Applicability.REVIEW,
                f"the speech writes '{near[0]}' ({body[near[0]]} time(s)), this label '{text}'"
                + ("; the term list spells it so" if listed else "; the label's spelling is no English word" if slip else ""),
                confidence=0.95 if sure else 0.6,
                priority=35,
                evidence={"in_speech": body[near[0]]},
            )
        )
    return out


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    parts = _parts(t)
    forms = Counter(text for text, _ in parts)
    done: set[Span] = set()
    clusters = _clusters(forms)
    spoken = _body_phrases(t, {len(f.split()) for c in clusters for f in c}) if clusters else Counter()
    for cluster in clusters:
        known = [f for f in cluster if ctx.lexicon is not None and ctx.lexicon.has_exact(f)]
        if len(known) == 1:
            target, applicability, why = known[0], Applicability.AUTO, "the term list spells it"
        else:
            # the most used; on a tie, the one the speech writes ("that Shira Katz flagged" beside labels
            # "Shira Cats" and "Shira Katz"), then the spelling English knows better ("Goldman Sachs" over
            # "Goldmann Sachs")
            target = max(cluster, key=lambda f: (forms[f], spoken[f], _known(f), len(f)))
            applicability, why = Applicability.REVIEW, f"used {forms[target]} time(s); which spelling is right is unclear"
            if (plural := _firm_plural(cluster)) is not None:
                target, why = plural, f"a firm's '{plural.split()[-1]}' is written in the plural; which spelling is right is unclear"
        others = tuple(f for f in dict.fromkeys(cluster) if f != target)
        for text, span in parts:
            if text in others:
                done.add(span)
                result.suggestions.append(
                    suggest(
                        t,
                        PASS_ID,
                        "label-consistency",
                        [Edit(span, target)],
                        applicability,
                        f"speaker labels spell this '{target}' elsewhere ({why})",
                        confidence=0.95 if applicability is Applicability.AUTO else 0.6,
                        priority=35,
                        evidence={"spellings": {f: forms[f] for f in cluster}},
                        alternatives=tuple(f for f in dict.fromkeys(cluster) if f != target and f != text),
                    )
                )
    result.suggestions.extend(_spelled_in_speech(t, ctx, parts, forms, done))
    return result
