import CICUShim

/// Splits text into tokens with ICU's word break rules (written out in Swift
/// for spans of plain ASCII) and into sentences with the Unicode
/// sentence rules applied to those tokens, then applies the fixes news text
/// needs.
///
/// - Possessives are split off: "France's" is `France` + `'s` (the second
///   token flagged ``Token/Flags/possessive``).
/// - Dotted abbreviations keep their final period: "U.S." is one token.
/// - Sentences also end at line breaks (headlines have no full stop) and
///   before bullets, but not after "Mr.", "Gen.", "Jan. 5", an initial
///   ("Robert F. Kennedy"), nor at a line break inside a hard-wrapped sentence.
///
/// A `Tokenizer` holds no state; one value can be used from any thread.
public struct Tokenizer: Sendable {
    /// Whether spans of plain ASCII are split without ICU (``ASCIIWords``);
    /// `false` sends the whole text through ICU, as the differential tests'
    /// reference.
    let asciiFastPath: Bool

    /// A tokenizer with ICU's English rules.
    public init() { asciiFastPath = true }

    init(asciiFastPath: Bool) { self.asciiFastPath = asciiFastPath }

    /// Tokenizes `text`.
    ///
    /// - Parameter text: Any string; an empty one gives no tokens and no sentences.
    /// - Returns: The tokens, sentences and folded forms of `text`.
    /// - Throws: ``ActorGraphError`` with code `textTooLarge` for 2 GiB of
    ///   UTF-8 or more, `icuFailure` if ICU cannot open its break rules.
    /// - Complexity: O(*n*) in the length of the text.
    public func tokenize(_ text: String) throws -> TokenizedText {
        try tokenize(text, splittingSentences: true)
    }

    /// Tokenizes `text`; without `splittingSentences`, all of it is one
    /// sentence (for short phrases: gazetteer aliases, rule triggers).
    func tokenize(_ text: String, splittingSentences: Bool) throws -> TokenizedText {
        var text = text
        text.makeContiguousUTF8()
        // ICU's break iterators count in Int32.
        guard text.utf8.count < Int(Int32.max) else {
            throw ActorGraphError(.textTooLarge, "The text is \(text.utf8.count) bytes; split it into documents under 2 GiB.")
        }
        let result: Result<(ContiguousArray<Token>, [Sentence], Vocabulary, Bool), ActorGraphError>? =
            text.utf8.withContiguousStorageIfAvailable { buffer in
                Result { try Self.segment(buffer, asciiFastPath: asciiFastPath, sentences: splittingSentences) }.mapError { $0 as? ActorGraphError ?? ActorGraphError(.icuFailure, "\($0)") }
            }
        guard let result else {
            throw ActorGraphError(.icuFailure, "The text could not be read as contiguous UTF-8.")
        }
        let (tokens, sentences, vocabulary, ascii) = try result.get()
        return TokenizedText(text: text, tokens: tokens, sentences: sentences, vocabulary: vocabulary, ascii: ascii)
    }

