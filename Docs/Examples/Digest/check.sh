#!/usr/bin/env bash
# Builds the Digest example against this checkout of ActorGraph and runs it on
# Tests/Corpus; fails unless the digest says what the seed article says.
#
#   bash Docs/Examples/Digest/check.sh      # from anywhere; builds into Docs/Examples/Digest/.build
set -euo pipefail
example="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$example/../../.." && pwd)"
corpus="$root/Tests/Corpus"

swift build --package-path "$example" --scratch-path "$example/.build"
digest="$example/.build/debug/digest"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problem() { echo "Digest check: $*" >&2; exit 1; }

"$digest" "$corpus" > "$work/digest.txt"
[ -s "$work/digest.txt" ] || problem "the digest of $corpus is empty."
"$digest" "$corpus" | cmp -s - "$work/digest.txt" || problem "two runs on the same folder gave different output."

# The seed article's block: its header, then its lines up to the blank line after them.
awk '/^== 000-seed /{found=1} found && /^$/{exit} found' "$work/digest.txt" > "$work/seed.txt"
[ -s "$work/seed.txt" ] || problem "no block for 000-seed in the digest."
grep -Eq '^ +[0-9]+  Benny Gantz \(person\)$' "$work/seed.txt" || problem "the seed's actors do not list Benny Gantz."
grep -qxF '  Benny Gantz —visit→ Paris (planned)' "$work/seed.txt" || problem "the seed's events lack Gantz's planned visit to Paris."

articles=$(find "$corpus" -maxdepth 1 -name '*.txt' ! -name '.*' | wc -l | tr -d ' ')
grep -q "^== all $articles articles: " "$work/digest.txt" || problem "the summary does not count the corpus's $articles articles."

# A first line "Date: YYYY-MM-DD" dates the article; one that is not a day is an error naming it.
mkdir "$work/dated"
{ echo "Date: 2021-07-27"; cat "$corpus/000-seed.txt"; } > "$work/dated/000-seed.txt"
"$digest" "$work/dated" | grep -q '^== 000-seed (2021-07-27): ' || problem "the Date: line did not date the article."
sed -i '1s/.*/Date: 2021-02-30/' "$work/dated/000-seed.txt"
if "$digest" "$work/dated" > /dev/null 2> "$work/error.txt"; then problem "an impossible date was accepted."; fi
grep -q "000-seed.txt:1:7: \"2021-02-30\" is not a day of the calendar" "$work/error.txt" || problem "unexpected error: $(cat "$work/error.txt")"

echo "Digest check: $(grep -c '' "$work/digest.txt") lines for $articles articles, as expected."
