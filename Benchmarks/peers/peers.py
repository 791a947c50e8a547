#!/usr/bin/env python3
"""Compare ActorGraph's gazetteer matching with popular dictionary matchers and C + ICU.

Every matcher gets the same input: the .txt articles of --corpus, read in file
name order, each article matched as one separate string, the whole sequence
repeated --repeat times (the NewsArticles corpus of fetch_news.py, 13.1 MB,
repeated 4 times is 52.3 MB). Every matcher gets the same aliases: the lines of
a --names file (one alias per line, UTF-8, as written by
`actorgraph-bench names --count N --output FILE`; blank lines are skipped and
aliases that differ only in case are given once). All matching is
case-insensitive, on whole words, keeping non-overlapping leftmost-longest
matches.

Matchers (each one built and timed in a fresh Python process):

  spaCy        PhraseMatcher(attr="LOWER") over the tokenizer of spacy.blank("en");
               patterns made with the same tokenizer; the matches reduced with
               spacy.util.filter_spans. The time includes tokenizing the text.
  flashtext    KeywordProcessor(case_sensitive=False).extract_keywords.
  pyahocorasick  Automaton of the lowercased aliases, iter_long over the
               lowercased text, then only matches with no letter or digit
               (str.isalnum) just before and just after are kept.
  ahocorasick-rs AhoCorasick(aliases, matchkind=MatchKind.LeftmostLongest) over
               the lowercased text, then the same word-boundary check.
  C + ICU      icu_reference.c, next to this script, compiled with -O2 against
               the system ICU when the script starts (cc, or $CC): ICU's word
               break over the UTF-8 text, whitespace left out, a final 's split
               off a word, ICU case folding of each token (ASCII tokens
               lowercased in place: the same result), then the longest alias at
               each token by a trie of (node, word) edges in one hash table.
               Its own reference rows time ICU's word break alone and the word
               break with u_strFoldCase on every token. Without a C compiler or
               ICU's headers its rows are left out, with a note.
  ActorGraph   `actorgraph-bench match --names FILE --repeat N --runs R --json DIR`
               (run from the repository root; its time includes tokenizing),
               plus `actorgraph-bench tokenize` as a reference row: the speed of
               ActorGraph's tokenizer alone on the same input. Its figures are
               the ones in its JSON output, checked against the input (bytes)
               and the names file (aliases).

Measurements, per names file and matcher:

  MB/s      UTF-8 bytes of the input (MB = 10^6 bytes) divided by the median
            time of --runs runs, each over the whole input. A slow matcher (spaCy) can be timed
            on a prefix of the same input with --slow-megabytes; MB/s stays
            comparable, and the table says so.
  build     seconds from the list of aliases (already in memory) to a ready
            matcher, once (spaCy: including spacy.blank("en")).
  memory    growth of the resident set (/proc/self/statm) across the build,
            in MB, in a process that holds nothing else but the corpus and the
            alias list, which are both read before the build (ActorGraph: the
            residentMegabytes of its JSON, also MB).
  matches   matches in one pass over the corpus (the articles once, not
            repeated). A matcher timed on a slice makes one more, untimed,
            full pass to count them.

Why the counts differ. ActorGraph matches tokens rather than characters,
and these differences make its count differ from the peers':

  * Folding. ActorGraph folds case and diacritics ("Cote" matches "Côte",
    "Lodz" matches "Łódź") and curly apostrophes ("O’Brien" = "O'Brien"); the
    peers only lowercase. ActorGraph finds more.
  * Hyphens. A hyphen between two words is optional in ActorGraph:
    "Al Thani" matches "Al-Thani" and the other way round. The peers need the
    text to be written the way the alias is. ActorGraph finds more.
  * Whitespace. Whitespace is not a token in ActorGraph, so a no-break space
    or two spaces between the words of a name still match; the peers need the
    exact characters of the alias. ActorGraph finds more.
  * Possessives. ActorGraph splits "Trump's" into Trump + 's. The peers treat
    the apostrophe as a word boundary (spaCy splits 's off too), so they also
    match "Trump" there: no difference.
  * Sentences. ActorGraph never matches across a sentence boundary
    ("... in Paris. France ..." is not "Paris France"); the peers do.
    ActorGraph finds fewer, rarely.
  * Words. ActorGraph's words are ICU word-break segments (and "U.S." is one
    token). For the Aho-Corasick peers a word boundary is any character that
    is not a letter or digit, so they also match "BBC" in "bbc.co.uk".
    flashtext counts only ASCII letters, digits and "_" as word characters:
    it misses "BBC" in "@BBC_HaveYourSay" and matches "Paris" in "Parisé".
    spaCy only matches whole tokens of its tokenizer, which keeps "Google+"
    (184 times in this corpus's share bars), "bbc.co.uk", "CNN)President",
    "/TASS/." and "Turkey,-has" as single tokens. This is most of spaCy's
    shortfall.
  * Shadowing. The Aho-Corasick peers choose leftmost-longest before the word
    check, so a candidate that the check drops hides the shorter matches it
    overlaps: in "Latin American", "latin america" is found, rejected (an
    "n" follows), and hides "American"; "Northeast Asia" and "Russian Arctic"
    lose a match in the same way. flashtext and spaCy check word boundaries
    first and keep those matches.
  * C + ICU folds case only, does not skip hyphens or stop at sentence
    boundaries, and takes punctuation as tokens, so it counts fewer, like the
    Aho-Corasick peers.

Tolerance. A peer's count passes when it is within --tolerance (default 10%)
of ActorGraph's. With the names files of `actorgraph-bench names` (1k, 100k
and 1M aliases) on the NewsArticles corpus, flashtext, pyahocorasick,
ahocorasick-rs and C + ICU came within 1.0% of ActorGraph's count (0.2-1.0%
fewer) and
spaCy within 2.9% (1.4-2.9% fewer, mostly because of the tokens above). 10%
is about three times the largest of these differences, which leaves room for
another corpus or names file. A real bug, such as a matcher that ignores word
boundaries, misses upper case or counts overlapping matches, changes the count
by far more than that. A count outside the tolerance is a warning, not a
failure.

Exit status: 0 when every measurement was made (whatever the counts), 1 when
one could not be made (a matcher crashed, or the ActorGraph or C + ICU binary
failed or printed something unexpected), 2 for a usage error. A missing
ActorGraph binary, or no C compiler, is not an error: those rows are left
out, with a note.
"""