    /// The tokens, sentences and forms of `buffer`, and whether it is all ASCII
    /// (known without a look at every byte: only ICU spans, news punctuation
    /// and curly apostrophes inside words hold other bytes).
    private static func segment(_ buffer: UnsafeBufferPointer<UInt8>, asciiFastPath: Bool, sentences splitting: Bool) throws -> (ContiguousArray<Token>, [Sentence], Vocabulary, Bool) {
        let words = UnsafeMutableRawPointer.allocate(byteCount: TokenBuilder.wordBufferSize, alignment: 8)
        defer { words.deallocate() }
        var builder = TokenBuilder(buffer: buffer, wordBuffer: words)
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return ([], [], Vocabulary(builder.forms), true) }
        // Runs of ASCII whitespace split the text into spans. A span of plain
        // ASCII is split here by ICU's own word rules (ASCIIWords); any other
        // span is left to ICU, reading the whole text so it sees the context.
        // Spans are taken as plain until a byte shows otherwise: English news
        // is nearly all plain, so the text is read once.
        var icu: OpaquePointer?
        defer { if let icu { agicu_breaker_close(icu) } }
        var index = 0
        let count = buffer.count
        if !asciiFastPath {
            icu = try openBreaker(base, count)
            builder.sawNonASCII = true
            segmentWithICU(0 ..< count, icu!, &builder)
            index = count
        }
        while index < count {
            index = builder.addPlainText(from: index)
            guard index < count else { break }
            var end = index + 1
            while end < count && !ASCIIWords.isWhitespace(buffer[end]) { end += 1 }
            if icu == nil { icu = try openBreaker(base, count) }
            builder.sawNonASCII = true     // most likely; at worst the scalar index is built for nothing
            segmentWithICU(index ..< end, icu!, &builder)
            index = end
        }
        // The builder is done with its forms: from here on they are a vocabulary no one changes.
        let vocabulary = Vocabulary(builder.forms)
        guard splitting else {
            return (builder.tokens, builder.tokens.isEmpty ? [] : [Sentence(tokens: 0 ..< builder.tokens.count)], vocabulary,
                    !builder.sawNonASCII)
        }
        let sentences = SentenceSplitter(tokens: builder.tokens, cues: builder.sentenceCues, vocabulary: vocabulary,
                                         buffer: buffer).sentences()
        return (builder.tokens, sentences, vocabulary, !builder.sawNonASCII)
    }

    /// ICU's word segments of `span`, which ASCII whitespace (or the text's
    /// ends) surrounds. A segment that starts in the whitespace before the span
    /// (a combining mark joins the space before it) is cut at the span.
    private static func segmentWithICU(_ span: Range<Int>, _ breaker: OpaquePointer, _ builder: inout TokenBuilder) {
        var start = Int(agicu_breaker_preceding(breaker, Int64(span.lowerBound + 1)))
        if start < 0 { start = 0 }
        var status: Int32 = 0
        while start < span.upperBound {
            let boundary = Int(agicu_breaker_next(breaker, &status))
            if boundary < 0 { break }
            let segment = max(start, span.lowerBound) ..< min(boundary, span.upperBound)
            if !segment.isEmpty { builder.addSegment(segment, ruleStatus: status) }
            start = boundary
        }
    }

    private static func openBreaker(_ base: UnsafePointer<UInt8>, _ count: Int) throws -> OpaquePointer {
        var error: Int32 = 0
        guard let breaker = agicu_breaker_open(base, Int64(count), &error) else {
            throw ActorGraphError(.icuFailure, "ICU could not open its break rules (error \(error)); check that libicu is installed.")
        }
        return breaker
    }
}

/// Builds tokens from ICU word segments: classifies, folds and interns them,
/// splits possessives and rejoins dotted abbreviations.
private struct TokenBuilder {
    let buffer: UnsafeBufferPointer<UInt8>
    var tokens = ContiguousArray<Token>()
    /// The text's forms; the tokens' ``Token/form`` ids are theirs.
    let forms: FormInterner
    private var pending: Token.Flags = []
    private var newlinesInGap = 0
    private var scratch = [UInt8](repeating: 0, count: 256)
    /// The tokens the sentence rules look at, in order: those that may end a
    /// sentence (their last byte is `.`, `!`, `?` or beyond ASCII: terminators
    /// of other scripts, bullets) and those after a line break. The rest are
    /// read only as the neighbours of these.
    var sentenceCues: [Int] = []
    /// The form of each ASCII mark, and of each news punctuation mark by its
    /// last byte, once interned (`.max` before).
    private var markForms = [UInt32](repeating: .max, count: 256)
    /// Whether a byte beyond ASCII may have been read: set by news punctuation,
    /// a curly apostrophe inside a word, and (by the caller) any span ICU splits.
    var sawNonASCII = false

    /// Where ``addPlainWord(from:)`` folds a word: ``wordBufferSize`` bytes, the caller's.
    private let wordBuffer: UnsafeMutableRawPointer
    static let wordBufferSize = 64

    init(buffer: UnsafeBufferPointer<UInt8>, wordBuffer: UnsafeMutableRawPointer) {
        self.buffer = buffer
        self.wordBuffer = wordBuffer
        tokens.reserveCapacity(buffer.count / 5)
        // News text has about one new form per 10 bytes in a short article, fewer in a long one.
        forms = FormInterner(expected: min(buffer.count / 10, 1 << 16))
    }

