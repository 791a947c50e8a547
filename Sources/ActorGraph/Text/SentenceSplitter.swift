/// Splits tokens into sentences: the Unicode sentence rules (``SentenceBreaks``),
/// with the fixes news text needs: line breaks and bullets start sentences;
/// abbreviations, initials and hard-wrapped lines do not end them.
struct SentenceSplitter {
    let tokens: ContiguousArray<Token>
    /// The tokenizer's sentence cues: in order, every token that may end a
    /// sentence or follows a line break (bullets among them). No other
    /// token can start or end one.
    let cues: [Int]
    let vocabulary: Vocabulary
    let buffer: UnsafeBufferPointer<UInt8>

    /// Abbreviations a period may follow inside a sentence, by what decides it.
    private enum Abbreviation {
        /// A title before a name: a period after it never ends a sentence.
        case title
        /// A month: a period after it ends no sentence when a number follows.
        case month
        /// It ends a sentence only when a capitalized word follows.
        case other
    }

    private static let titles = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
        "adm", "cmdr", "st", "rev", "hon", "pres", "atty", "supt", "insp", "fr", "no", "vs", "nos",
    ]
    private static let months = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    private static let others = ["inc", "corp", "co", "ltd", "jr", "sr", "etc", "approx", "est"]
    /// All three lists in one table, in that order: one lookup tells which list a word is on.
    private static let abbreviations = Vocabulary(words: titles + months + others)

    /// Punctuation that can end a line that ends a sentence.
    private static let closers = Vocabulary(words: [".", "!", "?", ":", ";", "\"", "'", ")", "…", "”", "’"])

    /// The sentences: ends proposed by the Unicode sentence rules on tokens
    /// (``SentenceBreaks``), then the fixes below.
    func sentences() -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        // Proposed starts and cues, both in order, merged; only they can start a sentence.
        let proposed = SentenceBreaks(tokens: tokens, cues: cues, buffer: buffer).proposedStarts()
        var sentences: [Sentence] = []
        var start = 0
        var nextProposed = 0, nextCue = 0
        while nextProposed < proposed.count || nextCue < cues.count {
            let index = min(nextProposed < proposed.count ? proposed[nextProposed] : .max, nextCue < cues.count ? cues[nextCue] : .max)
            var starts = false
            if nextProposed < proposed.count && proposed[nextProposed] == index {
                starts = true
                nextProposed += 1
            }
            if nextCue < cues.count && cues[nextCue] == index {
                let token = tokens[index]
                if token.flags.contains(.lineBreakBefore) || isBullet(token) { starts = true }
                nextCue += 1
            }
            guard index > 0, starts, !continues(at: index) else { continue }
            sentences.append(Sentence(tokens: start ..< index))
            start = index
        }
        sentences.append(Sentence(tokens: start ..< tokens.count))
        return sentences
    }

    /// Whether the sentence really goes on at token `index`, though a boundary was proposed there.
    private func continues(at index: Int) -> Bool {
        let token = tokens[index]
        if isBullet(token) || token.flags.contains(.blankLineBefore) { return false }
        let previous = tokens[index - 1]
        if token.flags.contains(.lineBreakBefore) {
            // A hard-wrapped line: the previous line has no closing punctuation
            // and this one starts in lowercase.
            return !endsClause(previous) && startsLowercase(token)
        }
        if previous.kind == .word, token.kind == .word, form(of: previous, in: Self.nameAbbreviations) {
            // "the U.N. Security Council", "U.S. President Joe Biden": the name of an office or
            // body goes on after the abbreviation; "to the U.S. Israel condemned it" does not.
            return form(of: token, in: Self.officeWords)
        }
        guard previous.kind == .punctuation, isPeriod(previous), index >= 2 else { return false }
        let word = tokens[index - 2]
        guard word.kind == .word, word.end == previous.start else { return false }
        switch abbreviation(word) {
        case .title: return true
        case .month: return token.kind == .number
        case .other: return !token.flags.contains(.capitalized)
        case nil:
            // An initial inside a name: "Michelle T. Friedland", "Robert F. Kennedy" (not "World War I. It").
            return word.end - word.start == 1 && word.flags.contains(.capitalized) && token.flags.contains(.capitalized)
                && !form(of: word, in: Self.pronounI) && index >= 3 && tokens[index - 3].kind == .word
                && tokens[index - 3].flags.contains(.capitalized)
        }
    }

    /// The list of abbreviations the token's folded form is on, if any.
    private func abbreviation(_ token: Token) -> Abbreviation? {
        guard let id = vocabulary.withForm(token.form, { bytes, hash in Self.abbreviations.lookup(bytes, hash: hash) }) else { return nil }
        let index = Int(id.rawValue)
        return index < Self.titles.count ? .title : index < Self.titles.count + Self.months.count ? .month : .other
    }

    /// Dotted abbreviations that begin the names of offices and bodies.
    private static let nameAbbreviations = Vocabulary(words: ["u.s.", "u.n.", "u.k.", "e.u."])
    /// Words that go on such a name: "U.N. Security Council", "U.S. Navy".
    private static let officeWords = Vocabulary(words: [
        "security", "general", "human", "special", "senate", "house", "congress", "navy", "army", "air", "marine", "marines",
        "military", "forces", "department", "state", "treasury", "justice", "defense", "defence", "embassy", "ambassador",
        "envoy", "secretary", "president", "vice", "attorney", "supreme", "court", "federal", "central", "trade",
        "commission", "council", "parliament", "agency", "refugee", "peacekeeping", "mission", "officials", "intelligence",
        "commerce", "capitol", "coast", "border", "customs", "immigration", "home", "foreign", "prime", "chancellor",
    ])

    private static let pronounI = Vocabulary(words: ["i"])

    /// Whether the token's folded form is one of `words`: one probe with the
    /// hash the text's vocabulary keeps, no `String`.
    private func form(of token: Token, in words: Vocabulary) -> Bool {
        vocabulary.withForm(token.form) { bytes, hash in words.lookup(bytes, hash: hash) != nil }
    }

    /// Whether the token's folded form is "." (a full stop, or one that folds to it).
    private func isPeriod(_ token: Token) -> Bool {
        vocabulary.withForm(token.form) { bytes, _ in bytes.count == 1 && bytes[0] == UInt8(ascii: ".") }
    }

    private func endsClause(_ token: Token) -> Bool {
        token.kind == .punctuation && form(of: token, in: Self.closers)
    }

    private func startsLowercase(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return !token.flags.contains(.capitalized) && buffer[Int(token.start)] >= UInt8(ascii: "a")
            && buffer[Int(token.start)] <= UInt8(ascii: "z")
    }

    /// A bullet sign standing alone: "•", "▪", "●" and the like.
    private func isBullet(_ token: Token) -> Bool {
        guard token.kind != .word, token.end - token.start == 3 else { return false }
        let (scalar, length) = buffer.scalar(at: Int(token.start), limit: Int(token.end))
        guard length == 3 else { return false }
        switch scalar.value {
        case 0x2022, 0x25AA, 0x2023, 0x25E6, 0x25CF, 0x25A0, 0x25BA, 0x25B8: return true   // • ▪ ‣ ◦ ● ■ ► ▸
        default: return false
        }
    }
}
