"""Detect a transcript's layout and parse it into blocks and speaker turns.

Layouts, in the order they are tried:

* ``bracket``  -- ``NAME [00:12:31]`` (or ``Name  0:07``, as Otter.ai writes it, ``Name (00:07):``,
  as Rev.com does, ``[Name] 10:05:33``, as Zoom saves a live transcript, or ``00:00:05 Name``, as
  Microsoft Word's Transcribe exports it) alone on a line, speech on the lines below.
* ``tabs``     -- timestamp, speaker and speech in tab-separated columns, the timestamp first or second.
* ``colon``    -- ``Name: speech`` on one line (``[00:00:05] Name: speech``, ``Name: [00:00:05] speech``
  and ``**Name:** speech`` too).
* ``earnings`` -- a speaker line alone (``Elon Musk``, ``Himanshu Patel - JPMorgan``,
  ``Operator``), a blank line, paragraphs; section headings such as
  ``Question-and-Answer Session``.
* ``captions`` -- a WebVTT, SRT or SBV caption file: each cue's text is a paragraph (without the formatting
  tags that open or close its lines), a WebVTT voice
  (``<v Jane Doe>``), or a name opening the cues, alone on the first line as Teams wrote them or
  before a colon as Zoom writes them, opens a turn; the header, cue identifiers and timings are no blocks.
* ``plain``    -- anything else: one paragraph or segment per line (a Whisper segment's timing, printed
  in brackets or in its ``.tsv`` columns of milliseconds, is the segment's timestamp).

Parsing never copies or rewrites text: blocks are spans into the one source
string, so every character stays addressable.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter, deque
from collections.abc import Iterator

from .model import Block, BlockKind, Span, Transcript, Turn

# a capital letter, with the accented ones a name may open with ("Élodie", "Ángel", "Øystein", "Łukasz", "Şule")
CAPITALS = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽΑ-ΩА-Я"
_NAME_WORD = rf"(?:[{CAPITALS}][\w'’.\-]*|de|da|del|der|di|van|von|la|le|bin|al|ibn|du|dos|st\.)"
# a role a label writes in lower case inside it ("Council member Ashby", "Vice chair Ortiz", "City manager
# Paul Eze", "Deputy mayor Chen"), never first
_ROLE_WORD = r"(?:member|chair|manager|attorney|clerk|director|secretary|treasurer|president|commissioner|supervisor|mayor)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_ROLE_WORD})){{0,4}}"
_TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"  # 0:07, 00:12:31, 00:00:05.2
_UNTIL = rf"[ \t]*-->[ \t]*{_TIMESTAMP}"  # the end of a timed segment, as Whisper prints one ("[00:00.000 --> 00:04.000]")
# the dash between a label's name, firm and role: "-", "–", "—", or "--" as the Motley Fool writes it
# ("Adam Jonas -- Morgan Stanley -- Analyst")
_LABEL_DASH = r"[ \t]+(?:--|[-–—])[ \t]+"
_SPEAKER_LINE = re.compile(
    rf"^(?P<name>{_NAME}|Speaker[ \t]+\d+)(?:{_LABEL_DASH}(?P<affil>[^\n]{{1,80}}?))?[ \t]*$"
    # "Elon Musk,  Tesla Motors Inc - CEO   [2]", "Operator   [1]": a label numbered as Thomson Reuters'
    # StreetEvents transcripts number them, the firm after a comma
    rf"|^(?P<nname>{_NAME})(?:,[ \t]+(?P<naffil>[^\n\[]{{1,100}}?))?[ \t]+\[\d{{1,4}}\][ \t]*$"
)
# a rule drawn across the page between a transcript's parts ("=====", "-----"), as StreetEvents draws them:
# no speech, and a line break as good as a blank line
_RULE_LINE = re.compile(r"[ \t]*(?:={8,}|-{8,}|_{8,}|\*{8,})[ \t]*$")
# the timestamp in brackets, bare after the name as Otter.ai exports it ("Jane Doe  0:07"), in
# parentheses with a colon as Rev.com exports it ("Jane Doe (00:07):"), or bare after the name in
# brackets as Zoom saves a live transcript ("[Jane Doe] 10:05:33")
_BRACKET_LINE = re.compile(
    rf"^(?P<square>\[)?(?P<name>{_NAME}|Speaker[ \t]+\d+|[{CAPITALS}][{CAPITALS} .'\-]{{0,40}}?)(?(square)\])"
    rf"[ \t]*(?:(?P<open>\[)|(?P<popen>\())?(?(open)|(?(popen)|(?<=[ \t])))"  # not "paren": a colon label's role
    rf"(?P<ts>{_TIMESTAMP})(?(open)\])(?(popen)\):?)[ \t]*$"
)
# the timestamp first, then the name, alone on a line as Microsoft Word's Transcribe exports it
# ("00:00:05 Speaker 1", "00:00:05 Jane Doe"), or "[00:00:05] - Jane Doe"
_TIME_FIRST_LINE = re.compile(rf"^\[?(?P<ts>{_TIMESTAMP})\]?[ \t]+(?:[-–—][ \t]+)?(?P<name>{_NAME}|Speaker[ \t]+\d+)[ \t]*$")
# "Name: speech", "Name (00:12): speech", "[00:00:05] Name: speech" as Zoom and Descript export it,
# or "Name: [00:00:05] speech" as Sonix does
_COLON_LINE = re.compile(
    rf"^(?:\[(?P<lead>{_TIMESTAMP})(?:{_UNTIL})?\][ \t]+)?"  # "[00:00:05]", "[00:00.000 --> 00:04.000]"
    rf"(?P<bold>\*\*)?"  # "**Jane Doe:** speech", a transcript copied from a web page in Markdown
    # "[SPEAKER_00]" as WhisperX writes it
    rf"(?P<bracket>\[)?(?P<name>{_NAME}|Speaker[ \t]+\d+|[{CAPITALS}][{CAPITALS} .'\-]{{1,40}}?)(?(bracket)\])"
    rf"(?:{_LABEL_DASH}(?P<affil>[{CAPITALS}][^:\n]{{0,60}}?))?"  # "John Doe - CFO: ..." as a call's transcript writes it
    rf"(?:[ \t]+\((?P<paren>[{CAPITALS}][^()\n:]{{0,40}}?)\))?"  # "Jane Doe (CFO): ...", "Host (Mark): ..."
    # French typography sets a space before the colon: "Pierre Martin : Merci."
    rf"(?:[ \t]+\((?P<ts>[\d:.]+)\))?(?(bold)(?::\*\*|\*\*:)|[ \u00a0\u202f]?:)[ \t]+"
    rf"(?:\[(?P<after>{_TIMESTAMP})\][ \t]*)?(?=\S)"  # "Jane Doe: [00:00:04] speech", as Sonix exports it
)
# speaker, timestamp and speech in tab-separated columns, the timestamp first or second, as some
# meeting tools export them ("00:00:05<TAB>Jane Doe<TAB>Hello.", "Jane Doe<TAB>00:00:05<TAB>Hello.")
_TAB_LINE = re.compile(rf"^(?:(?P<lead>{_TIMESTAMP})\t+)?(?P<name>{_NAME}|Speaker[ \t]+\d+)(?(lead)|\t+(?P<ts>{_TIMESTAMP}))\t+(?=\S)")
# a heading in Markdown ("## Questions and answers"), in a transcript copied from a web page
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+(?=\S)")
# a timestamp alone on a line ("00:05:00", "[00:05:00]")
_TIME_LINE = re.compile(rf"\[?(?P<ts>{_TIMESTAMP})\]?")
# a time or a span of times alone above a label, as Adobe Premiere exports a transcript ("00:00:05:12 -
# 00:00:09:20", hours, minutes, seconds and frames, then "Speaker 2" on the next line)
_TIMECODE = r"\d{1,2}:\d{2}(?::\d{2})?(?:[:;.,]\d{1,3})?"
_SPAN_LINE = re.compile(rf"\[?(?P<ts>{_TIMECODE})\]?(?:[ \t]*(?:-|–|—|-->)[ \t]*\[?{_TIMECODE}\]?)?")
# a caption cue's timing ("00:00:01.230 --> 00:00:04.560", or with commas as SRT writes it)
# (or "0:00:00.599,0:00:04.160" alone on its line, as YouTube's SBV files write it)
CUE_TIMING = re.compile(r"[ \t]*(?P<ts>[\d:]+)(?:[.,]\d+)?(?:[ \t]+-->|,\d{1,2}:\d{2}:\d{2}\.\d+[ \t]*$)")
# a WebVTT voice, which names the speaker ("<v Jane Doe>", "<v.loud Jane Doe>"), and closing tags ("</v>")
_VOICE = re.compile(r"<v(?:\.[\w.\-]+)*[ \t]+(?P<name>[^>]+?)[ \t]*>")
# a speaker in brackets at a cue's start, as WhisperX writes diarized captions ("[SPEAKER_00]: Welcome")
_CUE_SPEAKER = re.compile(rf"\[(?P<name>{_NAME}|Speaker[ \t]+\d+)\]:[ \t]+(?=\S)")
_CUE_NAME_LINE = re.compile(rf"(?:{_NAME}|Speaker[ \t]+\d+)$")
_CUE_NAME_COLON = re.compile(rf"(?:>>[ \t]*)?(?P<name>{_NAME}|Speaker[ \t]+\d+):[ \t]+(?=\S)")  # ">> ALICE: " in broadcast captions
CLOSING_TAGS = re.compile(r"(?:</[a-z.]{1,10}>)+[ \t]*$")
# formatting a caption's line opens with: "<i>", '<font color="#ffff00">', "<c.yellow>", "{\\an8}" (a position)
_OPENING_TAGS = re.compile(r"(?:\{\\[^}\n]{1,20}\}|<[a-z]{1,10}(?:\.[\w.\-]+)*(?:[ \t][^>\n]{0,80})?>)+[ \t]*")
_HEADING = re.compile(
    r"^(?:question[- ]and[- ]answer(?: session)?|questions? (?:and|&) answers?|q ?& ?a(?: session)?|presentation|prepared remarks"
    r"|(?:opening|closing|concluding) remarks|executives|analysts|corporate participants"
    r"|conference call participants|operator instructions|introduction|agenda|discussion"
    r"|[A-Z][\w&'\- ]{0,60} session):?$",  # "Prepared Remarks:", as the Motley Fool heads its calls' parts
    re.IGNORECASE,
)
_SINGLE_WORD_SPEAKERS = {
    "operator",
    "moderator",
    "host",
    "interviewer",
    "interviewee",
    "presenter",
    "speaker",
    "narrator",
    "facilitator",
    "chair",
    "chairman",
}
_ROLE_WORDS = re.compile(
    r"\b(?:CEO|CFO|COO|CTO|chief|president|vice|VP|director|head|officer|treasurer|relations|"
    r"chairman|founder|manager|secretary|counsel|controller|professor|host|analyst)\b",
    re.IGNORECASE,
)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line, without its newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


# the little words a title leaves in lower case ("Lecture 7: Gradient Descent", "The Future of Battery Storage, with Dr. Vasquez")
_TITLE_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or"}
    | {"over", "per", "the", "to", "via", "vs", "with"}
)
_TITLE_WORDS = 12  # words: a title is no longer than this
_TITLE_WORD = re.compile(r"[^\W_]+")


def reads_as_title(text: str) -> bool:
    """A title: every word but the little ones capitalized (or a number), at most a dozen words. A
    sentence a page break cut is in sentence case ("We will talk about the plan")."""
    words = _TITLE_WORD.findall(text)
    return (
        0 < len(words) <= _TITLE_WORDS
        and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL for w in words)
        and any(w[0].isalpha() for w in words)  # "00:00:00:00 - 00:00:05:12" is a time, no title
    )


def opens_with_label(text: str) -> bool:
    """A speaker's label before a colon opens it ("MR. KOWALCZYK: Good morning"), whatever layout the file
    was read in: a deposition's Q. and A. lines outnumber its labels, and it is read as plain text."""
    return _COLON_LINE.match(text) is not None


