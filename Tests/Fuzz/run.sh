#!/usr/bin/env bash
# Builds and runs one libFuzzer target of ActorGraph. See Tests/Fuzz/README.md.
#
#   Tests/Fuzz/run.sh TARGET [SECONDS] [-- LIBFUZZER_ARGS...]   fuzz (default 60 s)
#   Tests/Fuzz/run.sh TARGET --build                            build only
#   Tests/Fuzz/run.sh TARGET --repro FILE...                    run inputs once each
#   Tests/Fuzz/run.sh TARGET --regress                          run Tests/Fuzz/Regressions/TARGET/*
#   Tests/Fuzz/run.sh TARGET --minimize FILE                    shrink a crashing input
#
# TARGET: tokenizer, gazetteer, compiled, rules, extract, import, gold (a file in Tests/Fuzz/Targets).
# Exit status: 0 when nothing was found, 1 for a crash, hang or broken
# invariant (its input's path is printed), 2 for a usage or build error.
# Scratch output goes under .build/fuzz/ (git-ignored).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SWIFT_BIN="${SWIFT_BIN:-/opt/swift/usr/bin}"
SWIFTC="$SWIFT_BIN/swiftc"
CLANG="$SWIFT_BIN/clang"
OUT="$REPO/.build/fuzz"
BUILD="$OUT/build"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 1 ] || usage
TARGET="$1"; shift
case "$TARGET" in -h|--help) usage ;; esac
TARGET_FILE="$HERE/Targets/$TARGET.swift"
[ -f "$TARGET_FILE" ] || { echo "run.sh: no target \"$TARGET\" (have: $(cd "$HERE/Targets" && ls *.swift | sed 's/\.swift$//' | tr '\n' ' '))" >&2; exit 2; }

MODE=fuzz
SECONDS_TO_RUN=60
FILES=()
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) MODE=build ;;
    --repro) MODE=repro; shift; FILES=("$@"); break ;;
    --regress) MODE=regress ;;
    --minimize) MODE=minimize; shift; FILES=("${1:?--minimize needs a file}") ;;
    --) shift; EXTRA=("$@"); break ;;
    *[!0-9]*) echo "run.sh: unknown argument \"$1\"" >&2; usage ;;
    *) SECONDS_TO_RUN="$1" ;;
  esac
  shift
done

# ---------------------------------------------------------------- build
SAN=(-sanitize=fuzzer,address)
SWIFT_FLAGS=(-O -g -parse-as-library -swift-version 6)
MODULES="$BUILD/modules"
MODMAP="$BUILD/cicushim/module.modulemap"
mkdir -p "$MODULES" "$BUILD/cicushim"

# The library is rebuilt when a source, the shim or the BundledData stand-in changed.
LIB_INPUTS=$(cd "$REPO" && { find Sources/ActorGraph Sources/CICUShim -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) ; echo Tests/Fuzz/Support/BundledData.swift; } | LC_ALL=C sort)
LIB_KEY=$(cd "$REPO" && { echo "${SWIFT_FLAGS[*]} ${SAN[*]}"; echo "$LIB_INPUTS" | xargs stat -c '%n %Y %s'; } | cksum | cut -d' ' -f1)
LIB_STAMP="$BUILD/library.stamp"

build_library() {
  echo "run.sh: building the library (sanitizers: fuzzer, address)" >&2
  # 1. The C shim over system ICU.
  "$CLANG" -c -O1 -g -fsanitize=fuzzer-no-link,address -I "$REPO/Sources/CICUShim/include" \
    "$REPO/Sources/CICUShim/shim.c" -o "$BUILD/shim.o"
  # 2. A Clang module for it, as SwiftPM would make.
  cat > "$MODMAP" <<EOF
module CICUShim {
    header "$REPO/Sources/CICUShim/include/CICUShim.h"
    export *
}
EOF
  # 3. ActorGraphGazetteers: the BundledData stand-in (no Bundle.module outside SwiftPM).
  "$SWIFTC" "${SWIFT_FLAGS[@]}" "${SAN[@]}" -module-name ActorGraphGazetteers \
    -emit-module -emit-module-path "$MODULES/ActorGraphGazetteers.swiftmodule" \
    -c "$HERE/Support/BundledData.swift" -o "$BUILD/gazetteers.o"
  # 4. ActorGraph, whole-module, into one object.
  local sources=()
  while IFS= read -r -d '' f; do sources+=("$f"); done < <(find "$REPO/Sources/ActorGraph" -name '*.swift' -print0 | LC_ALL=C sort -z)
  "$SWIFTC" "${SWIFT_FLAGS[@]}" "${SAN[@]}" -module-name ActorGraph -package-name actorgraph \
    -wmo -num-threads 0 -I "$MODULES" -Xcc -fmodule-map-file="$MODMAP" -I "$REPO/Sources/CICUShim/include" \
    -emit-module -emit-module-path "$MODULES/ActorGraph.swiftmodule" \
    -c "${sources[@]}" -o "$BUILD/actorgraph.o"
  echo "$LIB_KEY" > "$LIB_STAMP"
}

if [ ! -f "$LIB_STAMP" ] || [ "$(cat "$LIB_STAMP")" != "$LIB_KEY" ] || [ ! -f "$BUILD/actorgraph.o" ]; then
  build_library || { echo "run.sh: the library did not build" >&2; exit 2; }