    mutating func addSegment(_ segment: Range<Int>, ruleStatus: Int32) {
        // Format characters (bidi controls, zero-width joiners) at the edges of a
        // segment stay out of the token, like whitespace.
        let range = trimmingFormatCharacters(segment)
        guard !range.isEmpty else { return }
        let lead = buffer[range.lowerBound]
        if ruleStatus < 100, lead < 0x80, !ASCIIWords.isWhitespace(lead) {
            // ASCII punctuation or a symbol, without a look at Unicode properties.
            if range.count == 1, lead == UInt8(ascii: "."), joinFinalPeriod(at: range) { return }
            append(range, kind: ASCIIWords.isPunctuation(lead) ? .punctuation : .symbol)
            return
        }
        if ruleStatus < 100, range.count == 3, ASCIIWords.newsPunctuation(at: range.lowerBound, in: buffer) != nil {
            append(range, kind: .punctuation)
            return
        }
        let first = firstScalar(at: range.lowerBound)
        if ruleStatus < 100 {
            if first.properties.isWhitespace {
                // ICU attaches a combining mark to the space before it ("a \u{301}"):
                // the whitespace is a gap, the mark after it a symbol token.
                var end = range.lowerBound
                while end < range.upperBound {
                    let (scalar, length) = buffer.scalar(at: end, limit: range.upperBound)
                    guard scalar.properties.isWhitespace else { break }
                    end += length
                }
                noteWhitespace(range.lowerBound ..< end)
                let rest = trimmingFormatCharacters(end ..< range.upperBound)
                if !rest.isEmpty { append(rest, kind: .symbol) }
                return
            }
            if range.count == 1, buffer[range.lowerBound] == UInt8(ascii: "."), joinFinalPeriod(at: range) { return }
            append(range, kind: isPunctuation(first) ? .punctuation : .symbol)
            return
        }
        let kind: Token.Kind = ruleStatus < 200 ? .number : .word
        if kind == .word, let split = possessiveSplit(range) {
            append(trimmingFormatCharacters(range.lowerBound ..< split), kind: .word)
            append(split ..< range.upperBound, kind: .word, extra: .possessive)
        } else {
            append(range, kind: kind)
        }
    }

