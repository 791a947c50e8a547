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
"$actorgraph" extract Tests/Corpus/000-seed.txt --date 2021-07-27 --format html > "$out/seed-report.html"

# The corpus report comes from the library (the CLI writes article reports only).
ACTORGRAPH_BROWSER_DIR="$PWD/$out" swift test --scratch-path "$scratch" --filter CorpusReportTests/writesTheTestCorpusReportForTheBrowserCheck
test -s "$out/corpus-report.html"

# First prove that the checker catches faults, then check the real pages.
python3 Tests/Browser/check-report.py --self-test "$out/seed-report.html" "$out/seed.json"
python3 Tests/Browser/check-report.py "$out/seed-report.html" "$out/seed.json" \
  --screenshot "$out/seed-report.png" --graph-screenshot "$out/seed-graph.png"
python3 Tests/Browser/check-report.py "$out/corpus-report.html" "$out/corpus.json" \
  --screenshot "$out/corpus-report.png" --graph-screenshot "$out/corpus-graph.png"
echo "Tests/Browser/run.sh: screenshots in $out/: seed-report.png, seed-graph.png, corpus-report.png, corpus-graph.png"
