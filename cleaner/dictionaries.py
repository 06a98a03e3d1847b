"""Load, validate and compile dictionary files (rules) and term lists (lexicons).

A dictionary is YAML: a list of rules, each saying what to match, what to
write, when (context) and how sure (``auto`` or ``review``), with its own
should-fix / must-not-fix examples. A term list is plain text, one correct
term per line. Both are validated on load; every problem is reported with
file and line.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from .model import Applicability
from .textio import CleanerError, read_text

DICTIONARY_DIR = Path(__file__).resolve().parent.parent / "dictionaries"
if not DICTIONARY_DIR.is_dir():  # installed as a wheel: dictionaries ship as package data
    DICTIONARY_DIR = Path(__file__).resolve().parent / "dictionaries"

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
CASE_MODES = ("as-written", "match-source")
_RULE_KEYS = {"id", "match", "pattern", "replace", "match_case", "case", "applicability", "context", "reason", "examples"}
_CONTEXT_KEYS = {"window", "require_any", "forbid_any", "followed_by", "preceded_by", "not_preceded_by"}
_LANGUAGE = re.compile(r"[a-z]{2,3}")  # a dictionary's language: "en", "fr"
# A quantified group that is itself quantified, or alternation under a quantifier,
# is how regexes backtrack catastrophically: refuse them outright.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]|\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*[+*]")


class DictionaryWarning(UserWarning):
    """A dictionary or term list loaded, but something in it looks wrong."""


@dataclass(frozen=True)
class Context:
    """Words that must (or must not) be near a match for a rule to fire."""

    window: int = 15
    require_any: frozenset[str] = frozenset()
    forbid_any: frozenset[str] = frozenset()
    followed_by: frozenset[str] = frozenset()
    preceded_by: frozenset[str] = frozenset()
    not_preceded_by: frozenset[str] = frozenset()  # "in Sudan", "to Sudan" is the country: a sedan needs "a" or "the"

    @staticmethod
    def _hit(words: set[str], wanted: frozenset[str]) -> bool:
        for w in wanted:
            if w.endswith("*"):
                if any(x.startswith(w[:-1]) for x in words):
                    return True
            elif w in words:
                return True
        return False

    def allows(self, before: list[str], after: list[str]) -> bool:
        """Judge a match by the lower-case words before and after it (same paragraph)."""
        near = set(before[-self.window :]) | set(after[: self.window])
        if self.require_any and not self._hit(near, self.require_any):
            return False
        if self.forbid_any and self._hit(near, self.forbid_any):
            return False
        if self.followed_by and not (after and self._hit({after[0]}, self.followed_by)):
            return False
        if self.not_preceded_by and before and self._hit({before[-1]}, self.not_preceded_by):
            return False
        return not (self.preceded_by and not (before and self._hit({before[-1]}, self.preceded_by)))


@dataclass(frozen=True)
class Rule:
    """One dictionary entry."""

    id: str
    dictionary: str
    replacements: tuple[str, ...]
    applicability: Applicability
    reason: str
    match: str | None = None
    pattern: re.Pattern[str] | None = None
    match_case: bool = False
    case: str = "as-written"
    context: Context = Context()
    fix_examples: tuple[tuple[str, str], ...] = ()
    keep_examples: tuple[str, ...] = ()
    source: str = ""
    # the pattern without its leading word boundary: it matches wherever the pattern does, and a
    # paragraph it finds nothing in is skipped several times faster than ``\b`` lets the pattern scan
    gate: re.Pattern[str] | None = None
    # where the gate is a literal every match holds (or the literal after an opening letter class): at
    # most how far into a match it starts, so the pattern need only be tried that far before each place
    # the literal is found (None: anywhere)
    anchor: int | None = None
    # a literal every match holds, in lower case (four characters or more): in a first round the
    # dictionary pass looks for all the rules' literals in one scan, and a rule whose literal the text
    # lacks is asked nothing more
    presence: str | None = None


@dataclass
class Dictionary:
    """A named set of rules; the dictionary pass compiles the literal ones of all it is given into one
    Aho-Corasick matcher."""

    name: str
    path: Path
    description: str
    default: bool
    rules: list[Rule] = field(default_factory=list)
    never: list[tuple[str, str | None]] = field(default_factory=list)  # (text, replacement or any) never to propose
    language: str | None = None  # the language its rules are written for ("en"); None: any

    def written_for(self, language: str) -> bool:
        """Whether the rules hold in a transcript in ``language``: elsewhere they only suggest."""
        return self.language is None or self.language == language

    @cached_property
    def pattern_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.pattern is not None]


def compile_literals(rules: list[Rule]) -> ahocorasick.Automaton | None:
    """One automaton over every literal phrase: cost does not grow with rule count."""
    if not rules:
        return None
    auto = ahocorasick.Automaton()
    for rule in rules:
        assert rule.match is not None
        key = rule.match.lower()
        existing = auto.get(key, [])
        auto.add_word(key, [*existing, rule])
    auto.make_automaton()
    return auto


def _shown_path(path: Path) -> str:
    """Shipped dictionaries by their place in the project, so evidence reads the same on every machine."""
    try:
        return f"dictionaries/{path.resolve().relative_to(DICTIONARY_DIR)}"
    except ValueError:
        return str(path)


def _err(path: Path, line: int | None, msg: str) -> CleanerError:
    return CleanerError(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")


_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when installed
_STR_TAG = "tag:yaml.org,2002:str"


def _load_yaml(text: str) -> Any:
    """YAML to plain Python straight from the parser's events; each mapping gets ``__line__``, its first line.

    PyYAML's loaders first build a node for every value, with its marks, and a
    10,000-rule file then took 80 MB and a second; building the values as the
    events arrive takes neither. Scalars are resolved and constructed as
    ``yaml.safe_load`` would.
    """
    resolver = yaml.resolver.Resolver()
    constructor = yaml.constructor.SafeConstructor()
    anchors: dict[str, Any] = {}
    stack: list[list[Any]] = []  # [container, anchor, key waiting for its value]
    root: list[Any] = []
    no_key = object()

    def add(value: Any, anchor: str | None) -> None:
        if anchor:
            anchors[anchor] = value
        if not stack:
            root.append(value)
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        elif frame[2] is no_key:
            if isinstance(value, (dict, list)):
                raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value", event.start_mark)
            frame[2] = value
        else:
            container[frame[2]] = value
            frame[2] = no_key

    for event in yaml.parse(text, Loader=_PARSER):
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag not in (None, "!") else resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag == _STR_TAG:
                add(event.value, event.anchor)
            else:
                node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                add(constructor.construct_object(node, deep=True), event.anchor)
        elif isinstance(event, yaml.MappingStartEvent):
            stack.append([{"__line__": event.start_mark.line + 1}, event.anchor, no_key])
        elif isinstance(event, yaml.SequenceStartEvent):
            stack.append([[], event.anchor, no_key])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container, anchor, _ = stack.pop()
            add(container, anchor)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            add(anchors[event.anchor], None)
        elif isinstance(event, yaml.DocumentStartEvent) and root:
            raise yaml.composer.ComposerError(None, None, "expected a single document in the stream", event.start_mark)
    return root[0] if root else None


def _words(value: Any, path: Path, line: int, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _err(path, line, f"context.{key} must be a list of words")
    return frozenset(v.strip().lower() for v in value)


def _check_pattern(text: str, path: Path, line: int) -> re.Pattern[str]:
    if len(text) > 300:
        raise _err(path, line, "pattern is longer than 300 characters")
    if _NESTED_QUANTIFIER.search(text):
        raise _err(path, line, f"pattern {text!r} nests quantifiers and could backtrack catastrophically; rewrite it")
    try:
        return re.compile(text)
    except re.error as exc:
        raise _err(path, line, f"pattern {text!r} is not a valid regular expression ({exc})") from None


def _parse_rule(raw: Any, dict_name: str, path: Path, index: int) -> Rule:
    if not isinstance(raw, dict):
        raise _err(path, None, f"rule #{index + 1} is not a mapping")
    line = raw.pop("__line__", None)
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _err(path, line, f"unknown key(s) {', '.join(sorted(unknown))}")
    rid = raw.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", rid):
        raise _err(path, line, "each rule needs an id of lower-case letters, digits and dashes")
    if ("match" in raw) == ("pattern" in raw):
        raise _err(path, line, f"rule {rid}: give exactly one of match or pattern")
    match = raw.get("match")
    if match is not None and (not isinstance(match, str) or not WORD_RE.search(match)):
        raise _err(path, line, f"rule {rid}: match must be a word or phrase")
    pattern = _check_pattern(raw["pattern"], path, line) if "pattern" in raw else None
    repl = raw.get("replace")
    if isinstance(repl, str):
        repl = [repl]
    if not isinstance(repl, list) or not repl or not all(isinstance(r, str) for r in repl):
        raise _err(path, line, f"rule {rid}: replace must be a string or a list of strings")
    if pattern is not None:
        for r in repl:
            try:  # a group the pattern does not have ("\\3" of two) would fail at the first match, mid-clean
                pattern.sub(r, "")  # the template is read before any matching, so an empty text checks it
            except (re.error, IndexError) as e:
                raise _err(path, line, f"rule {rid}: replace {r!r} does not fit its pattern ({e})") from None
    try:
        applicability = Applicability(raw.get("applicability", "review"))
    except ValueError:
        raise _err(path, line, f"rule {rid}: applicability must be auto or review") from None
    if applicability is Applicability.INFO:
        raise _err(path, line, f"rule {rid}: applicability must be auto or review")
    if len(repl) > 1 and applicability is Applicability.AUTO:
        raise _err(path, line, f"rule {rid}: a rule with several replacements cannot be auto")
    case = raw.get("case", "as-written")
    if case not in CASE_MODES:
        raise _err(path, line, f"rule {rid}: case must be one of {', '.join(CASE_MODES)}")
    ctx_raw = raw.get("context") or {}
    if not isinstance(ctx_raw, dict):
        raise _err(path, line, f"rule {rid}: context must be a mapping")
    ctx_raw.pop("__line__", None)
    bad = set(ctx_raw) - _CONTEXT_KEYS
    if bad:
        raise _err(path, line, f"rule {rid}: unknown context key(s) {', '.join(sorted(bad))}")
    window = ctx_raw.get("window", 15)
    if not isinstance(window, int) or not 1 <= window <= 200:
        raise _err(path, line, f"rule {rid}: context.window must be a whole number from 1 to 200")
    context = Context(
        window,
        *(_words(ctx_raw.get(k), path, line, k) for k in ("require_any", "forbid_any", "followed_by", "preceded_by", "not_preceded_by")),
    )
    reason = raw.get("reason") or f"{dict_name} dictionary: {match or raw.get('pattern')} → {repl[0]}"
    fixes, keeps = _parse_examples(raw.get("examples"), rid, path, line)
    gate, anchor, presence = _gate(pattern)
    return Rule(
        id=rid,
        dictionary=dict_name,
        replacements=tuple(repl),
        applicability=applicability,
        reason=str(reason),
        match=match,
        pattern=pattern,
        match_case=bool(raw.get("match_case", False)),
        case=case,
        context=context,
        fix_examples=fixes,
        keep_examples=keeps,
        source=f"{_shown_path(path)}:{line}",
        gate=gate,
        anchor=anchor,
        presence=presence,
    )


_LITERAL_GATE = 4  # characters: a literal this long that every match holds is a cheaper gate than the pattern


def _parsed(pattern: re.Pattern[str]) -> list[tuple[Any, Any]]:
    """The pattern's items, as the standard library's own regular-expression parser reads them ([] if it
    cannot: a private module, so any surprise means no gate, never an error)."""
    try:
        from re import _parser

        return list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return []


def _required_literal(items: list[tuple[Any, Any]]) -> str:
    r"""The longest run of plain characters every match must hold, read from the pattern's parsed items
    ("" if none): " base points" in ``\b(\d+|one|two) base points\b``, " dot " in a spoken web address."""
    from re import _constants

    best = run = ""
    for op, arg in items:
        if op is _constants.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best


def _literal_offset(items: list[tuple[Any, Any]], literal: str) -> int | None:
    r"""How far into a match, at most, the required ``literal`` starts: the widest the items before it
    can be (None where they have no bound, as ``\w+`` has not)."""
    from re import _constants, _parser

    run = ""
    for k, (op, arg) in enumerate(items):
        run = run + chr(arg) if op is _constants.LITERAL else ""
        if run == literal:
            start = k + 1 - len(literal)
            try:
                widest = _parser.SubPattern(_parser.State(), items[:start]).getwidth()[1] if start else 0
            except Exception:
                return None
            return widest if widest < 64 else None
    return None


def _opening(items: list[tuple[Any, Any]]) -> tuple[str, str, bool]:
    r"""A pattern's opening letter class and the literal after it, and whether a word starts there, as
    ``("Ii", "ts ", True)`` for ``\b([Ii])ts ...`` (("", "", False) for any other opening): a word whose
    first letter may be either case."""
    from re import _constants

    word = bool(items) and items[0] == (_constants.AT, _constants.AT_BOUNDARY)
    while items and items[0][0] is _constants.AT:
        items = items[1:]
    if items and items[0][0] is _constants.SUBPATTERN and len(items) > 1:
        inner = list(items[0][1][-1])  # "([Ii])": the group's own items
        items = inner + items[1:] if len(inner) == 1 else []
    if not items or items[0][0] is not _constants.IN:
        return "", "", False
    members = items[0][1]
    if not members or len(members) > 4 or any(op is not _constants.LITERAL for op, _ in members):
        return "", "", False
    run = ""
    for op, arg in items[1:]:
        if op is not _constants.LITERAL:
            break
        run += chr(arg)
    return "".join(chr(arg) for _, arg in members), run, word


def _gate(pattern: re.Pattern[str] | None) -> tuple[re.Pattern[str] | None, int | None, str | None]:
    r"""A quick test that a paragraph may hold a match, and how far into a match its literal starts
    (Rule.anchor; None: anywhere). The test is a literal every match holds, searched for as such; or
    the literal after an opening letter class, searched for first and its letter looked back at (``ts
    (?<=[Ii]ts )`` for ``\b([Ii])ts ...``: three times faster than a class opening the search), one
    character into a match; or else the pattern with a leading ``\b`` dropped (a pattern that starts
    with a letter class or a look-behind is tried at every position; a literal is found at memchr
    speed). Each only widens what matches, so where the gate finds nothing the pattern finds nothing.
    Third, Rule.presence: the literal in lower case, where it is long enough to be worth looking for."""
    if pattern is None:
        return None, None, None
    items = _parsed(pattern)  # parsed once, for the gate and its anchor
    literal = _required_literal(items)
    if len(literal) >= _LITERAL_GATE:
        gate = re.compile(re.escape(literal), pattern.flags & re.IGNORECASE)
        # not for a pattern that ignores case, which Unicode's case rules let match what lower-casing does not
        # give ("ſ" for "s")
        return gate, _literal_offset(items, literal), None if pattern.flags & re.IGNORECASE else literal.lower()
    letters, after, word = _opening(items)
    if letters and after:
        opening = ("\\b" if word else "") + f"[{re.escape(letters)}]{re.escape(after)}"
        presence = after.lower() if len(after) >= _LITERAL_GATE and not pattern.flags & re.IGNORECASE else None
        return re.compile(f"{re.escape(after)}(?<={opening})", pattern.flags & re.IGNORECASE), 1, presence
    if not pattern.pattern.startswith("\\b"):
        return None, None, None
    try:
        return re.compile(pattern.pattern[2:], pattern.flags), None, None
    except re.error:
        return None, None, None


def _parse_examples(raw: Any, rid: str, path: Path, line: int) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    if raw is None:
        return (), ()
    if not isinstance(raw, dict):
        raise _err(path, line, f"rule {rid}: examples must be a mapping with fix and keep")
    raw.pop("__line__", None)
    fixes = []
    for ex in raw.get("fix") or []:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("expect"), str):
            raise _err(path, line, f"rule {rid}: each fix example needs text and expect")
        fixes.append((ex["text"], ex["expect"]))
    keeps = raw.get("keep") or []
    if not all(isinstance(k, str) for k in keeps):
        raise _err(path, line, f"rule {rid}: keep examples must be strings")
    return tuple(fixes), tuple(keeps)


def load_dictionary(path: Path) -> Dictionary:
    """Load and validate one YAML dictionary file (a large one is parsed once and cached on disk)."""
    from .cache import cached

    text = read_text(path, "dictionary").text  # a missing or unreadable file is an error even when cached
    return cached("dictionary", [path], lambda: _parse_dictionary(path, text))


def _parse_dictionary(path: Path, text: str) -> Dictionary:
    try:
        data = _load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _err(path, mark.line + 1 if mark else None, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise _err(path, None, "a dictionary is a mapping with a 'rules' list")
    name = str(data.get("name") or path.stem)
    language = data.get("language")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.fullmatch(language)):
        line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("language:")), None)
        raise _err(path, line, f"language is a two- or three-letter code such as 'en', not {language!r}")
    dictionary = Dictionary(name, path, str(data.get("description", "")), bool(data.get("default", True)), language=language)
    for entry in data.get("never") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("match"), str):
            line = entry.get("__line__") if isinstance(entry, dict) else None
            raise _err(path, line, "each 'never' entry needs match (and may have replace)")
        repl = entry.get("replace")
        dictionary.never.append((entry["match"], repl if isinstance(repl, str) else None))
    seen: dict[str, Rule] = {}
    for i, raw in enumerate(data["rules"]):
        rule = _parse_rule(raw, name, path, i)
        if rule.id in seen:
            raise _err(path, int(rule.source.rsplit(":", 1)[1]), f"rule id {rule.id} is used twice (first at {seen[rule.id].source})")
        seen[rule.id] = rule
        dictionary.rules.append(rule)
    return dictionary


def shipped_dictionaries() -> list[Path]:
    return sorted(DICTIONARY_DIR.glob("*.yml"))


def resolve_dictionary(name_or_file: str) -> Path:
    """A name means a shipped dictionary; anything else is a path."""
    path = Path(name_or_file)
    if path.suffix in (".yml", ".yaml") or path.exists():
        return path
    shipped = DICTIONARY_DIR / f"{name_or_file}.yml"
    if shipped.exists():
        return shipped
    names = ", ".join(p.stem for p in shipped_dictionaries())
    raise CleanerError(f"{name_or_file}: no such dictionary file or shipped dictionary (shipped: {names})")


def load_dictionaries(names: list[str], use_defaults: bool = True) -> list[Dictionary]:
    """The shipped default dictionaries (unless turned off) plus every one named."""
    named = [resolve_dictionary(n).resolve() for n in names]
    candidates = [p.resolve() for p in shipped_dictionaries()] if use_defaults else []
    out: list[Dictionary] = []
    for p in dict.fromkeys(candidates + named):
        d = load_dictionary(p)
        if d.default or p in named:
            out.append(d)
    _warn_conflicts(out)
    return out


def _warn_conflicts(dictionaries: list[Dictionary]) -> None:
    """Two rules that change the same words to different ones in the same context, one of them without
    asking: only one can apply where both match, and which is an accident of their ids. Said, not refused
    (a user's own dictionary may override a shipped one on purpose), once per pair, in one dictionary or across."""
    first: dict[tuple[str, bool, Context], Rule] = {}
    for d in dictionaries:
        for rule in d.rules:
            if rule.match is None:
                continue
            key = (rule.match if rule.match_case else rule.match.lower(), rule.match_case, rule.context)
            other = first.setdefault(key, rule)
            if other is rule or other.replacements[0] == rule.replacements[0]:
                continue
            if Applicability.AUTO in (rule.applicability, other.applicability):
                warnings.warn(
                    f"{rule.source}: rule '{rule.id}' changes '{rule.match}' to '{rule.replacements[0]}', but rule "
                    f"'{other.id}' ({other.source}) changes it to '{other.replacements[0]}' in the same context; only "
                    "one is applied where both match: give them different contexts, or make one a review",
                    DictionaryWarning,
                    stacklevel=3,
                )


@dataclass(frozen=True)
class TermEntry:
    text: str
    line: int
    guessed_case: bool = False  # from a list written all in capitals: its capitals are a guess (see _recase)


# a list in capitals ("MONRO INC", "BRETT PONTON", as speech vendors' vocabularies are often kept) says
# which letters a term has, not which are capitals: most of its terms are in capitals and some have
# long words, which acronyms do not
_SHOUTED_SHARE = 0.9
_SHOUTED_LONG_TERMS = 3


def _shouted(terms: list[TermEntry]) -> bool:
    lettered = [t.text for t in terms if any(ch.isalpha() for ch in t.text)]
    upper = [t for t in lettered if t.upper() == t]
    long_words = sum(1 for t in upper if any(len(w) >= 7 and w.isalpha() for w in WORD_RE.findall(t)))
    return bool(lettered) and len(upper) >= _SHOUTED_SHARE * len(lettered) and long_words >= _SHOUTED_LONG_TERMS


_SMALL_WORDS = {"OF", "AND", "THE", "FOR", "AT", "ON", "IN", "DE", "LA", "DU", "VON", "VAN", "DER", "DEL", "DA"}
_NAME_WORDS = {"INC", "CO", "LTD", "LLC", "PLC", "CORP", "MR", "MS", "MRS", "DR", "ST", "JR", "SR"}


def _recase(text: str) -> str:
    """A guess at a shouted term's capitals: "of" and "and" in lower case, short words and words with
    "&" or digits as they are (acronyms: "BMO", "SG&A", "3M"), other words capitalized as names are
    ("MONRO INC" -> "Monro Inc", "O'REILLY" -> "O'Reilly", "LOWE'S" -> "Lowe's")."""

    def word(m: re.Match[str]) -> str:
        w = m.group()
        if w in _SMALL_WORDS and m.start() > 0:
            return w.lower()
        parts = w.split("'")
        if not all(p.isalpha() for p in parts if p) or (len(w) <= 3 and w not in _NAME_WORDS):
            return w
        return "'".join(p if not p else "s" if (k and p == "S") else p[0] + p[1:].lower() for k, p in enumerate(parts))

    return re.sub(r"[^\s\-/.]+", word, text)


def load_term_list(path: Path) -> list[TermEntry]:
    """Read a plain term list: one term per line, ``#`` starts a comment."""
    decoded = read_text(path, "term list")
    if decoded.note:
        warnings.warn(decoded.note, DictionaryWarning, stacklevel=2)  # a term list in another encoding is said, as a transcript is
    terms: list[TermEntry] = []
    seen: dict[str, int] = {}
    by_lower: dict[str, tuple[str, int]] = {}
    repeats = 0
    for n, raw in enumerate(decoded.text.split("\n"), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if len(line) > 200:
            raise CleanerError(f"{path}:{n}: a term of {len(line)} characters is not a term")
        if not WORD_RE.search(line):
            warnings.warn(f"{path}:{n}: '{line}' has no letters or digits; skipped", DictionaryWarning, stacklevel=2)
            continue
        if line in seen:
            repeats += 1
            if repeats <= 5:
                warnings.warn(f"{path}:{n}: '{line}' repeats line {seen[line]}; kept once", DictionaryWarning, stacklevel=2)
            continue
        seen[line] = n
        other = by_lower.setdefault(line.lower(), (line, n))
        if other[0] != line:
            warnings.warn(
                f"{path}:{n}: '{line}' conflicts with '{other[0]}' on line {other[1]} (same word, other capitals); "
                "the first is used to restore capitals",
                DictionaryWarning,
                stacklevel=2,
            )
        terms.append(TermEntry(" ".join(line.split()), n))
    if repeats > 5:
        warnings.warn(f"{path}: {repeats - 5} more repeated term(s), each kept once", DictionaryWarning, stacklevel=2)
    if not terms:
        raise CleanerError(f"{path}: has no terms")
    if _shouted(terms):
        warnings.warn(
            f"{path}: the terms are written in capitals, which says nothing of how they are capitalized; "
            "cleaner guesses (MONRO INC -> Monro Inc) and restores no capitals from this list",
            DictionaryWarning,
            stacklevel=2,
        )
        terms = [TermEntry(_recase(t.text), t.line, guessed_case=True) for t in terms]
    return terms
