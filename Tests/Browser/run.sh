#!/usr/bin/env bash
# The HTML reports in a real browser (Docs/HTMLReport.md): builds the CLI, writes the seed
# article's report and graph, and the test corpus's corpus report and graph, then checks them
# in headless Chromium (highlights, graph nodes, no console errors, a click that pins an actor)
# and leaves screenshots in .build/browser/. Skips, with exit status 0, where Chromium is not
# installed (Debian: apt-get install chromium).
#
#   bash Tests/Browser/run.sh            # SCRATCH_PATH=.build-x to build elsewhere
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  echo "Tests/Browser/run.sh: skipped: no Chromium (apt-get install chromium, or set CHROMIUM)"
  exit 0
fi

scratch="${SCRATCH_PATH:-.build}"
out=.build/browser
mkdir -p "$out"

swift build --scratch-path "$scratch" --product actorgraph
actorgraph="$(swift build --scratch-path "$scratch" --show-bin-path)/actorgraph"
"$actorgraph" extract Tests/Corpus/000-seed.txt --date 2021-07-27 > "$out/seed.json"
# The graph drawn by Graphviz when it is installed, and by the built-in layout.
"$actorgraph" extract Tests/Corpus/000-seed.txt --date 2021-07-27 --format html > "$out/seed-report.html"
"$actorgraph" extract Tests/Corpus/000-seed.txt --date 2021-07-27 --format html --no-graphviz > "$out/seed-report-builtin.html"

# The test corpus merged, each article on the date of its gold file.
python3 - "$out/corpus.jsonl" <<'PY'
import glob, json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob("Tests/Corpus/*.txt")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path[:-4] + ".gold.json", encoding="utf-8") as f:
            date = json.load(f)["date"]
        out.write(json.dumps({"id": path.split("/")[-1][:-4], "text": text, "date": date}) + "\n")
PY
"$actorgraph" extract "$out/corpus.jsonl" --merge > "$out/corpus.json"
"$actorgraph" extract "$out/corpus.jsonl" --merge --format html > "$out/corpus-report.html"

# First prove that the checker catches faults, then check the real pages.
python3 Tests/Browser/check-report.py --self-test "$out/seed-report.html" "$out/seed.json"
python3 Tests/Browser/check-report.py "$out/seed-report.html" "$out/seed.json" \
  --screenshot "$out/seed-report.png" --graph-screenshot "$out/seed-graph.png"
python3 Tests/Browser/check-report.py "$out/seed-report-builtin.html" "$out/seed.json" \
  --screenshot "$out/seed-report-builtin.png" --graph-screenshot "$out/seed-graph-builtin.png"
python3 Tests/Browser/check-report.py "$out/corpus-report.html" "$out/corpus.json" \
  --screenshot "$out/corpus-report.png" --graph-screenshot "$out/corpus-graph.png"
echo "Tests/Browser/run.sh: screenshots in $out/: seed-report.png, seed-graph.png (Graphviz when installed), seed-report-builtin.png, seed-graph-builtin.png, corpus-report.png, corpus-graph.png"