def speaker_key(name: str) -> str:
    """A speaker's identity for stable ids: letters of the name only, lower-case."""
    return re.sub(r"[^a-z0-9]+", "", name.split(" - ")[0].lower()) or "unknown"


# a label's part that says what someone does on the show, not who they are ("Host (Mark):")
_LABEL_ROLES = frozenset(
    {"host", "co-host", "cohost", "guest", "interviewer", "interviewee", "moderator", "panelist"}
    | {"narrator", "presenter", "caller", "reporter", "anchor", "chair", "speaker"}
)


def _split_affiliation(affil: str | None) -> tuple[str | None, str | None]:
    """A label's firm and role: "JPMorgan", "CFO", or both ("Morgan Stanley -- Analyst")."""
    if not affil:
        return None, None
    firm: str | None = None
    roles: list[str] = []
    for part in re.split(_LABEL_DASH, affil.strip()):
        if _ROLE_WORDS.search(part) or firm is not None:
            roles.append(part)
        else:
            firm = part
    return firm, " - ".join(roles) or None


def detect_layout(text: str) -> str:
    lines = [text[s:e] for s, e in _lines(text)]
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        return "plain"
    if nonblank[0].lstrip("\ufeff").startswith("WEBVTT") or sum(1 for ln in nonblank[:50] if CUE_TIMING.match(ln)) >= 2:
        return "captions"
    ends = paragraph_ends(lines)
    # labels are counted against paragraphs, not the lines a wrapped paragraph takes
    paragraphs = sum(1 for i in ends if lines[i].strip()) if ends else len(nonblank)
    bracket = sum(1 for ln in nonblank if _BRACKET_LINE.match(ln))
    if bracket >= 2 or (bracket >= 1 and len(nonblank) <= 4) or _time_first_labels(nonblank):
        return "bracket"
    tabs = sum(1 for ln in nonblank if "\t" in ln and _TAB_LINE.match(ln))
    if tabs >= 2 and tabs >= 0.3 * paragraphs:
        return "tabs"
    colon = sum(1 for ln in nonblank if _COLON_LINE.match(ln))
    if colon >= 2 and colon >= 0.3 * paragraphs:
        return "colon"
    if _earnings_speaker_lines(lines, ends) >= 2:
        return "earnings"
    return "plain"


