#!/usr/bin/env bash
# Runs the Spark example in local mode and checks that it writes, byte for
# byte, the graphs of one local `actorgraph extract --format jsonl` run sorted
# by document id. Exits non-zero on any difference.
#
#   bash Docs/Examples/Spark/check.sh [--scratch-path DIR]
#
# Arguments are passed to `swift build` (e.g. a scratch path). Needs Python 3.11
# or later with venv and pip, and Java 17 or later (installed with apt-get when
# missing). Its files go to .bench/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../../.."

example=Docs/Examples/Spark
work=.bench/spark
venv=.bench/spark-venv
mkdir -p "$work"

step() { printf '\n== %s (%ds so far)\n' "$1" "$SECONDS"; }

step "Java"
if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless
fi
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1
# Keep Spark's driver on the loopback address instead of the first network interface.
export SPARK_LOCAL_IP=127.0.0.1

step "Python environment with pyspark"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$example/requirements.txt"
"$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'

step "actorgraph, release build"
swift build -c release --product actorgraph "$@"
actorgraph="$(swift build -c release --show-bin-path "$@")/actorgraph"

step "Records: the test corpus and coverage articles, dated, with odd lines among them"
# The odd lines sit in the middle and at the end, so that they fall in a later
# partition than the first and their error records need their line numbers set back.
python3 - "$example/odd-lines.jsonl" > "$work/records.jsonl" <<'EOF'
import json, sys
from pathlib import Path

articles = []
for folder, gold_suffix in (("Tests/Corpus", ".gold.json"), ("Tests/Coverage", ".actors.json")):
    for text_file in sorted(Path(folder).glob("*.txt")):
        date = json.loads(text_file.with_suffix(gold_suffix).read_text(encoding="utf-8"))["date"]
        text = text_file.read_bytes().decode("utf-8")
        articles.append(json.dumps({"id": text_file.stem, "text": text, "date": date}, ensure_ascii=False))
odd = Path(sys.argv[1]).read_bytes().decode("utf-8").split("\n")[:-1]
half = len(articles) // 2
lines = articles[:half] + odd[:4] + articles[half:] + odd[4:]
sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))
EOF
echo "$(wc -l < "$work/records.jsonl") lines"

# Sorts JSON Lines graphs and error records by document id, keeping input order among equal ids.
sort_by_id() {
  python3 -c '
import json, sys
lines = sys.stdin.buffer.read().split(b"\n")[:-1]   # not splitlines: U+2028 may be inside a line
def document_id(line):
    record = json.loads(line)
    return record["document"].get("id", "") if "schema" in record else record.get("id", "")
sys.stdout.buffer.write(b"".join(line + b"\n" for line in sorted(lines, key=document_id)))'
}

# Runs a command that must exit with the given status.
expect_status() {
  local expected=$1; shift
  local status=0
  "$@" || status=$?
  if [ "$status" -ne "$expected" ]; then
    echo "FAIL: exit status $status, expected $expected: $*" >&2
    exit 1
  fi
}

# Compares two files byte for byte and shows where they differ.
same_bytes() {
  if ! cmp "$1" "$2"; then
    diff <(cut -c1-200 "$1") <(cut -c1-200 "$2") | head -20 >&2
    echo "FAIL: $1 and $2 differ" >&2
    exit 1
  fi
  echo "same bytes: $1 = $2 ($(wc -l < "$1") lines)"
}

step "Local run of the records (one process)"
# Status 1: the odd lines give error records.
expect_status 1 "$actorgraph" extract --format jsonl < "$work/records.jsonl" > "$work/local.jsonl" 2> "$work/local.stderr"
sort_by_id < "$work/local.jsonl" > "$work/local-sorted.jsonl"
errors=$(grep -c '"error":' "$work/local.jsonl" || true)
graphs=$(grep -c '"schema":"actorgraph/1"' "$work/local.jsonl" || true)
echo "$graphs graphs, $errors error records"
if [ "$errors" -ne 4 ] || [ "$graphs" -ne 25 ]; then
  echo "FAIL: expected 25 graphs and 4 error records from the records" >&2
  exit 1
fi

step "Spark run of the records (local[2], 3 partitions)"
expect_status 1 "$venv/bin/python" "$example/extract_with_spark.py" "$work/records.jsonl" \
  -o "$work/spark.jsonl" --actorgraph "$actorgraph" --partitions 3
same_bytes "$work/local-sorted.jsonl" "$work/spark.jsonl"

step "Local run of the article folders, bundled gazetteer as text"
"$actorgraph" extract --format jsonl Tests/Corpus Tests/Coverage > "$work/folders-local.jsonl"
sort_by_id < "$work/folders-local.jsonl" > "$work/folders-local-sorted.jsonl"

step "Spark run of the article folders (5 partitions), bundled gazetteer compiled"
"$actorgraph" gazetteer compile -o "$work/bundled.agz"
"$venv/bin/python" "$example/extract_with_spark.py" Tests/Corpus Tests/Coverage \
  -o "$work/folders-spark.jsonl" --actorgraph "$actorgraph" --partitions 5 --gazetteer "$work/bundled.agz"
same_bytes "$work/folders-local-sorted.jsonl" "$work/folders-spark.jsonl"

printf '\nSpark example: same graphs as local runs (%ds)\n' "$SECONDS"
