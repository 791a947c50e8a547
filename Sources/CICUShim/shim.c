#include "CICUShim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct agicu_breaker {
    UBreakIterator *iterator;
    UText *text;
};

// Opening a break iterator loads and compiles its rules; cloning a template
// made once is far cheaper. ubrk_clone may be called on one template from
// several threads at once.
static UBreakIterator *word_template;
static UErrorCode template_status;
static pthread_once_t template_once = PTHREAD_ONCE_INIT;

static void open_template(void) {
    template_status = U_ZERO_ERROR;
    word_template = ubrk_open(UBRK_WORD, "en", NULL, 0, &template_status);
}

agicu_breaker *agicu_breaker_open(const uint8_t *utf8, int64_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    pthread_once(&template_once, open_template);
    if (U_FAILURE(template_status)) {
        *error = (int32_t)template_status;
        return NULL;
    }
    UBreakIterator *iterator = ubrk_clone(word_template, &status);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return NULL;
    }
    UText *text = utext_openUTF8(NULL, (const char *)utf8, length, &status);
    if (U_SUCCESS(status)) ubrk_setUText(iterator, text, &status);
    if (U_FAILURE(status)) {
        if (text) utext_close(text);
        ubrk_close(iterator);
        *error = (int32_t)status;
        return NULL;
    }
    agicu_breaker *breaker = malloc(sizeof *breaker);
    if (!breaker) {
        utext_close(text);
        ubrk_close(iterator);
        *error = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->text = text;
    *error = 0;
    return breaker;
}

int64_t agicu_breaker_next(agicu_breaker *breaker, int32_t *rule_status) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    *rule_status = ubrk_getRuleStatus(breaker->iterator);
    return boundary;
}

int64_t agicu_breaker_preceding(agicu_breaker *breaker, int64_t offset) {
    int32_t boundary = ubrk_preceding(breaker->iterator, (int32_t)offset);
    return boundary == UBRK_DONE ? -1 : boundary;
}

void agicu_breaker_close(agicu_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    utext_close(breaker->text);
    free(breaker);
}

// Normalizes `source` with `normalizer` into a fresh buffer; the caller frees it.
static UChar *normalized(const UNormalizer2 *normalizer, const UChar *source, int32_t length, int32_t *out_length, UErrorCode *status) {
    if (U_FAILURE(*status) || normalizer == NULL) {
        if (U_SUCCESS(*status)) *status = U_MISSING_RESOURCE_ERROR;
        return NULL;
    }
    UErrorCode probe = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize(normalizer, source, length, NULL, 0, &probe);
    if (probe != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(probe)) {
        *status = probe;
        return NULL;
    }
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (!buffer) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    *out_length = unorm2_normalize(normalizer, source, length, buffer, needed + 1, status);
    return buffer;
}

/// Lowercase letters with a stroke or of their own that Unicode does not
/// decompose into a base letter and a mark, folded to the base letter as the
/// marks are: "Diyarbakır" = "Diyarbakir", "Łódź" = "Lodz", "Đà Nẵng" = "Da Nang".
static UChar base_letter(UChar c) {
    switch (c) {
    case 0x0131: return 'i';   // ı dotless i
    case 0x0142: return 'l';   // ł
    case 0x0140: return 'l';   // ŀ
    case 0x0111: return 'd';   // đ
    case 0x00F0: return 'd';   // ð
    case 0x00F8: return 'o';   // ø
    case 0x0127: return 'h';   // ħ
    case 0x0167: return 't';   // ŧ
    default: return c;
    }
}

static int is_apostrophe(UChar c) {
    // NFKC folding has already turned the fullwidth apostrophe into '.
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB || c == 0x0060;
}

int64_t agicu_fold(const uint8_t *utf8, int64_t length, uint8_t *out, int64_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *error = 0;
    if (length > INT32_MAX / 4) {
        *error = (int32_t)U_INDEX_OUTOFBOUNDS_ERROR;
        return -1;
    }
    int32_t utf16_length = 0;
    u_strFromUTF8WithSub(NULL, 0, &utf16_length, (const char *)utf8, (int32_t)length, 0xFFFD, NULL, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    status = U_ZERO_ERROR;
    UChar *utf16 = malloc(sizeof(UChar) * (size_t)(utf16_length + 1));
    if (!utf16) {
        *error = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return -1;
    }
    u_strFromUTF8WithSub(utf16, utf16_length + 1, NULL, (const char *)utf8, (int32_t)length, 0xFFFD, NULL, &status);

    int32_t folded_length = 0, decomposed_length = 0, composed_length = 0;
    UChar *folded = NULL, *decomposed = NULL, *composed = NULL;
    if (U_SUCCESS(status)) folded = normalized(unorm2_getNFKCCasefoldInstance(&status), utf16, utf16_length, &folded_length, &status);
    if (U_SUCCESS(status)) decomposed = normalized(unorm2_getNFDInstance(&status), folded, folded_length, &decomposed_length, &status);
    if (U_SUCCESS(status)) {
        // Drop nonspacing marks, straighten apostrophes, fold stroked letters, in place.
        int32_t kept = 0;
        for (int32_t i = 0; i < decomposed_length; i++) {
            UChar c = decomposed[i];
            if (U16_IS_LEAD(c) && i + 1 < decomposed_length && U16_IS_TRAIL(decomposed[i + 1])) {
                UChar32 scalar = U16_GET_SUPPLEMENTARY(c, decomposed[i + 1]);
                int8_t type = u_charType(scalar);
                if (type != U_NON_SPACING_MARK && type != U_FORMAT_CHAR) {
                    decomposed[kept++] = c;
                    decomposed[kept++] = decomposed[i + 1];
                }
                i++;
                continue;
            }
            // Marks go (diacritics); so do format characters (bidi controls, ZWJ, soft hyphen).
            int8_t type = u_charType(c);
            if (type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR) continue;
            decomposed[kept++] = is_apostrophe(c) ? (UChar)'\'' : base_letter(c);
        }
        decomposed_length = kept;
        composed = normalized(unorm2_getNFCInstance(&status), decomposed, decomposed_length, &composed_length, &status);
    }
    int32_t written = 0;
    if (U_SUCCESS(status)) {
        u_strToUTF8WithSub((char *)out, capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity, &written, composed, composed_length, 0xFFFD, NULL, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    }
    free(utf16);
    free(folded);
    free(decomposed);
    free(composed);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    return written;
}
