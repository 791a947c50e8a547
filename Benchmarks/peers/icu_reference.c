// The C + ICU reference of the peer comparison: what a careful C program
// built on ICU's word break does with the same input, as a floor for any
// matcher of ICU words.
//
//   icu_reference tokenize CORPUS REPEAT RUNS
//       ICU word break alone over each article (UTF-8, through UText), and
//       word break plus ICU case folding of each word, timed separately.
//   icu_reference match CORPUS NAMES REPEAT RUNS
//       word break, case folding, then hashed longest match of the aliases
//       of NAMES (one a line), counting non-overlapping leftmost-longest
//       matches.
//
// Every article (the .txt files of CORPUS, in byte order of their names) is
// one separate text, the corpus repeated REPEAT times per run; the median of
// RUNS runs is reported. Prints one JSON object. Tokens: ICU's word-break
// segments other than whitespace; a final "'s" or "’s" is split off a word
// ("Trump's" is Trump + 's), as ActorGraph does. An alias is split and
// folded the same way; matching compares folded tokens through a trie of
// (node, word) edges in one open-addressing table.
//
// Build: cc -O2 -o icu_reference icu_reference.c $(pkg-config --libs icu-uc)

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

// ---------------------------------------------------------------------------
// Errors and memory

static void fail(int status, const char *format, const char *detail) {
    fprintf(stderr, "icu_reference: error: ");
    fprintf(stderr, format, detail);
    fputc('\n', stderr);
    exit(status);
}

static void *allocate(size_t bytes) {
    void *pointer = malloc(bytes ? bytes : 1);
    if (!pointer) fail(1, "%s", "out of memory");
    return pointer;
}

static void *grow(void *pointer, size_t bytes) {
    void *grown = realloc(pointer, bytes ? bytes : 1);
    if (!grown) fail(1, "%s", "out of memory");
    return grown;
}

static void check(UErrorCode status, const char *what) {
    if (U_FAILURE(status)) {
        fprintf(stderr, "icu_reference: error: %s: %s\n", what, u_errorName(status));
        exit(1);
    }
}

static double now(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

static double resident_bytes(void) {
    FILE *file = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (!file) return 0;
    if (fscanf(file, "%ld %ld", &size, &resident) != 2) resident = 0;
    fclose(file);
    return (double)resident * (double)sysconf(_SC_PAGESIZE);
}

static int compare_doubles(const void *left, const void *right) {
    double a = *(const double *)left, b = *(const double *)right;
    return (a > b) - (a < b);
}

static double median(double *values, int count) {
    qsort(values, (size_t)count, sizeof *values, compare_doubles);
    return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

// ---------------------------------------------------------------------------
// Input

typedef struct {
    char *bytes;
    int64_t length;
} Text;

static Text read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) fail(1, "cannot read %s", path);
    Text text = {NULL, 0};
    size_t capacity = 1 << 16, length = 0, got;
    text.bytes = allocate(capacity);
    while ((got = fread(text.bytes + length, 1, capacity - length, file)) > 0) {
        length += got;
        if (length == capacity) text.bytes = grow(text.bytes, capacity *= 2);
    }
    if (ferror(file)) fail(1, "cannot read %s", path);
    fclose(file);
    text.length = (int64_t)length;
    return text;
}

static int is_text_file(const struct dirent *entry) {
    size_t length = strlen(entry->d_name);
    return length > 4 && strcmp(entry->d_name + length - 4, ".txt") == 0;
}

static int by_name(const struct dirent **left, const struct dirent **right) {
    return strcmp((*left)->d_name, (*right)->d_name);
}

static Text *read_corpus(const char *folder, int *count) {
    struct dirent **entries;
    int found = scandir(folder, &entries, is_text_file, by_name);
    if (found < 0) fail(1, "cannot read the corpus folder %s", folder);
    if (found == 0) fail(1, "no .txt file in %s", folder);
    Text *texts = allocate(sizeof *texts * (size_t)found);
    for (int index = 0; index < found; index++) {
        size_t length = strlen(folder) + strlen(entries[index]->d_name) + 2;
        char *path = allocate(length);
        snprintf(path, length, "%s/%s", folder, entries[index]->d_name);
        texts[index] = read_file(path);
        free(path);
        free(entries[index]);
    }
    free(entries);
    *count = found;
    return texts;
}

// ---------------------------------------------------------------------------
// Tokens: ICU word break, whitespace left out, a final 's split off, each
// token folded by u_strFoldCase (through UTF-16, ICU's string form).