def _time_first_labels(nonblank: list[str]) -> bool:
    """Labels with the timestamp first ("00:00:05 Jane Doe"), each with speech below it and a name said
    twice: a video's chapter list ("0:00 Intro" / "1:30 Setup") has neither."""
    names: Counter[str] = Counter()
    labels = 0
    for line, below in zip(nonblank, [*nonblank[1:], ""], strict=True):
        if m := _TIME_FIRST_LINE.match(line):
            labels += 1
            if below and not _TIME_FIRST_LINE.match(below):
                names[m.group("name")] += 1
    return names.total() >= 2 and names.total() >= 0.8 * labels and max(names.values()) >= 2


WRAP_MIN_LINES = 12  # fewer lines than this say too little about a width they were wrapped at
WRAP_WIDTHS = (40, 140)  # characters: the width of text wrapped by a PDF, an email or an editor
WRAP_FULL_SHARE = 0.5  # at least this share of lines run to within WRAP_SLACK characters of that width
WRAP_SLACK = 12
WRAP_RUNS_ON = 0.5  # ...and at least this share of those go on mid-sentence into a line in lower case
WRAP_DOUBLE_SHARE = 0.9  # a blank line after this share of lines or more: double-spaced text
_SENTENCE_CLOSERS = ".?!:;\"”’')]…"  # what a finished sentence ends with, before a label of the next turn