    /// Splits the text from `start` by ``ASCIIWords``' rules: its ASCII
    /// whitespace, and the spans of plain ASCII and
    /// ``ASCIIWords/newsPunctuation(at:in:)`` between. Returns where it stops:
    /// the end of the text, or the start of the first span that holds a byte
    /// only ICU splits, with every token and form of that span undone, for the
    /// caller to hand to ICU.
    mutating func addPlainText(from start: Int) -> Int {
        var spanStart = start
        var mark = (tokens: tokens.count, forms: forms.count, pending: pending, newlines: newlinesInGap)
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if ASCIIWords.isLetter(byte) || ASCIIWords.isDigit(byte) {
                index = addPlainWord(from: index) ?? addWord(from: index)
            } else if ASCIIWords.isPlain(byte) {
                addMark(index ..< index + 1)
                index += 1
            } else if ASCIIWords.isWhitespace(byte) {
                var end = index + 1
                while end < buffer.count && ASCIIWords.isWhitespace(buffer[end]) { end += 1 }
                noteWhitespace(index ..< end)
                index = end
                spanStart = end
                mark = (tokens.count, forms.count, pending, newlinesInGap)
            } else if ASCIIWords.newsPunctuation(at: index, in: buffer) != nil {
                sawNonASCII = true
                addMark(index ..< index + 3)
                index += 3
            } else {
                tokens.removeLast(tokens.count - mark.tokens)
                while let cue = sentenceCues.last, cue >= mark.tokens { sentenceCues.removeLast() }
                forms.removeForms(from: mark.forms)
                for (byte, form) in markForms.enumerated() where form != .max && Int(form) >= mark.forms { markForms[byte] = .max }
                (pending, newlinesInGap) = (mark.pending, mark.newlines)
                return spanStart
            }
        }
        return index
    }

    /// The word or number that starts at `start`, when no joiner goes on
    /// with it (most words: not "U.S", "don't", "1,000" nor "France's"):
    /// read, folded and interned in one pass over eight bytes at a time.
    /// Returns its end, or `nil` when ``addWord(from:)`` must read it: a
    /// joiner or a byte beyond ASCII may follow it, it reaches the last eight
    /// bytes of the text, or it is longer than the word buffer.
    @inline(__always) private mutating func addPlainWord(from start: Int) -> Int? {
        let text = buffer.baseAddress!, end = buffer.count
        var index = start, length = 0
        // For the case flags: whether a lowercase letter was seen, and the uppercase ones counted up to two.
        var lower: UInt64 = 0, uppers = 0
        while true {
            guard index &+ 8 <= end, length &+ 8 <= Self.wordBufferSize else { return nil }
            let chunk = ASCIIWords.foldRun(UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self))
            wordBuffer.storeBytes(of: chunk.folded, toByteOffset: length, as: UInt64.self)
            lower |= chunk.lower
            uppers &+= (chunk.upper != 0 ? 1 : 0) &+ (chunk.upper & (chunk.upper &- 1) != 0 ? 1 : 0)
            length &+= chunk.run
            index &+= chunk.run
            if chunk.run < 8 { break }
        }
        // The chunk loop stopped inside the text, so a byte follows the word.
        switch text[index] {
        case UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: ";"):
            if index &+ 1 < end, ASCIIWords.isLetter(text[index &+ 1]) || ASCIIWords.isDigit(text[index &+ 1]) { return nil }
        case 0xE2:
            return nil
        default:
            break
        }
        let bytes = UnsafeBufferPointer(start: wordBuffer.assumingMemoryBound(to: UInt8.self), count: length)
        var first = UInt64(littleEndian: wordBuffer.load(as: UInt64.self))
        let hash: Int
        if length <= 8 {
            first &= UInt64.max >> (64 &- 8 &* length)
            hash = Vocabulary.hash(prefix: first, count: length)
        } else {
            hash = Vocabulary.hash(bytes)
        }
        let form = forms.intern(bytes, firstWord: first, hash: hash)
        let kind: Token.Kind = ASCIIWords.isDigit(text[index &- 1]) ? .number : .word
        // The case flags of a word (``caseFlags(_:)``), from the masks, without a branch:
        // capitalized if its first letter is uppercase; all caps if, too, no letter is
        // lowercase and two or more are uppercase.
        let capitalized = kind == .word && text[start] &- UInt8(ascii: "A") < 26
        let allCaps = capitalized && lower == 0 && uppers >= 2
        let flags = Token.Flags(rawValue: pending.rawValue | (capitalized ? Token.Flags.capitalized.rawValue : 0)
                                    | (allCaps ? Token.Flags.allCaps.rawValue : 0))
        push(Token(start: UInt32(start), end: UInt32(index), kind: kind, flags: flags, form: form))
        pending = []
        newlinesInGap = 0
        return index
    }

    /// The word or number that starts at `start` (``ASCIIWords/readWord(from:in:into:_:)``); returns its end.
    private mutating func addWord(from start: Int) -> Int {
        var word = ASCIIWords.Word()
        let text = buffer   // read outside the closure, which must not copy `self` (and with it `scratch`)
        while !scratch.withUnsafeMutableBufferPointer({ ASCIIWords.readWord(from: start, in: text, into: $0, &word) }) {
            scratch = [UInt8](repeating: 0, count: scratch.count * 2)   // a word longer than any before
        }
        let end = word.end
        guard word.ascii else {
            // A curly apostrophe inside: the general path folds it as ICU would.
            sawNonASCII = true
            addSegment(start ..< end, ruleStatus: word.number ? 100 : 200)
            return end
        }
        if word.possessive {
            // "France's": the word, then the possessive clitic "'s", the fold's last two bytes.
            appendWord(start ..< end - 2, fold: word.beforeApostrophe, kind: .word, extra: [])
            let clitic = ASCIIWords.Fold(start: word.fold.end - 2, end: word.fold.end)
            appendWord(end - 2 ..< end, fold: clitic, kind: .word, extra: .possessive)
        } else {
            appendWord(start ..< end, fold: word.fold, kind: word.number ? .number : .word, extra: [])
        }
        return end
    }

    private mutating func appendWord(_ range: Range<Int>, fold: ASCIIWords.Fold, kind: Token.Kind, extra: Token.Flags) {
        let form = scratch.withUnsafeBufferPointer { scratch in
            let bytes = UnsafeBufferPointer(rebasing: scratch[fold.start ..< fold.end])
            // A word of one to eight bytes is hashed from one load, masked: the scratch buffer goes on past it.
            // (`Vocabulary.hash` gives an empty form 0, not the hash of an empty prefix.)
            guard (1 ... 8).contains(bytes.count), fold.start + 8 <= scratch.count else { return forms.intern(bytes) }
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self))
            let prefix = word & UInt64.max >> (64 - 8 * bytes.count)
            return forms.intern(bytes, firstWord: prefix, hash: Vocabulary.hash(prefix: prefix, count: bytes.count))
        }
        var flags = pending.union(extra)
        if kind == .word {
            let first = buffer[range.lowerBound]
            if first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") {
                flags.insert(.capitalized)
                if fold.letters >= 2 && fold.allUpper { flags.insert(.allCaps) }
            }
        }
        push(Token(start: UInt32(range.lowerBound), end: UInt32(range.upperBound), kind: kind, flags: flags, form: form))
        pending = []
        newlinesInGap = 0
    }

    /// One ASCII punctuation mark or symbol, or one of ``ASCIIWords/newsPunctuation(at:in:)``,
    /// as ``addSegment(_:ruleStatus:)`` would make it, its form interned once per text.
    private mutating func addMark(_ range: Range<Int>) {
        let key = Int(buffer[range.upperBound - 1])
        if range.count == 1, key == Int(UInt8(ascii: ".")), joinFinalPeriod(at: range) { return }
        let form: FormID
        if markForms[key] != .max {
            form = FormID(rawValue: markForms[key])
        } else {
            form = fold(range)
            markForms[key] = form.rawValue
        }
        let kind: Token.Kind = range.count == 3 || ASCIIWords.isPunctuation(buffer[range.lowerBound]) ? .punctuation : .symbol
        push(Token(start: UInt32(range.lowerBound), end: UInt32(range.upperBound), kind: kind, flags: pending, form: form))
        pending = []
        newlinesInGap = 0
    }

    /// Appends `token`, noting it among the ``sentenceCues`` if it is one.
    @inline(__always) private mutating func push(_ token: Token) {
        let last = buffer[Int(token.end) - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last >= 0x80
            || token.flags.contains(.lineBreakBefore) {
            sentenceCues.append(tokens.count)
        }
        tokens.append(token)
    }

    private func trimmingFormatCharacters(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        // Format characters are never ASCII.
        guard start < end, buffer[start] >= 0x80 || buffer[end - 1] >= 0x80 else { return range }
        while start < end {
            let (scalar, length) = buffer.scalar(at: start, limit: end)
            guard scalar.properties.generalCategory == .format else { break }
            start += length
        }
        while start < end {
            var lead = end - 1
            while lead > start && buffer[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard buffer.scalar(at: lead, limit: end).scalar.properties.generalCategory == .format else { break }
            end = lead
        }
        return start ..< end
    }

    mutating func noteWhitespace(_ range: Range<Int>) {
        pending.insert(.spaceBefore)
        for index in range {
            switch buffer[index] {
            case 0x0A: newlinesInGap += 1
            case 0x0D: if index + 1 >= range.upperBound || buffer[index + 1] != 0x0A { newlinesInGap += 1 }
            case 0x0B, 0x0C: newlinesInGap += 1
            case 0xE2 where index + 2 < range.upperBound && buffer[index + 1] == 0x80
                && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9):
                newlinesInGap += 1
            case 0xC2 where index + 1 < range.upperBound && buffer[index + 1] == 0x85:
                newlinesInGap += 1
            default: break
            }
        }
        if newlinesInGap > 0 { pending.insert(.lineBreakBefore) }
        if newlinesInGap > 1 { pending.insert(.blankLineBefore) }
    }

    private mutating func append(_ range: Range<Int>, kind: Token.Kind, extra: Token.Flags = []) {
        var flags = pending.union(extra)
        if kind == .word { flags.formUnion(caseFlags(range)) }
        let form = fold(range)
        push(Token(start: UInt32(range.lowerBound), end: UInt32(range.upperBound), kind: kind, flags: flags, form: form))
        pending = []
        newlinesInGap = 0
    }

    /// Rejoins "U.S" and the "." ICU leaves after it, when the period follows at once.
    private mutating func joinFinalPeriod(at range: Range<Int>) -> Bool {
        guard pending.isEmpty, let last = tokens.last, last.kind == .word, Int(last.end) == range.lowerBound,
              isDottedAbbreviation(last.utf8Range) else { return false }
        tokens.removeLast()
        if sentenceCues.last == tokens.count { sentenceCues.removeLast() }
        let joined = Int(last.start) ..< range.upperBound
        push(Token(start: last.start, end: UInt32(range.upperBound), kind: .word, flags: last.flags, form: fold(joined)))
        return true
    }

    /// Letters separated by single periods: "U.S", "e.g".
    private func isDottedAbbreviation(_ range: Range<Int>) -> Bool {
        var sawPeriod = false
        var previousWasPeriod = true
        for index in range {
            let byte = buffer[index]
            if byte == UInt8(ascii: ".") {
                if previousWasPeriod { return false }
                sawPeriod = true
                previousWasPeriod = true
            } else if byte >= 0x80 || isASCIILetter(byte) {
                previousWasPeriod = false
            } else {
                return false
            }
        }
        return sawPeriod && !previousWasPeriod
    }

    /// The offset where a possessive `'s` / `’s` starts, if the word ends in one.
    private func possessiveSplit(_ range: Range<Int>) -> Int? {
        let end = range.upperBound
        guard range.count >= 3, buffer[end - 1] | 0x20 == UInt8(ascii: "s") else { return nil }
        if buffer[end - 2] == UInt8(ascii: "'"), end - 2 > range.lowerBound { return end - 2 }
        if range.count >= 5, buffer[end - 4] == 0xE2, buffer[end - 3] == 0x80, buffer[end - 2] == 0x99,
           end - 4 > range.lowerBound { return end - 4 }
        return nil
    }

    private mutating func fold(_ range: Range<Int>) -> FormID {
        var ascii = true
        for index in range where buffer[index] >= 0x80 { ascii = false; break }
        if ascii {
            if scratch.count < range.count { scratch = [UInt8](repeating: 0, count: range.count * 2) }
            let forms = forms   // read outside the closure, which has `self.scratch`
            return scratch.withUnsafeMutableBufferPointer { out in
                var length = 0
                for index in range {
                    var byte = buffer[index]
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                    if byte == UInt8(ascii: "`") { byte = UInt8(ascii: "'") }
                    out[length] = byte
                    length += 1
                }
                return forms.intern(UnsafeBufferPointer(rebasing: out[0 ..< length]))
            }
        }
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        while true {
            var error: Int32 = 0
            let capacity = scratch.count
            let length = scratch.withUnsafeMutableBufferPointer { out in
                agicu_fold(slice.baseAddress, Int64(slice.count), out.baseAddress, Int64(capacity), &error)
            }
            if length < 0 {
                // ICU refused (it does not for valid UTF-8); fall back to the bytes as written.
                return forms.intern(slice)
            }
            if Int(length) <= capacity {
                return scratch.withUnsafeBufferPointer { forms.intern(UnsafeBufferPointer(rebasing: $0[0 ..< Int(length)])) }
            }
            scratch = [UInt8](repeating: 0, count: Int(length) * 2)
        }
    }

    private func caseFlags(_ range: Range<Int>) -> Token.Flags {
        var flags: Token.Flags = []
        var letters = 0
        var allUpper = true
        var index = range.lowerBound
        var first = true
        while index < range.upperBound {
            let byte = buffer[index]
            if byte < 0x80 {
                // ASCII without a table lookup.
                let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                let lower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                if first && upper { flags.insert(.capitalized) }
                first = false
                if upper || lower { letters += 1 }
                if lower { allUpper = false }
                index += 1
                continue
            }
            let (scalar, length) = buffer.scalar(at: index, limit: range.upperBound)
            let properties = scalar.properties
            if first, properties.isUppercase || properties.generalCategory == .titlecaseLetter {
                flags.insert(.capitalized)
            }
            first = false
            if properties.isAlphabetic {
                letters += 1
                if properties.isLowercase { allUpper = false }
            }
            index += length
        }
        if letters >= 2 && allUpper && flags.contains(.capitalized) { flags.insert(.allCaps) }
        return flags
    }

    private func firstScalar(at offset: Int) -> Unicode.Scalar {
        buffer.scalar(at: offset, limit: buffer.count).scalar
    }

    private func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}

