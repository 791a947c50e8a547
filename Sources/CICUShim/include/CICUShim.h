#ifndef CICUSHIM_H
#define CICUSHIM_H

// The ActorGraph side of ICU. Only <stdint.h> types and opaque handles cross
// this header, so Swift code that imports Foundation (which carries its own
// ICU copy on Linux) never sees ICU's own declarations.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word break iterator (English rules) over one UTF-8 buffer. Not
/// thread-safe; one per task.
typedef struct agicu_breaker agicu_breaker;

/// Opens a break iterator over `utf8[0..<length]`, which must outlive it.
/// Returns NULL and sets `*error` to a nonzero ICU error code on failure.
agicu_breaker *agicu_breaker_open(const uint8_t *utf8, int64_t length, int32_t *error);

/// The next boundary as a UTF-8 byte offset, or -1 after the last one.
/// `*rule_status` receives ICU's rule status of the segment that ends there
/// (0..99 none, 100..199 number, 200..299 letter, 300..399 kana,
/// 400..499 ideographic).
int64_t agicu_breaker_next(agicu_breaker *breaker, int32_t *rule_status);

/// Moves to the last boundary before `offset` and returns it, or -1 if there
/// is none; `agicu_breaker_next` then goes on from there.
int64_t agicu_breaker_preceding(agicu_breaker *breaker, int64_t offset);

void agicu_breaker_close(agicu_breaker *breaker);

/// Folds UTF-8 text for matching: NFKC case folding, diacritics removed
/// (nonspacing marks after canonical decomposition), format characters
/// removed (bidi controls, zero-width joiners), curly and modifier
/// apostrophes straightened, recomposed to NFC.
/// Writes at most `capacity` bytes to `out` and returns the folded length in
/// bytes; if that exceeds `capacity`, call again with a larger buffer.
/// Returns -1 and sets `*error` on an ICU failure.
int64_t agicu_fold(const uint8_t *utf8, int64_t length, uint8_t *out, int64_t capacity, int32_t *error);

#ifdef __cplusplus
}
#endif

#endif