# a page's number left in text copied from a PDF: "Page 4", "Page 4 of 20", "Page 4/20", "- 4 -", "-- Page 4 --",
# "4 | Page", "Page | 4", in brackets, as a typist marks where the printed page turned ("[Page 4 of 20]",
# "(Page 4)"), or closing a running header, set apart by a wide gap or a bar ("Acme Q2 Call      Page 4")
_PAGE = r"page[ \t]+\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?"
_DASHES = r"[-–—]{1,3}"
PAGE_MARK = re.compile(
    rf"(?:{_PAGE}|\[[ \t]*{_PAGE}[ \t]*\]|\([ \t]*{_PAGE}[ \t]*\)|{_DASHES}[ \t]*(?:{_PAGE}|\d{{1,4}})[ \t]*{_DASHES}"
    rf"|\d{{1,4}}[ \t]*\|[ \t]*page|page[ \t]*\|[ \t]*\d{{1,4}}"
    # (the header's own words looked past first for a "Page": a line without one fails at once)
    rf"|(?-i:(?=[^\n]{{3,100}}Page)[^\n]{{3,100}}?(?:[ \t]{{3,}}|\t|[ \t]+[|·•][ \t]+)"
    rf"Page[ \t]+\d{{1,4}}(?:[ \t]*(?:of|/)[ \t]*\d{{1,4}})?))[ \t]*$",
    re.IGNORECASE,
)


def _stands_alone(line: str) -> bool:
    """A line no paragraph runs on into, nor out of: a speaker label alone, heading, timestamp or page number."""
    return bool(
        _is_label_candidate(line)
        or PAGE_MARK.match(line.strip())
        or _BRACKET_LINE.match(line)
        or _TIME_FIRST_LINE.match(line)
        or _MARKDOWN_HEADING.match(line)
        or _TIME_LINE.fullmatch(line.strip())
    )


def _timed(line: str) -> bool:
    """A line that opens with its time (a Whisper segment, a .tsv row, a cue's timing) or is one: no
    paragraph runs on into it or out of it, however its segments were cut."""
    return bool(_SEGMENT_TIMING.match(line) or _TSV_ROW.match(line) or CUE_TIMING.match(line) or _TIME_LINE.fullmatch(line.strip()))


def _wrap_width(lengths: list[int]) -> int | None:
    """The width sorted line ``lengths`` were wrapped at: most lines run to near it. None if they were not."""
    if len(lengths) < WRAP_MIN_LINES:
        return None
    width = lengths[int(0.9 * len(lengths))]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] or sum(n >= width - WRAP_SLACK for n in lengths) < WRAP_FULL_SHARE * len(lengths):
        return None
    return width


def paragraph_ends(lines: list[str]) -> frozenset[int]:
    """The lines (blank ones too) that end a paragraph, in text hard-wrapped at a width as a PDF's text or
    an email is: a line runs on into the next when the next line's first word would not have fit on it.
    Empty for text that is not wrapped so (one paragraph per line, or paragraphs between blank lines).
    In double-spaced text (a Word document made of a PDF's lines, a blank line after each) the next
    line is the one after the blank."""
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    if len(lengths) < WRAP_MIN_LINES or not WRAP_WIDTHS[0] <= lengths[int(0.9 * len(lengths))] <= WRAP_WIDTHS[1]:
        return frozenset()  # most texts: a paragraph a line, longer than any wrapping (or captions' short lines)
    width = _wrap_width(lengths)
    if width is None:
        # labels and headings alone on their lines are short in wrapped text too: the speech's lines tell
        width = _wrap_width(sorted(len(ln.rstrip()) for ln in lines if ln.strip() and not _stands_alone(ln)))
    if width is None:
        return frozenset()
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    step = 2 if sum(b == a + 2 for a, b in itertools.pairwise(nonblank)) >= WRAP_DOUBLE_SHARE * (len(nonblank) - 1) else 1
    below = {a: b for a, b in itertools.pairwise(nonblank) if b == a + step}  # the line each may run on into
    # and the full lines go on mid-sentence, mostly in lower case: not one sentence, name or path a line
    full = [(lines[a], lines[b]) for a, b in below.items() if len(lines[a].rstrip()) >= width - WRAP_SLACK]
    if not full or sum(nxt.lstrip()[:1].islower() and line.rstrip()[-1] not in ".?!" for line, nxt in full) < WRAP_RUNS_ON * len(full):
        return frozenset()

    def alone(k: int) -> bool:
        # a label or heading, unless the line below goes on in lower case ("And" / "that's why we...")
        return _stands_alone(lines[k]) and not (k in below and lines[below[k]].lstrip()[:1].islower())

    ends = set(range(len(lines)))
    for a, b in below.items():
        line, nxt = lines[a], lines[b]
        if _RULE_LINE.match(line) or _RULE_LINE.match(nxt):
            continue  # a rule drawn across the page ends what is above it, and is no speech
        if _BULLET.match(line) and nxt[:1] in " \t" and not _BULLET.match(nxt):
            ends.difference_update(range(a, b))  # a list's item goes on, indented, below its bullet
            continue
        # a word broken at the line's end ("manu-" / "facturing") runs on, however short its line
        broken = line.rstrip()[-2:-1].isalpha() and line.rstrip().endswith("-") and nxt.lstrip()[:1].islower()
        if not broken and (len(line.rstrip()) + 1 + len(nxt.split()[0]) <= width or alone(a) or _timed(line) or _timed(nxt)):
            continue
        if (alone(b) or _COLON_LINE.match(nxt)) and line.rstrip()[-1] in _SENTENCE_CLOSERS:
            continue  # a label follows a finished sentence; after "...the production phase of" it is words ("Model S. So")
        ends.difference_update(range(a, b))  # runs on, over the blank line of double-spaced text
    return frozenset(ends)