fi

BINARY="$BUILD/fuzz-$TARGET"
if [ ! -x "$BINARY" ] || [ "$BINARY" -ot "$TARGET_FILE" ] || [ "$BINARY" -ot "$HERE/Support/FuzzSupport.swift" ] \
   || [ "$BINARY" -ot "$LIB_STAMP" ]; then
  echo "run.sh: building fuzz-$TARGET" >&2
  "$SWIFTC" "${SWIFT_FLAGS[@]}" "${SAN[@]}" -module-name "Fuzz_$TARGET" -package-name actorgraph \
    -I "$MODULES" -Xcc -fmodule-map-file="$MODMAP" -I "$REPO/Sources/CICUShim/include" \
    "$TARGET_FILE" "$HERE/Support/FuzzSupport.swift" \
    "$BUILD/actorgraph.o" "$BUILD/gazetteers.o" "$BUILD/shim.o" \
    -use-ld=lld -licuuc -licui18n -o "$BINARY" || { echo "run.sh: fuzz-$TARGET did not build" >&2; exit 2; }
fi
[ "$MODE" = build ] && { echo "$BINARY"; exit 0; }

# ---------------------------------------------------------------- run
WORK="$OUT/$TARGET"
CORPUS="$WORK/corpus"
CRASHES="$WORK/crashes"
rm -rf "$WORK/scratch"
mkdir -p "$CORPUS" "$CRASHES" "$WORK/scratch"

export SWIFT_BACKTRACE=enable=no
export ACTORGRAPH_DATA_DIR="$REPO/Gazetteers"
export FUZZ_SCRATCH="$WORK/scratch"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1:symbolize=1}"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$SWIFT_BIN/llvm-symbolizer}"
cd "$REPO"   # error messages name files relative to the current folder

COMMON=(-timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-4096}" -artifact_prefix="$CRASHES/")
DICT="$HERE/Dictionaries/$TARGET.dict"
case "$TARGET" in tokenizer|extract) DICT="$HERE/Dictionaries/text.dict" ;; esac
[ -f "$DICT" ] && COMMON+=(-dict="$DICT")

case "$MODE" in
  repro)
    [ ${#FILES[@]} -gt 0 ] || usage
    exec "$BINARY" "${COMMON[@]}" "${FILES[@]}" ;;
  regress)
    shopt -s nullglob
    FILES=("$HERE/Regressions/$TARGET"/*)
    [ ${#FILES[@]} -gt 0 ] || { echo "run.sh: no regression inputs in Tests/Fuzz/Regressions/$TARGET" >&2; exit 0; }
    exec "$BINARY" "${COMMON[@]}" "${FILES[@]}" ;;
  minimize)
    exec "$BINARY" "${COMMON[@]}" -minimize_crash=1 -max_total_time="${FUZZ_MINIMIZE_SECONDS:-60}" \
      -exact_artifact_path="${FILES[0]}.min" "${FILES[0]}" ;;
esac

# Seeds, copied fresh each run (never committed to the repository).
case "$TARGET" in
  tokenizer|extract) cp -f "$REPO"/Tests/Corpus/*.txt "$CORPUS/" ;;
  gazetteer) cp -f "$REPO"/Gazetteers/entities/*.gaz "$CORPUS/" ;;
  rules) cp -f "$REPO"/Gazetteers/rules/*.rules "$CORPUS/" ;;
  gold) cp -f "$REPO"/Tests/Corpus/*.gold.json "$REPO"/Tests/Coverage/*.actors.json "$CORPUS/" ;;
  compiled) export FUZZ_SEED_DIR="$CORPUS"; EXTRA=(-max_len=65536 ${EXTRA[@]+"${EXTRA[@]}"}) ;;   # seeds compiled at start-up
  import) export FUZZ_SEED_DIR="$CORPUS" FUZZ_FIXTURES="$REPO/Tests/Import" ;;   # fixtures laid out as inputs at start-up
esac

LOG="$WORK/fuzz-$(date +%Y%m%d-%H%M%S).log"
MARK="$WORK/.started"; touch "$MARK"
echo "run.sh: fuzzing $TARGET for $SECONDS_TO_RUN s; log $LOG" >&2
set +e
"$BINARY" "${COMMON[@]}" -max_total_time="$SECONDS_TO_RUN" -print_final_stats=1 \
  ${EXTRA[@]+"${EXTRA[@]}"} "$CORPUS" 2>&1 | tee "$LOG"
STATUS=${PIPESTATUS[0]}
set -e

FOUND=$(find "$CRASHES" -maxdepth 1 -type f -newer "$MARK" | LC_ALL=C sort)
EXECS=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$LOG" | grep -o '[0-9]*$' || true)
echo "run.sh: $TARGET exit $STATUS; average execs/s: ${EXECS:-?}" >&2
if [ "$STATUS" -ne 0 ] || [ -n "$FOUND" ]; then
  echo "run.sh: $TARGET FOUND A PROBLEM; input(s):" >&2
  if [ -n "$FOUND" ]; then echo "$FOUND" | sed 's/^/  /' >&2; else echo "  (no artifact written; see $LOG)" >&2; fi
  exit 1
fi
echo "run.sh: $TARGET found nothing" >&2
