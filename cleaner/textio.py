"""Reading input safely and writing outputs atomically.

Every failure here becomes a ``CleanerError`` whose message is one line that
names the file (and line, where there is one), so the CLI can print it and
exit non-zero without a traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# A transcript larger than this is surely not one (a day of speech is about 1.5 MB), and cleaning one
# text takes about 16 times its size in memory: 50 MiB stays under a gigabyte.
MAX_INPUT_BYTES = 50 * 1024 * 1024


class CleanerError(Exception):
    """A user-facing error: its message is one line naming the file."""


@dataclass(frozen=True)
class Decoded:
    text: str  # with "\n" line breaks, whatever the file used
    encoding: str
    note: str | None  # said to the user when the file was not plain UTF-8
    newline: str = "\n"  # the file's own line break, so plain-text output can keep it


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode text in any common encoding; refuse binary data."""
    decoded = _decode(data, name)
    if "\r\n" in decoded.text:
        decoded = Decoded(_normalize_newlines(decoded.text), decoded.encoding, decoded.note, "\r\n")
    else:
        decoded = Decoded(_normalize_newlines(decoded.text), decoded.encoding, decoded.note)
    return decoded


def _decode(data: bytes, name: str) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise CleanerError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason})") from None
            return Decoded(text, enc, f"{name}: decoded as {enc.upper()} (byte-order mark)")
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return Decoded(utf16[1], utf16[0], f"{name}: decoded as {utf16[0].upper()} (no byte-order mark)")
        raise CleanerError(f"{name}: looks like binary data (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise CleanerError(f"{name}: not text in any encoding cleaner recognises (binary?)")
    encoding, text = best.encoding, str(best)
    # Windows-1252 is the usual non-UTF-8 English (and Western European) file: prefer it whenever it reads
    # as cleanly as the best guess, which on a few accented words is often another code page that
    # turns "très" into "trčs" ("Příliš žluťoučký" still reads as Central European: 1252 cannot)
    western = next((m for m in matches if m.encoding == "cp1252" or "cp1252" in m.could_be_from_charset), None)
    if encoding != "cp1252" and western is not None and western.chaos <= best.chaos and western.coherence >= best.coherence:
        with contextlib.suppress(UnicodeDecodeError):  # a byte 1252 leaves undefined: keep the best guess
            encoding, text = "cp1252", data.decode("cp1252")
    if encoding.replace("-", "_").lower() in _DOUBLE_BYTE and (western_text := _single_byte_accents(data)) is not None:
        # charset-normalizer guesses a short Spanish or French text in Windows-1252 as Korean ("johab"), and
        # may not offer 1252 at all: accents one byte each among plain letters are no double-byte script
        encoding, text = "cp1252", western_text
    if _looks_binary(text):
        raise CleanerError(f"{name}: looks like binary data, not text")
    return Decoded(text, encoding, f"{name}: not UTF-8; decoded as {encoding}")


# Windows-1252's typographic marks, and its letters below U+00C0 (Š, Œ, Ž, Ÿ and their small ones)
_MARKS = frozenset("’‘“”–—…€•™‚„†‡‰‹›«»°·ŠšŒœŽžŸ")
# scripts of two bytes a character, which charset-normalizer may guess for a short Western text
_DOUBLE_BYTE = {"johab", "cp949", "euc_kr", "shift_jis", "cp932", "euc_jp", "gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs"}


def _single_byte_accents(data: bytes) -> str | None:
    """The text read as Windows-1252, where every byte over 127 so read is a letter of a Western alphabet
    ("ñ", "é", "Š") or a typographer's mark (curly quotes, dashes, "€"), as in a Spanish or French text;
    else None. Korean, Japanese and Chinese, two bytes a character, read so give a scatter of symbols
    ("È¸", "±¤") or bytes 1252 lacks."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [ch for ch in text[:65536] if ord(ch) > 127]
    western = bool(odd) and len(odd) <= len(text[:65536]) // 5 and all((ch.isalpha() and ord(ch) >= 0xC0) or ch in _MARKS for ch in odd)
    return text if western else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without its byte-order mark (some exporters do): English text then has a NUL in every
    other byte, all on one side. The encoding and the text, or None for anything else with NULs."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for enc, zeros, other in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return (enc, text) if not _looks_binary(text) else None
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad > max(2, len(sample) // 100)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_readable(path: Path, what: str = "transcript", size: int | None = None) -> None:
    """A one-line error for a missing file, a folder, or a file (or ``size``) over the limit."""
    if not path.exists():
        raise CleanerError(f"{path}: no such file")
    if path.is_dir():
        raise CleanerError(f"{path}: is a folder, expected a {what} file")
    size = path.stat().st_size if size is None else size
    if size > MAX_INPUT_BYTES:
        raise CleanerError(f"{path}: {size / 2**20:.1f} MiB is larger than the {MAX_INPUT_BYTES / 2**20:g} MiB limit for a {what}")


def read_text(path: Path, what: str = "transcript") -> Decoded:
    """Read a text file the user named, with one-line errors for every bad case."""
    check_readable(path, what)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CleanerError(f"{path}: cannot read ({exc.strerror})") from None
    decoded = decode_bytes(data, str(path))
    if not decoded.text.strip():
        raise CleanerError(f"{path}: is empty, nothing to clean")
    return decoded


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CleanerError(f"{path}: cannot write ({exc.strerror or exc})") from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an output should look like any other file
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CleanerError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