typedef struct {
    UBreakIterator *breaker;
    UText *text;
    UChar *wide, *folded;
    char *out;
    int32_t capacity;
} Tokenizer;

static Tokenizer tokenizer_open(void) {
    Tokenizer tokenizer = {NULL, NULL, NULL, NULL, NULL, 256};
    UErrorCode status = U_ZERO_ERROR;
    tokenizer.breaker = ubrk_open(UBRK_WORD, "en", NULL, 0, &status);
    check(status, "ubrk_open");
    tokenizer.wide = allocate(sizeof(UChar) * (size_t)tokenizer.capacity);
    tokenizer.folded = allocate(sizeof(UChar) * (size_t)tokenizer.capacity * 3);
    tokenizer.out = allocate((size_t)tokenizer.capacity * 9);
    return tokenizer;
}

static void tokenizer_start(Tokenizer *tokenizer, const char *bytes, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    tokenizer->text = utext_openUTF8(tokenizer->text, bytes, length, &status);
    check(status, "utext_openUTF8");
    ubrk_setUText(tokenizer->breaker, tokenizer->text, &status);
    check(status, "ubrk_setUText");
}

/// Folds bytes[0..<length] into tokenizer->out; returns the folded length.
/// With `ascii`, a token of ASCII bytes only is lowercased in place of the
/// round trip through UTF-16 (the same result).
static int32_t fold(Tokenizer *tokenizer, const char *bytes, int32_t length, int ascii) {
    if (ascii && length <= tokenizer->capacity) {
        int32_t index = 0;
        for (; index < length && (uint8_t)bytes[index] < 0x80; index++) {
            char byte = bytes[index];
            tokenizer->out[index] = byte >= 'A' && byte <= 'Z' ? (char)(byte | 0x20) : byte;
        }
        if (index == length) return length;
    }
    if (length > tokenizer->capacity) {
        tokenizer->capacity = length;
        tokenizer->wide = grow(tokenizer->wide, sizeof(UChar) * (size_t)length);
        tokenizer->folded = grow(tokenizer->folded, sizeof(UChar) * (size_t)length * 3);
        tokenizer->out = grow(tokenizer->out, (size_t)length * 9);
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t wide = 0, folded, out = 0;
    u_strFromUTF8Lenient(tokenizer->wide, tokenizer->capacity, &wide, bytes, length, &status);
    check(status, "u_strFromUTF8");
    folded = u_strFoldCase(tokenizer->folded, tokenizer->capacity * 3, tokenizer->wide, wide,
                           U_FOLD_CASE_DEFAULT, &status);
    check(status, "u_strFoldCase");
    u_strToUTF8(tokenizer->out, tokenizer->capacity * 9, &out, tokenizer->folded, folded, &status);
    check(status, "u_strToUTF8");
    return out;
}

/// The length of a final "'s" or "’s" of a word of more than that, else 0.
static int32_t possessive(const char *bytes, int32_t length) {
    if (length > 2 && (bytes[length - 1] == 's' || bytes[length - 1] == 'S') && bytes[length - 2] == '\'')
        return 2;
    if (length > 4 && (bytes[length - 1] == 's' || bytes[length - 1] == 'S') &&
        memcmp(bytes + length - 4, "\xE2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

static int is_whitespace(const char *bytes, int32_t length) {
    int32_t offset = 0;
    UChar32 scalar;
    U8_NEXT(bytes, offset, length, scalar);
    return scalar >= 0 && u_isUWhiteSpace(scalar);
}

/// Calls `token` with the folded length of each token of the text started
/// with tokenizer_start, its folded bytes in tokenizer->out (see `fold`).
#define FOR_EACH_TOKEN(tokenizer, bytes, ascii, token)                                           \
    do {                                                                                           \
        int32_t start_ = ubrk_first((tokenizer)->breaker), end_;                                   \
        while ((end_ = ubrk_next((tokenizer)->breaker)) != UBRK_DONE) {                            \
            const char *piece_ = (bytes) + start_;                                                 \
            int32_t length_ = end_ - start_;                                                       \
            int word_ = ubrk_getRuleStatus((tokenizer)->breaker) >= UBRK_WORD_NONE_LIMIT;          \
            start_ = end_;                                                                         \
            if (!word_ && is_whitespace(piece_, length_)) continue;                                \
            int32_t clitic_ = word_ ? possessive(piece_, length_) : 0;                             \
            for (int part_ = 0; part_ < (clitic_ ? 2 : 1); part_++) {                              \
                const char *at_ = part_ ? piece_ + length_ - clitic_ : piece_;                     \
                int32_t size_ = clitic_ ? (part_ ? clitic_ : length_ - clitic_) : length_;         \
                token(fold((tokenizer), at_, size_, (ascii)));                                     \
            }                                                                                      \
        }                                                                                          \
    } while (0)

// ---------------------------------------------------------------------------
// Words: folded token bytes to ids, open addressing over FNV-1a hashes.

typedef struct {
    char *bytes;
    size_t used, room;
    uint32_t *starts, *lengths; // by id
    uint32_t *slots;            // id + 1; 0 = empty
    uint64_t *hashes;           // by id
    uint32_t count, capacity, mask;
} Words;

static uint64_t hash_bytes(const char *bytes, int32_t length) {
    uint64_t hash = 1469598103934665603ULL;
    for (int32_t index = 0; index < length; index++) hash = (hash ^ (uint8_t)bytes[index]) * 1099511628211ULL;
    return hash;
}

static void words_init(Words *words) {
    memset(words, 0, sizeof *words);
    words->mask = 1023;
    words->slots = calloc(1024, sizeof(uint32_t));
    if (!words->slots) fail(1, "%s", "out of memory");
}

static int64_t words_find(const Words *words, const char *bytes, int32_t length, uint64_t hash) {
    for (uint32_t slot = (uint32_t)hash & words->mask;; slot = (slot + 1) & words->mask) {
        uint32_t entry = words->slots[slot];
        if (entry == 0) return -1 - (int64_t)slot;
        uint32_t id = entry - 1;
        if (words->hashes[id] == hash && words->lengths[id] == (uint32_t)length &&
            memcmp(words->bytes + words->starts[id], bytes, (size_t)length) == 0)
            return id;
    }
}

static uint32_t words_intern(Words *words, const char *bytes, int32_t length) {
    uint64_t hash = hash_bytes(bytes, length);
    int64_t found = words_find(words, bytes, length, hash);
    if (found >= 0) return (uint32_t)found;
    if ((words->count + 1) * 2 > words->mask + 1) {     // at most half full
        uint32_t size = (words->mask + 1) * 2;
        free(words->slots);
        words->slots = calloc(size, sizeof(uint32_t));
        if (!words->slots) fail(1, "%s", "out of memory");
        words->mask = size - 1;
        for (uint32_t id = 0; id < words->count; id++) {
            uint32_t slot = (uint32_t)words->hashes[id] & words->mask;
            while (words->slots[slot]) slot = (slot + 1) & words->mask;
            words->slots[slot] = id + 1;
        }
        found = words_find(words, bytes, length, hash);
    }
    if (words->count == words->capacity) {
        words->capacity = words->capacity ? words->capacity * 2 : 1024;
        words->starts = grow(words->starts, sizeof(uint32_t) * words->capacity);
        words->lengths = grow(words->lengths, sizeof(uint32_t) * words->capacity);
        words->hashes = grow(words->hashes, sizeof(uint64_t) * words->capacity);
    }
    if (words->used + (size_t)length > words->room) {
        words->room = (words->room + (size_t)length) * 2;
        words->bytes = grow(words->bytes, words->room);
    }
    memcpy(words->bytes + words->used, bytes, (size_t)length);
    uint32_t id = words->count++;
    words->starts[id] = (uint32_t)words->used;
    words->lengths[id] = (uint32_t)length;
    words->hashes[id] = hash;
    words->used += (size_t)length;
    words->slots[(uint32_t)(-1 - found)] = id + 1;
    return id;
}

// ---------------------------------------------------------------------------
// Phrases: a trie over word ids, its edges (node << 32 | word) in one
// open-addressing table; a node that ends an alias is marked.

typedef struct {
    uint64_t *keys;    // key + 1; 0 = empty
    uint32_t *targets;
    uint8_t *ends;     // by node
    uint64_t count, mask;
    uint32_t nodes, nodeRoom, aliases;
} Trie;

static uint64_t mix(uint64_t key) {
    key *= 0x9E3779B97F4A7C15ULL;
    return key ^ (key >> 31);
}

static void trie_init(Trie *trie) {
    memset(trie, 0, sizeof *trie);
    trie->mask = 1023;
    trie->keys = calloc(1024, sizeof(uint64_t));
    trie->targets = calloc(1024, sizeof(uint32_t));
    trie->nodeRoom = 1024;
    trie->ends = calloc(trie->nodeRoom, 1);
    trie->nodes = 1;
    if (!trie->keys || !trie->targets || !trie->ends) fail(1, "%s", "out of memory");
}

static int64_t trie_child(const Trie *trie, uint32_t node, uint32_t word) {
    uint64_t key = ((uint64_t)node << 32 | word) + 1;
    for (uint64_t slot = mix(key - 1) & trie->mask;; slot = (slot + 1) & trie->mask) {
        if (trie->keys[slot] == key) return trie->targets[slot];
        if (trie->keys[slot] == 0) return -1;
    }
}

static uint32_t trie_add(Trie *trie, uint32_t node, uint32_t word) {
    int64_t found = trie_child(trie, node, word);
    if (found >= 0) return (uint32_t)found;
    if ((trie->count + 1) * 4 > (trie->mask + 1) * 3) {     // at most three quarters full
        uint64_t size = (trie->mask + 1) * 2;
        uint64_t *keys = calloc(size, sizeof(uint64_t));
        uint32_t *targets = calloc(size, sizeof(uint32_t));
        if (!keys || !targets) fail(1, "%s", "out of memory");
        for (uint64_t old = 0; old <= trie->mask; old++) {
            if (!trie->keys[old]) continue;
            uint64_t slot = mix(trie->keys[old] - 1) & (size - 1);
            while (keys[slot]) slot = (slot + 1) & (size - 1);
            keys[slot] = trie->keys[old];
            targets[slot] = trie->targets[old];
        }
        free(trie->keys);
        free(trie->targets);
        trie->keys = keys;
        trie->targets = targets;
        trie->mask = size - 1;
    }
    uint64_t key = ((uint64_t)node << 32 | word) + 1;
    uint64_t slot = mix(key - 1) & trie->mask;
    while (trie->keys[slot]) slot = (slot + 1) & trie->mask;
    if (trie->nodes == trie->nodeRoom) {
        trie->ends = grow(trie->ends, trie->nodeRoom * 2);
        memset(trie->ends + trie->nodeRoom, 0, trie->nodeRoom);
        trie->nodeRoom *= 2;
    }
    trie->keys[slot] = key;
    trie->targets[slot] = trie->nodes;
    trie->count++;
    return trie->nodes++;
}

// ---------------------------------------------------------------------------
// Commands

static Text *expand(Text *texts, int count, int repeat, int64_t *total) {
    Text *sequence = allocate(sizeof *sequence * (size_t)count * (size_t)repeat);
    *total = 0;
    for (int pass = 0; pass < repeat; pass++)
        for (int index = 0; index < count; index++) {
            sequence[pass * count + index] = texts[index];
            *total += texts[index].length;
        }
    return sequence;
}

static int number(const char *text, const char *name) {
    char *end;
    long value = strtol(text, &end, 10);
    if (*text == 0 || *end != 0 || value < 1 || value > 1000000) fail(2, "%s must be a whole number from 1", name);
    return (int)value;
}

static void tokenize(const char *folder, int repeat, int runs) {
    int count;
    Text *texts = read_corpus(folder, &count);
    int64_t total;
    Text *sequence = expand(texts, count, repeat, &total);
    Tokenizer tokenizer = tokenizer_open();
    double *breakTimes = allocate(sizeof(double) * (size_t)runs), *foldTimes = allocate(sizeof(double) * (size_t)runs);
    int64_t tokens = 0, folded = 0, boundaries = 0;
    for (int run = 0; run < runs; run++) {
        double start = now();
        boundaries = 0;
        for (int index = 0; index < count * repeat; index++) {
            tokenizer_start(&tokenizer, sequence[index].bytes, sequence[index].length);
            ubrk_first(tokenizer.breaker);
            while (ubrk_next(tokenizer.breaker) != UBRK_DONE) boundaries++;
        }
        breakTimes[run] = now() - start;
        start = now();
        tokens = 0;
        folded = 0;
#define COUNT_TOKEN(length) (tokens++, folded += (length))
        for (int index = 0; index < count * repeat; index++) {
            tokenizer_start(&tokenizer, sequence[index].bytes, sequence[index].length);
            FOR_EACH_TOKEN(&tokenizer, sequence[index].bytes, 0, COUNT_TOKEN);
        }
        foldTimes[run] = now() - start;
    }
    double breakMedian = median(breakTimes, runs), foldMedian = median(foldTimes, runs);
    printf("{\"boundaries\":%lld,\"breakMedianSeconds\":%.6f,\"breakMegabytesPerSecond\":%.4f,\"bytes\":%lld,"
           "\"foldMedianSeconds\":%.6f,\"foldMegabytesPerSecond\":%.4f,\"foldedBytes\":%lld,\"icuVersion\":\"%s\","
           "\"tokens\":%lld}\n",
           (long long)boundaries, breakMedian, (double)total / 1e6 / breakMedian, (long long)total, foldMedian,
           (double)total / 1e6 / foldMedian, (long long)folded, U_ICU_VERSION, (long long)tokens);
}

static void match(const char *folder, const char *namesPath, int repeat, int runs) {
    int count;
    Text *texts = read_corpus(folder, &count);
    int64_t total;
    Text *sequence = expand(texts, count, repeat, &total);
    Text names = read_file(namesPath);
    Tokenizer tokenizer = tokenizer_open();

    double before = resident_bytes(), start = now();
    Words words;
    Trie trie;
    words_init(&words);
    trie_init(&trie);
    int64_t lineStart = 0;
    while (lineStart < names.length) {
        int64_t lineEnd = lineStart;
        while (lineEnd < names.length && names.bytes[lineEnd] != '\n') lineEnd++;
        uint32_t node = 0;
        int length = 0;
#define ADD_TOKEN(size) (node = trie_add(&trie, node, words_intern(&words, tokenizer.out, (size))), length++)
        tokenizer_start(&tokenizer, names.bytes + lineStart, lineEnd - lineStart);
        FOR_EACH_TOKEN(&tokenizer, names.bytes + lineStart, 1, ADD_TOKEN);
        if (length > 0 && !trie.ends[node]) {
            trie.ends[node] = 1;
            trie.aliases++;
        }
        lineStart = lineEnd + 1;
    }
    double build = now() - start, resident = resident_bytes() - before;

    // Per text: its tokens' word ids (-1 for a word no alias has), then the longest match at each start.
    int64_t *ids = NULL;
    size_t idRoom = 0;
    double *times = allocate(sizeof(double) * (size_t)runs);
    int64_t matches = 0, firstPass = 0;
    for (int run = 0; run < runs; run++) {
        double begin = now();
        matches = 0;
        for (int index = 0; index < count * repeat; index++) {
            size_t used = 0;
#define LOOK_UP(size)                                                                               \
    do {                                                                                            \
        if (used == idRoom) ids = grow(ids, sizeof *ids * (idRoom = idRoom ? idRoom * 2 : 4096));   \
        int64_t id_ = words_find(&words, tokenizer.out, (size), hash_bytes(tokenizer.out, (size))); \
        ids[used++] = id_;                                                                          \
    } while (0)
            tokenizer_start(&tokenizer, sequence[index].bytes, sequence[index].length);
            FOR_EACH_TOKEN(&tokenizer, sequence[index].bytes, 1, LOOK_UP);
            size_t at = 0;
            while (at < used) {
                size_t next = at, end = at;
                int64_t node = 0;
                while (next < used && ids[next] >= 0 && (node = trie_child(&trie, (uint32_t)node, (uint32_t)ids[next])) >= 0) {
                    next++;
                    if (trie.ends[node]) end = next;
                }
                if (end > at) {
                    matches++;
                    at = end;
                } else {
                    at++;
                }
            }
            if (index + 1 == count) firstPass = matches;
        }
        times[run] = now() - begin;
    }
    double middle = median(times, runs);
    printf("{\"aliases\":%u,\"buildSeconds\":%.6f,\"bytes\":%lld,\"icuVersion\":\"%s\",\"matches\":%lld,"
           "\"matchesTimed\":%lld,\"medianSeconds\":%.6f,\"megabytesPerSecond\":%.4f,\"residentMegabytes\":%.3f}\n",
           trie.aliases, build, (long long)total, U_ICU_VERSION, (long long)firstPass, (long long)matches, middle,
           (double)total / 1e6 / middle, resident / 1e6);
}

int main(int argc, char **argv) {
    if (argc == 5 && strcmp(argv[1], "tokenize") == 0) {
        tokenize(argv[2], number(argv[3], "REPEAT"), number(argv[4], "RUNS"));
    } else if (argc == 6 && strcmp(argv[1], "match") == 0) {
        match(argv[2], argv[3], number(argv[4], "REPEAT"), number(argv[5], "RUNS"));
    } else {
        fail(2, "%s", "usage: icu_reference tokenize CORPUS REPEAT RUNS | match CORPUS NAMES REPEAT RUNS");
    }
    return 0;
}