import argparse
import gc
import importlib.metadata
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

SCRIPT = os.path.abspath(__file__)
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(SCRIPT)))
DEFAULT_CORPUS = os.path.join(REPO_ROOT, ".bench", "news")
DEFAULT_BENCH = os.path.join(REPO_ROOT, ".build", "release", "actorgraph-bench")

WORKER_FLAG = "--measure-in-this-process"
ACTORGRAPH = "actorgraph"
C_ICU = "c-icu"
PEERS = ("spacy", "flashtext", "pyahocorasick", "ahocorasick-rs", C_ICU)
MATCHERS = (ACTORGRAPH,) + PEERS
SLOW = {"spacy"}
MODULE = {"spacy": "spacy", "flashtext": "flashtext", "pyahocorasick": "ahocorasick",
          "ahocorasick-rs": "ahocorasick_rs"}
DISTRIBUTION = {"spacy": "spacy", "flashtext": "flashtext", "pyahocorasick": "pyahocorasick",
                "ahocorasick-rs": "ahocorasick-rs"}
TITLE = {"spacy": "spaCy PhraseMatcher", "flashtext": "flashtext", "pyahocorasick": "pyahocorasick",
         "ahocorasick-rs": "ahocorasick-rs", C_ICU: "C + ICU", ACTORGRAPH: "ActorGraph"}
MATCH_KEYS = {"aliases": int, "bytes": int, "buildSeconds": float, "medianSeconds": float,
              "megabytesPerSecond": float, "matches": int, "residentMegabytes": float}
TOKENIZE_KEYS = {"bytes": int, "medianSeconds": float, "megabytesPerSecond": float, "tokens": int}
ICU_TOKENIZE_KEYS = {"boundaries": int, "breakMedianSeconds": float, "breakMegabytesPerSecond": float, "bytes": int,
                     "foldMedianSeconds": float, "foldMegabytesPerSecond": float, "tokens": int}
ICU_SOURCE = os.path.join(os.path.dirname(SCRIPT), "icu_reference.c")


class Parser(argparse.ArgumentParser):
    """Reports a usage error as one line, without the usage text."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class UsageError(Exception):
    """Bad input: reported as one line, exit status 2."""


# ---------------------------------------------------------------------------
# Input


def read_corpus(folder):
    """The texts of the folder's .txt files, in file name order."""
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".txt"))
    except FileNotFoundError:
        raise UsageError(f"corpus folder {folder} does not exist (run fetch_news.py, or give --corpus)")
    except NotADirectoryError:
        raise UsageError(f"corpus {folder} is not a folder")
    except OSError as error:
        raise UsageError(f"cannot read the corpus folder {folder}: {error.strerror}")
    if not names:
        raise UsageError(f"no .txt file in {folder} (run fetch_news.py, or give --corpus)")
    texts = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                texts.append(handle.read())
        except UnicodeDecodeError:
            raise UsageError(f"{path} is not UTF-8 text")
        except OSError as error:
            raise UsageError(f"cannot read {path}: {error.strerror}")
    return texts