def _is_label_candidate(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return False
    if _HEADING.match(stripped):
        return True
    return stripped[-1] not in '.?!,;:"”)' and bool(_SPEAKER_LINE.match(stripped))


def _earnings_speaker_lines(lines: list[str], ends: frozenset[int] = frozenset()) -> int:
    """Count lines that stand alone (blank or end around them) and look like labels. A label with its
    speech on the very next line ("Kate Morris - Investor Relations" then "Thank you.") counts too
    where labels show themselves as such: with a firm or role after a dash, said more than once, or a
    one-word speaker such as Operator. In hard-wrapped text the end of a paragraph (``ends``) stands
    for the blank line a PDF's text leaves out."""
    count = 0
    tight: list[str] = []
    singles: Counter[str] = Counter(ln.strip() for ln in lines if ln.strip() and " " not in ln.strip())
    for i, line in enumerate(lines):
        if not _is_label_candidate(line):
            continue
        before_blank = i == 0 or _blank(lines[i - 1]) or i - 1 in ends or _SPAN_LINE.fullmatch(lines[i - 1].strip()) is not None
        after_blank = i + 1 >= len(lines) or _blank(lines[i + 1]) or i in ends
        if before_blank and _label_kind(line.strip(), singles) is BlockKind.SPEAKER:
            if after_blank:
                count += 1
            else:
                tight.append(line.strip())
        elif before_blank and after_blank and _label_kind(line.strip(), singles) is not None:
            count += 1
    labels = Counter(tight)
    shown = [t for t in tight if re.search(_LABEL_DASH, t) or labels[t] >= 2 or t.lower() in _SINGLE_WORD_SPEAKERS]
    return count + (len(shown) if len(shown) >= 2 else 0)


def _label_parts(m: re.Match[str]) -> tuple[str, str | None]:
    """A label's name and what follows it (firm, role), in either form of ``_SPEAKER_LINE``."""
    if m.group("name") is not None:
        return m.group("name"), m.group("affil")
    return m.group("nname"), m.group("naffil")


def _blank(line: str) -> bool:
    """No text, or a rule drawn across the page ("=====")."""
    return not line.strip() or _RULE_LINE.match(line) is not None


def _label_kind(line: str, singles: Counter[str]) -> BlockKind | None:
    if _HEADING.match(line):
        return BlockKind.HEADING
    m = _SPEAKER_LINE.match(line)
    if not m:
        return None
    name = _label_parts(m)[0]
    if " " not in name and name.lower() not in _SINGLE_WORD_SPEAKERS and singles[line] < 2:
        return None
    return BlockKind.SPEAKER


class _Builder:
    """Collects blocks and turns while a layout parser walks the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[Block] = []
        self.turns: list[Turn] = []
        self.seen: Counter[str] = Counter()

    def turn(self, name: str, affil: str | None, label: Span, timestamp: str | None = None, role: str | None = None) -> None:
        firm, written_role = _split_affiliation(affil)
        role = role or written_role
        key = speaker_key(name)
        self.seen[key] += 1
        self.turns.append(Turn(len(self.turns), name.strip(), firm, role, f"{key}#{self.seen[key]}", label, timestamp))
        self.blocks.append(Block(BlockKind.SPEAKER, label, len(self.turns) - 1, timestamp))

    def block(self, kind: BlockKind, start: int, end: int, timestamp: str | None = None) -> None:
        # trim surrounding blanks so a block is exactly its words
        while start < end and self.text[start] in " \t":
            start += 1
        while end > start and self.text[end - 1] in " \t":
            end -= 1
        if start < end:
            self.blocks.append(Block(kind, Span(start, end), len(self.turns) - 1, timestamp))

    def runs_on(self, line: int, end: int, ends: frozenset[int]) -> bool:
        """In hard-wrapped text, whether the paragraph above runs on into this line (the line before, or
        the blank line of double-spaced text, is not one of the paragraph ``ends``); if so it now ends at ``end``."""
        if not ends or line == 0 or line - 1 in ends or not self.blocks or self.blocks[-1].kind is not BlockKind.PARAGRAPH:
            return False
        while end > 0 and self.text[end - 1] in " \t":
            end -= 1
        last = self.blocks[-1]
        self.blocks[-1] = Block(last.kind, Span(last.span.start, max(end, last.span.end)), last.turn, last.timestamp)
        return True

    def build(self, layout: str) -> Transcript:
        return Transcript(self.text, layout, tuple(self.blocks), tuple(self.turns))


def _runs(text: str, ends: frozenset[int] = frozenset()) -> Iterator[list[tuple[int, int]]]:
    """Group lines into runs separated by blank lines or rules drawn across the page (and ended at the
    ``ends`` of hard-wrapped text). A rule is in no run: it stays in the text, and is published nowhere."""
    run: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(_lines(text)):
        if text[s:e].strip() and not _RULE_LINE.match(text, s, e):
            run.append((s, e))
            if i not in ends:
                continue
        elif ends and i not in ends and not _RULE_LINE.match(text, s, e):
            continue  # the blank line inside a paragraph of double-spaced, hard-wrapped text
        if run:
            yield run
            run = []
    if run:
        yield run


def _parse_earnings(text: str) -> Transcript:
    b = _Builder(text)
    singles: Counter[str] = Counter(text[s:e].strip() for s, e in _lines(text) if text[s:e].strip() and " " not in text[s:e].strip())
    for run in _runs(text, paragraph_ends([text[s:e] for s, e in _lines(text)])):
        above = None  # the turn's time, alone on the line above its label
        if len(run) > 1 and (above := _SPAN_LINE.fullmatch(text[run[0][0] : run[0][1]].strip())):
            if _label_kind(text[run[1][0] : run[1][1]].strip(), singles) is BlockKind.SPEAKER:
                run = run[1:]  # in no block: kept in the text, published as the turn's time
            else:
                above = None
        first_s, first_e = run[0]
        line = text[first_s:first_e].strip()
        kind = _label_kind(line, singles) if _is_label_candidate(line) else None
        rest = run
        if kind is BlockKind.HEADING:
            b.block(BlockKind.HEADING, first_s, first_e)
            rest = run[1:]
        elif kind is BlockKind.SPEAKER:
            m = _SPEAKER_LINE.match(line)
            assert m is not None
            # the label's span holds a page break opening its line ("\fElon Musk"), for the spacing pass to take away
            lead = first_s + (len(text[first_s:first_e]) - len(text[first_s:first_e].lstrip(" \t")))
            name, affil = _label_parts(m)
            rest = run[1:]
            # the turn's time after a dash ("Jane Doe - 00:00:03") or alone below ("Jane Doe" / "00:00"), as
            # Fireflies and other meeting tools write it, is no firm and no speech
            stamp = _TIME_LINE.fullmatch(affil.strip()) if affil else None
            if stamp:
                affil = None
            elif above:
                stamp = above
            elif rest and (stamp := _TIME_LINE.fullmatch(text[rest[0][0] : rest[0][1]].strip())):
                rest = rest[1:]
            b.turn(name, affil, Span(lead, first_s + len(text[first_s:first_e].rstrip())), stamp.group("ts") if stamp else None)
        for item in _items(text, rest):
            b.block(BlockKind.PARAGRAPH, item[0][0], item[-1][1])
    return b.build("earnings")


# a list's item opening its line: "* Elon Musk", "• Deepak Ahuja" (not "- ", which may open a line of speech)
_BULLET = re.compile(r"[ \t]*[*•][ \t]+(?=\S)")


def _items(text: str, run: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A run of lines as paragraphs: the whole run, or, where two lines or more open with a bullet, or
    the first does (a call's list of participants, "* Elon Musk" / "Tesla Motors Inc - CEO"), an item
    from each bullet on, the bullet left in the text and out of the paragraph."""
    bullets = [i for i, (s, e) in enumerate(run) if _BULLET.match(text, s, e)]
    if len(bullets) < 2 and bullets != [0]:
        if run:
            yield run
        return
    if bullets[0] > 0:
        yield run[: bullets[0]]
    for i, j in itertools.pairwise([*bullets, len(run)]):
        s, e = run[i]
        yield [(_BULLET.match(text, s, e).end(), e), *run[i + 1 : j]]  # type: ignore[union-attr]


def _parse_labelled(text: str, labels: tuple[re.Pattern[str], ...], layout: str) -> Transcript:
    """Lines that open a turn with a label (``Name: speech`` or ``NAME [00:12:31]``); other lines are
    speech. A timestamp alone on a line, as Google Meet writes one every few minutes, is no speech: it
    is the time of the turn that follows."""
    b = _Builder(text)
    pending = None
    spans = list(_lines(text))
    ends = paragraph_ends([text[s:e] for s, e in spans])
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        if not line.strip():
            continue
        if b.runs_on(i, e, ends):
            continue
        alone = _TIME_LINE.fullmatch(line.strip())
        if alone:
            pending = alone.group("ts")
            continue
        m = next((m for label in labels if (m := label.match(line))), None)
        if m and not b.turns and _masthead(text, m, e):
            m = None  # "Patient Education Webinar: Living with Type 2 Diabetes": a title, or a byline, above the speech
        if m:
            stamp = m.group("ts") or m.groupdict().get("lead") or m.groupdict().get("after") or pending
            pending = None
            name, affil, role, paren = m.group("name"), m.groupdict().get("affil"), None, m.groupdict().get("paren")
            label_end = m.end("paren") if paren else m.end("affil") if affil else m.end("name")
            if paren and name.lower() in _LABEL_ROLES:
                name, role = paren, name  # "Host (Mark)": Mark speaks, as the host
            elif paren:
                affil = affil or paren  # "Jane Doe (CFO)", "John Smith (Acme Capital)"
            b.turn(name, affil, Span(s + m.start("name"), s + label_end), stamp, role)
            b.block(BlockKind.PARAGRAPH, s + m.end(), e)  # nothing after a bracket label: no block
        elif _HEADING.match(line.strip()):
            b.block(BlockKind.HEADING, s, e)
        elif hashes := _MARKDOWN_HEADING.match(line):
            b.block(BlockKind.HEADING, s + hashes.end(), e)  # its hashes stay in the text output, out of the heading
        else:
            b.block(BlockKind.PARAGRAPH, s, e)
    return b.build(layout)


# another label inside a line, after a bar or a semicolon ("Host: Karen Mitchell, RN | Guest: Dr. Samuel
# Okonkwo"): a byline listing who takes part
_BYLINE_LABEL = re.compile(rf"[ \t](?:\||;|·|•)[ \t]+{_NAME}:[ \t]")


def _masthead(text: str, m: re.Match[str], e: int) -> bool:
    """Whether a line that reads as ``Name: speech`` above the first turn is the page's title ("Patient
    Education Webinar: Living with Type 2 Diabetes": the name never speaks again, and what follows it
    is in title case with no stop) or its byline (another label after a bar). ``m`` matched the line
    that ends at ``e``."""
    after = m.string[m.end() :].strip()
    if not after or after[-1] in ".?!,;:" or m.groupdict().get("bold"):
        return False
    if _BYLINE_LABEL.search(f" {after} "):
        return True
    name = m.group("name")
    again = re.compile(rf"(?m)^[ \t]*(?:\*\*)?{re.escape(name)}(?:\*\*)?[ \t]*[:(\-–—]").search(text, e)
    return again is None and reads_as_title(after)


def _cue_speakers(text: str) -> set[str]:
    """Names that open caption cues: alone on the cue's first line with the speech below, as Microsoft
    Teams wrote transcripts ("Jane Doe" / "Hello everyone."), or before a colon, as Zoom writes a
    meeting's captions ("Jane Doe: Hello everyone."). Only where every cue opens so, or at least half
    of them do with names that each open two cues or more ("Okay" or "Note:" opening a cue is speech)."""
    firsts: Counter[str] = Counter()
    cues = 0
    # three lines at a time, not a list of them all: a caption file may be tens of megabytes
    stripped = (text[s:e].strip() for s, e in _lines(text))
    window: deque[str] = deque(maxlen=3)
    for after in itertools.chain(stripped, ("", "")):
        window.append(after)
        if len(window) < 3:
            continue
        line, first, below = window
        if not CUE_TIMING.match(line) or not first:
            continue
        cues += 1
        colon = _CUE_NAME_COLON.match(first)
        if colon:
            firsts[colon.group("name")] += 1
        # alone on its line, the speech below opening as a sentence does: a caption's wrapped line
        # ("New York City" / "is sunny today.") goes on in lower case
        elif below and not below[:1].islower() and _CUE_NAME_LINE.match(first) and (" " in first or first.lower() in _SINGLE_WORD_SPEAKERS):
            firsts[first] += 1
    if cues >= 2 and firsts.total() == cues:
        return set(firsts)
    named = {name for name, n in firsts.items() if n >= 2}
    return named if cues and 2 * sum(firsts[name] for name in named) >= cues else set()


def _parse_captions(text: str) -> Transcript:
    """Each cue's text lines are paragraphs (without a voice tag or closing tags); a voice opens a turn
    when the speaker changes. The header, NOTE blocks, cue identifiers and timings are left out."""
    b = _Builder(text)
    in_cue, speaker, stamp, first = False, None, None, False
    named = _cue_speakers(text)
    for s, e in _lines(text):
        line = text[s:e]
        if not line.strip():
            # a blank line ends the cue; spaces right under the timing are a line of YouTube's own
            in_cue = in_cue and first and line != ""
            continue
        timing = CUE_TIMING.match(line)
        if timing:
            # minutes and seconds in two digits: Teams wrote "0:0:5.390" for 0:00:05
            head, *rest = timing.group("ts").split(":")
            in_cue, stamp, first = True, ":".join([head, *(part.zfill(2) for part in rest)]), True
            continue
        if not in_cue:
            continue  # the header, a NOTE or STYLE block, a cue's identifier
        start, end = s, e
        if first and line.strip() in named:
            first = False
            name = line.strip()
            if name != speaker:
                lead = s + line.index(name)
                b.turn(name, None, Span(lead, lead + len(name)), stamp)
                speaker = name
            continue
        voice = _VOICE.match(line) or _CUE_SPEAKER.match(line)
        if first and not voice and named:
            voice = _CUE_NAME_COLON.match(line)
            voice = voice if voice and voice.group("name") in named else None
        first = False
        if voice:
            name = voice.group("name")
            if name != speaker:
                b.turn(name, None, Span(s + voice.start("name"), s + voice.end("name")), stamp)
                speaker = name
            start = s + voice.end()
        opening = _OPENING_TAGS.match(text, start, e)
        if opening:
            start = opening.end()
        tags = CLOSING_TAGS.search(text, start, e)
        if tags:
            end = tags.start()
        b.block(BlockKind.PARAGRAPH, start, end, stamp)
    return b.build("captions")


# tags inside a caption's line: each word's timing and class, as YouTube's automatic captions write
# them ("today<00:00:03.040><c> we're</c>"), and formatting ("<i>", "</font>")
INLINE_TAGS = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?>|</?[a-z]{1,10}(?:\.[\w.\-]+)*(?:[ \t][^<>\n]{0,80})?>")


def caption_text(text: str) -> str:
    """What a caption line shows a reader: without the tags inside it, and with its character references
    read (WebVTT writes "AT&amp;T", YouTube's captions "we&#39;re")."""
    text = INLINE_TAGS.sub("", text)
    return html.unescape(text) if "&" in text else text


_NOT_LETTERS = re.compile(r"[\W_]+")


def shown_blocks(t: Transcript) -> Iterator[tuple[Block, str]]:
    """Each block with the text a reader of the published page sees. A caption file's lines lose the
    tags inside them (and their character references are read), and a line the next caption line
    repeats is left out for it: automatic captions roll, each cue repeating the line before, first
    with each word timed and then plain, where a fix joining words ("giga factory") can reach across
    no tags. Lines repeat if their letters do."""
    captions = t.layout == "captions"
    held: tuple[Block, str, str] | None = None  # a caption line, yielded once the next block is not its copy
    for block in t.blocks:
        text = t.text[block.span.start : block.span.end]
        if not (captions and block.kind is BlockKind.PARAGRAPH):
            if held is not None:
                yield held[0], held[1]
                held = None
            yield block, text
            continue
        text = caption_text(text)
        key = _NOT_LETTERS.sub("", text).lower()
        if held is not None and held[2] != key:
            yield held[0], held[1]
        held = (block, text, key) if key else None
    if held is not None:
        yield held[0], held[1]


# a segment's timing before its text, as Whisper prints it ("[00:00.000 --> 00:04.000]  Welcome back.")
_SEGMENT_TIMING = re.compile(rf"\[(?P<ts>{_TIMESTAMP}){_UNTIL}\][ \t]*")
# a row of Whisper's ".tsv" output: start and end in milliseconds, then the text ("4200<TAB>9800<TAB> It ships..."),
# under the header "start<TAB>end<TAB>text"
_TSV_ROW = re.compile(r"(?P<ms>\d+)\t\d+\t[ \t]*")
_TSV_HEADER = "start\tend\ttext"
TIMED_LINES = 3  # timestamps alone on their lines, at least this many...
TIMED_SHARE = 0.3  # ...and this share of all lines, time the lines below them


def _clock(ms: str) -> str:
    seconds = int(ms) // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _parse_plain(text: str) -> Transcript:
    b = _Builder(text)
    tsv = text.lstrip("\ufeff").startswith(_TSV_HEADER + "\n")  # a table of figures is no Whisper output
    spans = list(_lines(text))
    lines = [text[s:e] for s, e in spans]
    ends = paragraph_ends(lines)
    # a timestamp alone on every other line, as a video's transcript is copied from the page ("0:04" /
    # "today we look at..."): each times the line below, and is no speech
    stamps = sum(1 for line in lines if _TIME_LINE.fullmatch(line.strip()))
    timed = stamps >= TIMED_LINES and stamps >= TIMED_SHARE * sum(1 for line in lines if line.strip())
    pending = None
    for i, (s, e) in enumerate(spans):
        if lines[i].strip() and b.runs_on(i, e, ends):
            continue
        if timed and (alone := _TIME_LINE.fullmatch(lines[i].strip())):
            pending = alone.group("ts")
        elif hashes := _MARKDOWN_HEADING.match(text, s, e):
            b.block(BlockKind.HEADING, hashes.end(), e)
        elif timing := _SEGMENT_TIMING.match(text, s, e):
            # the timing is the segment's timestamp, not words: kept in the text output, out of the passes' way
            b.block(BlockKind.PARAGRAPH, timing.end(), e, timing.group("ts"))
        elif tsv and (row := _TSV_ROW.match(text, s, e)):
            b.block(BlockKind.PARAGRAPH, row.end(), e, _clock(row.group("ms")))
        elif text[s:e].strip() and not (tsv and s <= 1):  # the header of a .tsv (after a byte-order mark) is no speech
            b.block(BlockKind.PARAGRAPH, s, e, pending)
            pending = None
    return b.build("plain")


_PARSERS = {
    "earnings": _parse_earnings,
    "colon": lambda text: _parse_labelled(text, (_COLON_LINE,), "colon"),
    "bracket": lambda text: _parse_labelled(text, (_BRACKET_LINE, _TIME_FIRST_LINE), "bracket"),
    "tabs": lambda text: _parse_labelled(text, (_TAB_LINE,), "tabs"),
    "captions": _parse_captions,
    "plain": _parse_plain,
}
LAYOUTS = tuple(_PARSERS)


def parse(text: str, layout: str | None = None, title: str = "") -> Transcript:
    """Parse ``text`` in the given layout, or the detected one."""
    chosen = layout or detect_layout(text)
    t = _PARSERS[chosen](text)
    return Transcript(t.text, t.layout, t.blocks, t.turns, title)