/// ICU's word rules (UAX #29 as ICU 72 tailors it) for spans of plain ASCII,
/// so that most of a text is split without ICU. `TokenizerDifferentialTests`
/// checks the result equals ICU's, token by token.
///
/// - A run of letters (`@` is one for ICU) and digits goes on across `.` or `'` between two letters
///   ("U.S", "don't"), and across `.`, `'`, `,` or `;` between two digits
///   ("1,000", "3.5"); `:` joins nothing (ICU leaves it out of MidLetter).
/// - Its rule status is ICU's: 100 (number) when it ends in a digit ("G7",
///   "a1.5"), else 200 (letter).
/// - Every other character is a segment of its own, status 0.
///
/// The curly quotes, dashes and ellipsis of ``newsPunctuation(at:in:)`` are
/// split here too. `_` (which joins words and numbers in ways this does not
/// follow), control characters and any other non-ASCII character are not
/// plain: a span with one goes to ICU.
enum ASCIIWords {
    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always) static func isPlain(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "_")
    }

    /// A letter for ICU's word rules, which count `@` as one ("@NBCNews", "Jones'@").
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte == UInt8(ascii: "@")
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// General category P* (not S*): what `Token.Kind.punctuation` holds.
    static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!") ... UInt8(ascii: "#"), UInt8(ascii: "%") ... UInt8(ascii: "*"), UInt8(ascii: ",") ... UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "[") ... UInt8(ascii: "]"),
             UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    /// The punctuation of news text that ICU's word rules treat like ASCII
    /// punctuation, as the third byte of its UTF-8 form `E2 80 xx`: the curly
    /// quotes ‘ ’ “ ”, the dashes – —, and the ellipsis …. ‘ and ’ join letters
    /// and digits as `'` does (MidNumLet); the others stand alone.
    static func newsPunctuation(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard buffer[offset] == 0xE2, offset + 2 < buffer.count, buffer[offset + 1] == 0x80 else { return nil }
        switch buffer[offset + 2] {
        case 0x98, 0x99, 0x9C, 0x9D, 0x93, 0x94, 0xA6: return buffer[offset + 2]
        default: return nil
        }
    }

    /// A word's folded bytes (`start ..< end` of the caller's scratch buffer) and its letters.
    struct Fold {
        var start = 0
        var end = 0
        /// ASCII letters (not `@`), counting at most two in eight bytes: enough
        /// to tell ``Token/Flags/allCaps``; and whether none is lowercase.
        var letters = 0
        var allUpper = true
    }

    /// A word or number read by ``readWord(from:in:into:_:)``.
    struct Word {
        /// Just past its last byte.
        var end = 0
        /// Whether it ends in a digit (ICU's rule status 100) rather than a letter (200).
        var number = false
        /// Whether it is all ASCII; if not (a curly apostrophe joins it), `fold` is not made.
        var ascii = true
        var fold = Fold()
        /// Whether it ends in the clitic `'s` ("France's"), and the fold of the word before it.
        var possessive = false
        var beforeApostrophe = Fold()
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The ASCII uppercase letters, lowercase letters, and digits or `@` among
    /// the eight bytes of `chunk`, each as a mask of their bytes' high bits.
    @inline(__always) private static func classes(of chunk: UInt64) -> (upper: UInt64, lower: UInt64, other: UInt64) {
        let ascii = ~chunk & highBits
        let low = chunk & ~highBits
        // The high bit of each byte of `low` that is at least `byte`; a byte of the sum stays under 0x100, so no carry crosses into the next.
        @inline(__always) func atLeast(_ byte: UInt64) -> UInt64 { (low &+ (0x80 &- byte) &* 0x0101_0101_0101_0101) & highBits }
        let upper = atLeast(0x41) & ~atLeast(0x5B) & ascii
        let lower = atLeast(0x61) & ~atLeast(0x7B) & ascii
        let other = atLeast(0x30) & ~atLeast(0x3A) & ascii | atLeast(0x40) & ~atLeast(0x41) & ascii
        return (upper, lower, other)
    }

    /// The eight bytes of `chunk` folded to lowercase; how many of them,
    /// from the first, are letters, digits or `@` (the run of a word); and
    /// the run's uppercase and lowercase letters, as masks of their high bits.
    @inline(__always) static func foldRun(_ chunk: UInt64) -> (folded: UInt64, run: Int, upper: UInt64, lower: UInt64) {
        let (upper, lower, other) = classes(of: chunk)
        let stops = ~(upper | lower | other) & highBits
        // The bits below the first stop: all of them when there is none.
        let run = (stops & (0 &- stops)) &- 1
        return (chunk | upper >> 2, stops.trailingZeroBitCount >> 3, upper & run, lower & run)
    }

    /// Reads the word or number that starts at `start` (a letter or a digit)
    /// into `word`, folding it to lowercase into `out` as it goes: one pass
    /// over its bytes. `false` when `out` is too short for it.
    ///
    /// It ends where ICU's rules end it: at a byte that is neither a letter
    /// nor a digit, unless that is a joiner between two letters or two digits
    /// (see the type's description). It may look past the span's end, where
    /// ASCII whitespace or any byte that is not a letter or digit ends it.
    static func readWord(from start: Int, in buffer: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                         _ word: inout Word) -> Bool {
        // The loop keeps its state in locals, which stay in registers.
        var index = start
        let end = buffer.count
        var length = 0, letters = 0, allUpper = true, ascii = true
        var beforeApostrophe = Fold()
        while true {
#if _endian(little)
            // Eight bytes at a time while they fit in the text and in `out`:
            // the first that is not a letter, digit or `@` ends the run.
            while index &+ 8 <= end && length &+ 8 <= out.count {
                let chunk = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let (upper, lower, other) = classes(of: chunk)
                let run = (~(upper | lower | other) & Self.highBits).trailingZeroBitCount >> 3
                // An uppercase letter's high-bit flag, shifted down, is its lowercase bit (0x20).
                UnsafeMutableRawPointer(out.baseAddress! + length).storeBytes(of: chunk | upper >> 2, as: UInt64.self)
                let kept: UInt64 = run == 8 ? ~0 : (1 << (run &* 8)) &- 1
                // One or two for the run's letters: no population count, which baseline x86-64 lacks.
                let runLetters = (upper | lower) & kept
                letters &+= runLetters == 0 ? 0 : runLetters & (runLetters &- 1) == 0 ? 1 : 2
                if lower & kept != 0 { allUpper = false }
                length &+= run
                index &+= run
                if run < 8 { break }
            }
#endif
            while index < end {
                var byte = buffer[index]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    letters &+= 1
                    byte |= 0x20
                } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                    letters &+= 1
                    allUpper = false
                } else if !isDigit(byte) && byte != UInt8(ascii: "@") {
                    break
                }
                guard length < out.count else { return false }
                out[length] = byte
                length &+= 1
                index &+= 1
            }
            guard index + 1 < end else { break }
            let middle = buffer[index], before = buffer[index - 1]
            // ' or . between two letters; ' . , ; between two digits; ‘ or ’ (three bytes) as '.
            let curly = middle == 0xE2 && index + 3 < end && newsPunctuation(at: index, in: buffer).map { $0 == 0x98 || $0 == 0x99 } == true
            let width = curly ? 3 : 1
            guard index + width < end else { break }
            let after = buffer[index + width]
            let joinsLetters = curly || middle == UInt8(ascii: ".") || middle == UInt8(ascii: "'")
            let joinsDigits = joinsLetters || middle == UInt8(ascii: ",") || middle == UInt8(ascii: ";")
            guard (isLetter(before) && isLetter(after) && joinsLetters) || (isDigit(before) && isDigit(after) && joinsDigits) else { break }
            if curly {
                ascii = false
            } else {
                guard length < out.count else { return false }
                if middle == UInt8(ascii: "'") {
                    beforeApostrophe = Fold(start: 0, end: length, letters: letters, allUpper: allUpper)
                }
                out[length] = middle
                length += 1
            }
            index += width
        }
        word.fold = Fold(start: 0, end: length, letters: letters, allUpper: allUpper)
        word.beforeApostrophe = beforeApostrophe
        word.ascii = ascii
        word.end = index
        word.number = isDigit(buffer[index - 1])
        // The last joining apostrophe, two bytes from the end, starts the clitic.
        word.possessive = word.ascii && !word.number && index - start >= 3 && buffer[index - 1] | 0x20 == UInt8(ascii: "s")
            && buffer[index - 2] == UInt8(ascii: "'") && index - 2 > start
        return true
    }
}
