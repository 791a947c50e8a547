#!/usr/bin/env bash
# Builds the DocC catalog (Sources/ActorGraph/ActorGraph.docc) against the
# library's public symbols and fails on any warning: a symbol link that does
# not resolve, an undocumented parameter, a broken article reference.
#
#   bash Docs/build-docs.sh [OUTPUT]      # OUTPUT defaults to .build-docs/ActorGraph.doccarchive
#
# Needs `docc`, which Swift toolchains for Linux carry; no package plugin.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-docs
symbols="$scratch/symbol-graphs"
output="${1:-$scratch/ActorGraph.doccarchive}"

docc=$(command -v docc || true)
if [ -z "$docc" ]; then
  docc="$(dirname "$(readlink -f "$(command -v swift)")")/docc"
fi
if [ ! -x "$docc" ]; then
  echo "build-docs: docc is not on PATH nor beside swift; install a Swift toolchain that has it." >&2
  exit 1
fi

build() {
  swift build --scratch-path "$scratch" --target ActorGraph \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$symbols"
}

# The compiler writes the symbol graph when it compiles the module, so the
# folder lives in the scratch path and is never cleared between runs: an
# up-to-date build leaves the last graph in place. If it went missing, build afresh.
mkdir -p "$symbols"
build
if [ ! -f "$symbols/ActorGraph.symbols.json" ]; then
  rm -rf "$scratch"
  mkdir -p "$symbols"
  build
fi

# Only the library's graphs: the bundled-data module is not documented here.
library="$scratch/symbol-graphs-library"
rm -rf "$library" "$output"
mkdir -p "$library"
cp "$symbols"/ActorGraph.symbols.json "$library"/
for extension in "$symbols"/ActorGraph@*.symbols.json; do
  if [ -f "$extension" ]; then cp "$extension" "$library"/; fi
done

"$docc" convert Sources/ActorGraph/ActorGraph.docc \
  --additional-symbol-graph-dir "$library" \
  --fallback-display-name ActorGraph \
  --fallback-bundle-identifier ActorGraph \
  --output-path "$output" \
  --warnings-as-errors
echo "build-docs: no warnings; the archive is $output"