def read_aliases(path):
    """The file's aliases: one a line, stripped, blank lines skipped, one per lowercased form."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise UsageError(f"names file {path} does not exist")
    except IsADirectoryError:
        raise UsageError(f"names file {path} is a folder")
    except UnicodeDecodeError:
        raise UsageError(f"names file {path} is not UTF-8 text")
    except OSError as error:
        raise UsageError(f"cannot read the names file {path}: {error.strerror}")
    aliases, seen = [], set()
    for line in lines:
        alias = line.strip()
        key = alias.lower()
        if alias and key not in seen:
            seen.add(key)
            aliases.append(alias)
    if not aliases:
        raise UsageError(f"names file {path} has no alias (one alias per line)")
    return aliases, sum(1 for line in lines if line.strip())


def input_sequence(texts, repeat, limit_bytes=None):
    """The texts repeated, cut after the first text that reaches limit_bytes; and their bytes."""
    sizes = [len(text.encode("utf-8")) for text in texts]
    sequence, total = [], 0
    for _ in range(repeat):
        for text, size in zip(texts, sizes):
            if limit_bytes is not None and total >= limit_bytes:
                return sequence, total
            sequence.append(text)
            total += size
    return sequence, total


# ---------------------------------------------------------------------------
# Matchers. Each builder takes the aliases and returns a function from one
# text to its number of matches.


def is_boundary(text, start, end):
    """No letter or digit just before start or at end (end is exclusive)."""
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def build_spacy(aliases):
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    batch = []
    for pattern in nlp.tokenizer.pipe(aliases, batch_size=1000):
        batch.append(pattern)
        if len(batch) == 10000:
            matcher.add("ALIAS", batch)
            batch = []
    if batch:
        matcher.add("ALIAS", batch)

    def count(text):
        return len(filter_spans(matcher(nlp.make_doc(text), as_spans=True)))
    return count


def build_flashtext(aliases):
    from flashtext import KeywordProcessor

    processor = KeywordProcessor(case_sensitive=False)
    for alias in aliases:
        processor.add_keyword(alias)

    def count(text):
        return len(processor.extract_keywords(text))
    return count


def build_pyahocorasick(aliases):
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for alias in aliases:
        automaton.add_word(alias.lower())
    automaton.make_automaton()

    def count(text):
        lowered = text.lower()
        found = 0
        for last, length in automaton.iter_long(lowered):
            if is_boundary(lowered, last + 1 - length, last + 1):
                found += 1
        return found
    return count


def build_ahocorasick_rs(aliases):
    import ahocorasick_rs

    automaton = ahocorasick_rs.AhoCorasick([alias.lower() for alias in aliases],
                                           matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                           store_patterns=False)

    def count(text):
        lowered = text.lower()
        found = 0
        for _, start, end in automaton.find_matches_as_indexes(lowered):
            if is_boundary(lowered, start, end):
                found += 1
        return found
    return count


PRELOAD = {"spacy": ("spacy", "spacy.matcher", "spacy.util", "spacy.lang.en"), "flashtext": ("flashtext",),
           "pyahocorasick": ("ahocorasick",), "ahocorasick-rs": ("ahocorasick_rs",)}
BUILDERS = {"spacy": build_spacy, "flashtext": build_flashtext, "pyahocorasick": build_pyahocorasick,
            "ahocorasick-rs": build_ahocorasick_rs}


def resident_bytes():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_worker(spec):
    """Build one matcher and time it; runs in its own process. Returns the raw numbers."""
    texts = read_corpus(spec["corpus"])
    aliases, _ = read_aliases(spec["names"])
    limit = spec["limitBytes"]
    sequence, total = input_sequence(texts, spec["repeat"], limit)
    sliced = limit is not None and len(sequence) < len(texts) * spec["repeat"]
    for module in PRELOAD[spec["matcher"]]:     # imports are not part of the build
        importlib.import_module(module)
    gc.collect()
    before = resident_bytes()
    start = time.perf_counter()
    count = BUILDERS[spec["matcher"]](aliases)
    build = time.perf_counter() - start
    gc.collect()
    resident = resident_bytes() - before
    gc.freeze()     # the matcher's objects are not scanned by the collector while timing
    times, totals = [], []
    for _ in range(spec["runs"]):
        found = 0
        start = time.perf_counter()
        for text in sequence:
            found += count(text)
        times.append(time.perf_counter() - start)
        totals.append(found)
    if sliced:
        per_pass = sum(count(text) for text in texts)
    else:
        per_pass = totals[0] // spec["repeat"]
    median = statistics.median(times)
    return {
        "version": importlib.metadata.version(DISTRIBUTION[spec["matcher"]]),
        "aliases": len(aliases),
        "bytes": total,
        "sliced": sliced,
        "texts": len(sequence),
        "buildSeconds": build,
        "medianSeconds": median,
        "megabytesPerSecond": total / 1e6 / median,
        "matches": per_pass,
        "matchesTimed": totals[0],
        "stableCounts": len(set(totals)) == 1,
        "residentMegabytes": resident / 1e6,
    }


def measure_peer(matcher, names, args, limit_bytes):
    """Run one matcher in a fresh process; returns (result, error)."""
    spec = {"matcher": matcher, "names": names, "corpus": args.corpus, "repeat": args.repeat,
            "runs": args.runs, "limitBytes": limit_bytes}
    try:
        result = subprocess.run([sys.executable, SCRIPT, WORKER_FLAG, json.dumps(spec)],
                                capture_output=True, text=True)
    except OSError as error:
        return None, f"cannot start {sys.executable}: {error}"
    lines = result.stdout.strip().splitlines()
    try:
        payload = json.loads(lines[-1]) if lines else None
    except ValueError:
        payload = None
    if result.returncode == 0 and isinstance(payload, dict) and "error" not in payload:
        return payload, None
    if isinstance(payload, dict) and "error" in payload:
        return None, payload["error"]
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    reason = errors[-1] if errors else f"exit status {result.returncode}"
    if result.returncode < 0:
        reason = f"killed by signal {-result.returncode}" + (" (out of memory?)" if result.returncode == -9 else "")
    return None, reason


# ---------------------------------------------------------------------------
# Benchmark binaries: ActorGraph's, and the C + ICU reference


def run_binary(binary, arguments, keys):
    """Run a benchmark binary (ActorGraph's, or the C + ICU reference) and check its JSON against the
    contract; returns (result, error)."""
    try:
        result = subprocess.run([binary] + arguments, capture_output=True, text=True, cwd=REPO_ROOT)
    except OSError as error:
        return None, f"cannot run {binary}: {error.strerror}"
    if result.returncode != 0:
        errors = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        message = next((line for line in errors if line.lower().startswith("error")), errors[0] if errors else "")
        return None, f"exit status {result.returncode}: {message or 'no message'}"
    text = result.stdout.strip()
    try:
        payload = json.loads(text)
    except ValueError:
        lines = text.splitlines()
        try:
            payload = json.loads(lines[-1]) if lines else None
        except ValueError:
            payload = None
        if payload is None:
            return None, f"its output is not one JSON object: {text[:120]!r}"
    if not isinstance(payload, dict):
        return None, f"its output is not a JSON object: {text[:120]!r}"
    problems = []
    for key, kind in keys.items():
        value = payload.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{key} missing or not a number")
        elif kind is int and value != int(value):
            problems.append(f"{key} is not an integer")
        elif not math.isfinite(value) or value < 0:
            problems.append(f"{key} = {value}")
    if problems:
        return None, "unexpected output: " + "; ".join(problems)
    return payload, None


def run_reference(report, binary, name, arguments, keys, expected_bytes, repeat):
    """One reference measurement (ActorGraph's tokenizer, ICU's word break): its checked payload, or None
    when it failed. Failures and inconsistencies go to the report's notes, called `name`."""
    payload, error = run_binary(binary, arguments, keys)
    if error:
        progress(f"warning: {name}: {error}")
        report["warnings"].append(f"{name}: {error}")
        report["notes"].append(f"{name} failed: {error}")
        return None
    for note in check_payload(payload, expected_bytes, repeat):
        progress(f"warning: {name} {note}")
        report["notes"].append(f"{name} {note}")
    return payload


def compile_icu_reference(folder):
    """Compiles icu_reference.c into folder; returns (path, None) or (None, why not)."""
    compiler = os.environ.get("CC", "cc")
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc"], capture_output=True, text=True)
        libraries = flags.stdout.split() if flags.returncode == 0 else ["-licuuc", "-licudata"]
    except OSError:
        libraries = ["-licuuc", "-licudata"]
    binary = os.path.join(folder, "icu_reference")
    try:
        result = subprocess.run([compiler, "-O2", "-o", binary, ICU_SOURCE] + libraries, capture_output=True,
                                text=True)
    except OSError as error:
        return None, f"cannot run the C compiler {compiler}: {error.strerror}"
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        reason = next((line for line in lines if "error" in line), lines[-1] if lines else f"exit status {result.returncode}")
        return None, f"{compiler} could not compile icu_reference.c: {reason}"
    return binary, None


def check_payload(payload, expected_bytes, repeat, aliases=None):
    """Consistency notes on a benchmark binary's result (empty when it agrees with the input)."""
    notes = []
    if payload["bytes"] != expected_bytes:
        notes.append(f"reports {payload['bytes']:,} bytes, the input is {expected_bytes:,}")
    if payload.get("medianSeconds", 0) > 0:
        speed = payload["bytes"] / 1e6 / payload["medianSeconds"]
        if abs(speed - payload["megabytesPerSecond"]) > 0.01 * speed:
            notes.append(f"megabytesPerSecond {payload['megabytesPerSecond']:.3f} is not bytes / 10^6 / "
                         f"medianSeconds = {speed:.3f}")
    if aliases is not None and payload.get("aliases") != aliases:
        notes.append(f"reports {payload['aliases']:,} aliases, the names file has {aliases:,} distinct "
                     f"lowercased aliases")
    return notes


# ---------------------------------------------------------------------------
# Output


def label(count):
    """1000 -> 1k, 100000 -> 100k, 1000000 -> 1M, 12345 -> 12.3k."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if count >= size:
            value = count / size
            text = f"{value:.0f}" if value >= 100 or value == int(value) else f"{value:.3g}"
            return text + suffix
    return str(count)


def speed(value):
    """Three significant digits, keeping trailing zeros: 65.0, 1.90, 123."""
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}" if value >= 1 else f"{value:.3f}"


def seconds(value):
    return "—" if value is None else f"{value:.3g}" if value < 100 else f"{value:.0f}"


def megabytes(value):
    return "—" if value is None else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def render(report, args):
    """The Markdown tables and notes, as a list of lines."""
    files = report["names"]
    labels = [entry["label"] for entry in files]
    largest = max(range(len(files)), key=lambda index: files[index]["lines"])
    big = labels[largest]
    results = report["results"]
    lines = []
    corpus = report["corpus"]
    lines.append(f"Input: {corpus['articles']:,} articles ({corpus['bytes'] / 1e6:.2f} MB) × {args.repeat} "
                 f"= {corpus['bytes'] * args.repeat / 1e6:.1f} MB per run, median of {args.runs} runs, "
                 f"one thread. MB = 10^6 bytes of UTF-8.")
    lines.append("")
    header = ["matcher"] + [f"{name} MB/s" for name in labels] + [
        f"build {big} (s)", f"memory {big} (MB)", "matches " + "/".join(labels), f"ActorGraph ×faster ({big})"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    footnotes = []
    ag_speed = None
    if ACTORGRAPH in results:
        ag_speed = (results[ACTORGRAPH][largest] or {}).get("megabytesPerSecond")
    for matcher in [m for m in MATCHERS if m in results]:
        rows = results[matcher]
        first = next((row for row in rows if row), None)
        name = TITLE[matcher]
        if matcher != ACTORGRAPH and first:
            name += f" {first['version']}"
        if any(row and row.get("sliced") for row in rows):
            sliced = next(row for row in rows if row and row.get("sliced"))
            name += " †"
            footnotes.append(f"† timed on the first {sliced['bytes'] / 1e6:.1f} MB of the same input "
                             f"({sliced['texts']:,} articles); its matches are counted in one more, untimed, "
                             f"full pass.")
        big_row = rows[largest]
        cells = [name] + [speed(row["megabytesPerSecond"]) if row else "failed" for row in rows]
        cells.append(seconds(big_row["buildSeconds"]) if big_row else "—")
        cells.append(megabytes(big_row["residentMegabytes"]) if big_row else "—")
        cells.append("/".join(f"{row['matches']:,}" if row else "—" for row in rows))
        if matcher == ACTORGRAPH:
            cells.append("—")
        elif big_row and ag_speed:
            cells.append(f"×{ag_speed / big_row['megabytesPerSecond']:.2g}" if ag_speed / big_row[
                "megabytesPerSecond"] < 10 else f"×{ag_speed / big_row['megabytesPerSecond']:.0f}")
        else:
            cells.append("—")
        lines.append("| " + " | ".join(cells) + " |")
    tokenize = report.get("tokenize")
    if tokenize:
        value = speed(tokenize["megabytesPerSecond"])
        cells = ["ActorGraph tokenizer only (reference)"] + [value] * len(files) + [
            "—", "—", f"{tokenize['tokens'] // args.repeat:,} tokens", "—"]
        lines.append("| " + " | ".join(cells) + " |")
    icu = report.get("icuTokenize")
    if icu:
        for title, key, count in (("ICU word break alone (C reference)", "breakMegabytesPerSecond",
                                   f"{icu['boundaries'] // args.repeat:,} boundaries"),
                                  ("ICU word break + u_strFoldCase of each token (C reference)",
                                   "foldMegabytesPerSecond", f"{icu['tokens'] // args.repeat:,} tokens")):
            cells = [title] + [speed(icu[key])] * len(files) + ["—", "—", count, "—"]
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for footnote in footnotes:
        lines.append(footnote)
    lines.append("Build: seconds from the alias list in memory to a ready matcher. Memory: resident set growth "
                 "across the build, in a fresh process. Matches: one pass over the articles, not repeated.")
    aliases = ", ".join(f"{entry['label']} = {os.path.basename(entry['path'])} ({entry['aliases']:,} distinct "
                        f"aliases)" for entry in files)
    lines.append(f"Names: {aliases}.")
    if report.get("notes"):
        lines.append("")
        lines.extend(f"Note: {note}" for note in report["notes"])

    agreement = report.get("agreement")
    lines.append("")
    if not agreement:
        lines.append("Count agreement: not checked (no ActorGraph count to compare with).")
        return lines
    tolerance = args.tolerance
    lines.append(f"Count agreement: each peer's matches against ActorGraph's, tolerance ±{tolerance:g}%.")
    lines.append("")
    peers = [m for m in PEERS if m in results]
    lines.append("| names | ActorGraph | " + " | ".join(TITLE[m] for m in peers) + " |")
    lines.append("|---|---:|" + "---:|" * len(peers))
    for index, entry in enumerate(files):
        check = agreement[index]
        if check is None:
            continue
        cells = [entry["label"], f"{check['actorgraph']:,}"]
        for matcher in peers:
            item = check["peers"].get(matcher)
            if item is None:
                cells.append("—")
            else:
                mark = "pass" if item["pass"] else "**outside**"
                cells.append(f"{item['matches']:,} ({item['percent']:+.1f}%, {mark})")
        lines.append("| " + " | ".join(cells) + " |")
    passed = sum(item["pass"] for check in agreement if check for item in check["peers"].values())
    checked = sum(len(check["peers"]) for check in agreement if check)
    lines.append("")
    lines.append(f"{passed} of {checked} counts within ±{tolerance:g}%.")
    return lines


# ---------------------------------------------------------------------------
# Main


def parse_arguments():
    parser = Parser(
        description="Compare ActorGraph's gazetteer matching with spaCy, flashtext, pyahocorasick, "
                    "ahocorasick-rs and a C + ICU reference on one corpus and the same names files; print a "
                    "Markdown table.",
        epilog="The module docstring of this script explains the method and why the counts differ.")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS,
                        help="folder of .txt articles (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=4, help="passes over the corpus per run (default: 4)")
    parser.add_argument("--runs", type=int, default=3, help="runs; the median is reported (default: 3)")
    parser.add_argument("--names", nargs="+", required=True, metavar="FILE",
                        help="names files, one alias per line (actorgraph-bench names --count N --output FILE)")
    parser.add_argument("--bench", default=DEFAULT_BENCH,
                        help="ActorGraph benchmark binary (default: %(default)s)")
    parser.add_argument("--only", metavar="LIST",
                        help="comma-separated matchers to run, of: " + ", ".join(MATCHERS) + " (default: all)")
    parser.add_argument("--slow-megabytes", type=float, default=0, metavar="MB",
                        help="time slow matchers (" + ", ".join(sorted(SLOW)) + ") on only the first MB "
                             "megabytes of the input; 0 = all of it (default: 0)")
    parser.add_argument("--tolerance", type=float, default=10.0, metavar="PERCENT",
                        help="largest accepted difference between a peer's match count and ActorGraph's, "
                             "in percent (default: 10)")
    parser.add_argument("--json", metavar="OUT", help="also write every raw number to this JSON file")
    args = parser.parse_args()
    if args.repeat < 1 or args.runs < 1:
        parser.error("--repeat and --runs must be at least 1")
    if args.slow_megabytes < 0 or not math.isfinite(args.slow_megabytes):
        parser.error("--slow-megabytes must be 0 or more")
    if args.tolerance < 0 or not math.isfinite(args.tolerance):
        parser.error("--tolerance must be 0 or more")
    if args.only:
        chosen = [item.strip() for item in args.only.split(",") if item.strip()]
        unknown = [item for item in chosen if item not in MATCHERS]
        if unknown or not chosen:
            parser.error(f"--only: unknown matcher {', '.join(unknown) or '(none given)'}; "
                         f"choose from {', '.join(MATCHERS)}")
        args.only = [m for m in MATCHERS if m in chosen]
    else:
        args.only = list(MATCHERS)
    missing = [m for m in args.only if m in MODULE and importlib.util.find_spec(MODULE[m]) is None]
    if missing:
        parser.error(f"{', '.join(missing)} not installed in {sys.executable}: "
                     f"pip install -r {os.path.join(os.path.dirname(SCRIPT), 'requirements.txt')}, "
                     f"or choose other matchers with --only")
    args.corpus = os.path.abspath(args.corpus)
    args.bench = os.path.abspath(args.bench)
    if args.json:
        directory = os.path.dirname(os.path.abspath(args.json)) or "."
        if not os.path.isdir(directory):
            parser.error(f"--json {args.json}: folder {directory} does not exist")
    return args


def progress(message):
    print(message, file=sys.stderr, flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == WORKER_FLAG:     # one measurement, in a fresh process
        try:
            print(json.dumps(run_worker(json.loads(sys.argv[2]))))
        except UsageError as error:
            print(json.dumps({"error": str(error)}))
            return 2
        except MemoryError:
            print(json.dumps({"error": "out of memory"}))
            return 1
        except Exception as error:  # reported by the parent as one line
            print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
            return 1
        return 0

    args = parse_arguments()
    try:
        texts = read_corpus(args.corpus)
        names = []
        for path in args.names:
            aliases, lines = read_aliases(path)
            names.append({"path": os.path.abspath(path), "lines": lines, "aliases": len(aliases),
                          "label": label(lines)})
            del aliases
    except UsageError as error:
        print(f"peers.py: error: {error}", file=sys.stderr)
        return 2
    corpus_bytes = sum(len(text.encode("utf-8")) for text in texts)
    total_bytes = corpus_bytes * args.repeat
    report = {"corpus": {"path": args.corpus, "articles": len(texts), "bytes": corpus_bytes},
              "repeat": args.repeat, "runs": args.runs, "bytes": total_bytes, "names": names,
              "results": {}, "notes": [], "warnings": []}
    del texts
    failed = False
    limit = int(args.slow_megabytes * 1e6) if args.slow_megabytes > 0 else None

    use_actorgraph = ACTORGRAPH in args.only
    if use_actorgraph and not (os.path.isfile(args.bench) and os.access(args.bench, os.X_OK)):
        note = (f"ActorGraph benchmark binary not found at {args.bench} (build it with "
                f"`swift build -c release --product actorgraph-bench`, or give --bench); ActorGraph rows skipped")
        progress(f"warning: {note}")
        report["notes"].append(note)
        use_actorgraph = False

    if use_actorgraph:
        progress(f"ActorGraph tokenizer: {total_bytes / 1e6:.1f} MB …")
        payload = run_reference(report, args.bench, "actorgraph-bench tokenize", [
            "tokenize", "--repeat", str(args.repeat), "--runs", str(args.runs), "--json", args.corpus], TOKENIZE_KEYS,
            total_bytes, args.repeat)
        if payload:
            report["tokenize"] = payload
            progress(f"  {payload['megabytesPerSecond']:.2f} MB/s, {payload['tokens']:,} tokens")
        else:
            failed = True

    icu_binary = None
    if C_ICU in args.only:
        scratch = tempfile.TemporaryDirectory(prefix="peers-")
        icu_binary, error = compile_icu_reference(scratch.name)
        if error:
            note = f"C + ICU reference rows skipped: {error}"
            progress(f"warning: {note}")
            report["notes"].append(note)
        else:
            progress(f"ICU word break (C): {total_bytes / 1e6:.1f} MB …")
            payload = run_reference(report, icu_binary, "icu_reference tokenize", [
                "tokenize", args.corpus, str(args.repeat), str(args.runs)], ICU_TOKENIZE_KEYS, total_bytes,
                args.repeat)
            if payload:
                report["icuTokenize"] = payload
                progress(f"  word break {payload['breakMegabytesPerSecond']:.2f} MB/s, with folding "
                         f"{payload['foldMegabytesPerSecond']:.2f} MB/s, {payload['tokens']:,} tokens")
            else:
                failed = True

    matchers = [m for m in args.only if (m != ACTORGRAPH or use_actorgraph) and (m != C_ICU or icu_binary)]
    for matcher in matchers:
        report["results"][matcher] = []
    for entry in names:
        for matcher in matchers:
            progress(f"{TITLE[matcher]}, {os.path.basename(entry['path'])} ({entry['label']}) …")
            if matcher == ACTORGRAPH:
                payload, error = run_binary(args.bench, [
                    "match", "--names", entry["path"], "--repeat", str(args.repeat), "--runs", str(args.runs),
                    "--json", args.corpus], MATCH_KEYS)
                if payload:
                    for note in check_payload(payload, total_bytes, args.repeat, entry["aliases"]):
                        progress(f"note: actorgraph-bench match, {os.path.basename(entry['path'])}: {note}")
                        report["notes"].append(f"actorgraph-bench match, {os.path.basename(entry['path'])}: "
                                               f"{note}")
                    # The binary counts the matches of all --repeat passes; the table shows one pass.
                    reported = payload["matches"]
                    if reported % args.repeat:
                        note = (f"actorgraph-bench match, {os.path.basename(entry['path'])}: matches {reported:,} "
                                f"is not a multiple of --repeat {args.repeat}")
                        progress(f"note: {note}")
                        report["notes"].append(note)
                    payload = dict(payload, matchesReported=reported, matches=reported // args.repeat
                                   if reported % args.repeat == 0 else round(reported / args.repeat, 1))
            elif matcher == C_ICU:
                payload, error = run_binary(icu_binary, ["match", args.corpus, entry["path"], str(args.repeat),
                                                         str(args.runs)], MATCH_KEYS)
                if payload:
                    for note in check_payload(payload, total_bytes, args.repeat, entry["aliases"]):
                        progress(f"note: icu_reference match, {os.path.basename(entry['path'])}: {note}")
                        report["notes"].append(f"icu_reference match, {os.path.basename(entry['path'])}: {note}")
                    payload = dict(payload, version=f"(ICU {payload.get('icuVersion', '?')})")
            else:
                payload, error = measure_peer(matcher, entry["path"], args, limit if matcher in SLOW else None)
                if payload and not payload["stableCounts"]:
                    progress(f"warning: {matcher} counted different matches in different runs")
            if error:
                progress(f"warning: {TITLE[matcher]} failed on {os.path.basename(entry['path'])}: {error}")
                report["warnings"].append(f"{matcher} on {entry['path']}: {error}")
                report["notes"].append(f"{TITLE[matcher]} failed on {os.path.basename(entry['path'])}: {error}")
                failed = True
            else:
                progress(f"  {payload['megabytesPerSecond']:.2f} MB/s, build {payload['buildSeconds']:.2f} s, "
                         f"memory {payload['residentMegabytes']:.1f} MB, {payload['matches']:,} matches")
            report["results"][matcher].append(payload)

    agreement = []
    if ACTORGRAPH in report["results"]:
        for index, entry in enumerate(names):
            reference = report["results"][ACTORGRAPH][index]
            if not reference or not reference["matches"]:
                agreement.append(None)
                continue
            check = {"actorgraph": reference["matches"], "peers": {}}
            for matcher in PEERS:
                row = (report["results"].get(matcher) or [None] * len(names))[index]
                if not row:
                    continue
                percent = (row["matches"] / reference["matches"] - 1) * 100
                ok = abs(percent) <= args.tolerance
                check["peers"][matcher] = {"matches": row["matches"], "percent": percent, "pass": ok}
                if not ok:
                    warning = (f"{TITLE[matcher]} found {row['matches']:,} matches with {entry['label']} "
                               f"aliases, {percent:+.1f}% from ActorGraph's {reference['matches']:,}: "
                               f"outside ±{args.tolerance:g}%")
                    progress(f"warning: {warning}")
                    report["warnings"].append(warning)
            agreement.append(check)
    report["agreement"] = agreement if any(agreement) else None
    report["tolerancePercent"] = args.tolerance

    print("\n".join(render(report, args)))
    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(report, handle, indent=2)
                handle.write("\n")
        except OSError as error:
            print(f"peers.py: error: cannot write {args.json}: {error.strerror}", file=sys.stderr)
            return 2
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
