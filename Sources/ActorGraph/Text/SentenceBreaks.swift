/// Where sentences may end, by the Unicode sentence rules (UAX #29) applied
/// to tokens: after a run of terminators (`.` `!` `?` and their kin in other
/// scripts) and the closing quotes and brackets right after it. Line breaks,
/// bullets and abbreviations are ``SentenceSplitter``'s to handle.
///
/// No break is proposed, as the rules say, before
/// - a digit right after a period, with no space between (SB6),
/// - a capital right after a letter and a period, with no space (SB7),
/// - text whose next letter is lowercase, after a period ("etc. and", "e.g. this": SB8),
/// - a comma, semicolon, colon, dash or another terminator (SB8a).
struct SentenceBreaks {
    let tokens: ContiguousArray<Token>
    /// The tokens that may be terminators, in order (any other token is not
    /// one): the tokenizer's sentence cues.
    let cues: [Int]
    let buffer: UnsafeBufferPointer<UInt8>

    /// Terminators (UAX #29 STerm and ATerm). A switch, not a `Set`: it is asked of every token.
    private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F:
            return true
        case 0x0589, 0x061D ... 0x061F, 0x06D4, 0x0700 ... 0x0702, 0x07F9, 0x0837, 0x0839, 0x083D, 0x083E, 0x0964, 0x0965,
             0x104A, 0x104B, 0x1362, 0x1367, 0x1368, 0x166E, 0x1735, 0x1736, 0x1803, 0x1809, 0x1944, 0x1945,
             0x1AA8 ... 0x1AAB, 0x1B5A, 0x1B5B, 0x1B5E, 0x1B5F, 0x1C3B, 0x1C3C, 0x1C7E, 0x1C7F,
             0x2024, 0x203C, 0x203D, 0x2047 ... 0x2049, 0x2E2E, 0x2E3C, 0x3002, 0xA4FF, 0xA60E, 0xA60F, 0xA6F3, 0xA6F7,
             0xA876, 0xA877, 0xA8CE, 0xA8CF, 0xA92F, 0xA9C8, 0xA9C9, 0xAA5D ... 0xAA5F, 0xAAF0, 0xAAF1, 0xABEB,
             0xFE52, 0xFE56, 0xFE57, 0xFF01, 0xFF0E, 0xFF1F, 0xFF61:
            return true
        default:
            return false
        }
    }

    /// The terminators that are periods (ATerm), after which a lowercase word goes on.
    private static func isPeriod(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x2024, 0xFE52, 0xFF0E: return true
        default: return false
        }
    }

    /// Punctuation that continues a sentence after a terminator (UAX #29
    /// SContinue, plus the semicolons: "Washington, D.C.; Pittsburgh").
    private static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x2D, 0x3A, 0x3B, 0x055D, 0x060C, 0x060D, 0x061B, 0x07F8, 0x1802, 0x1808, 0x2013, 0x2014, 0x3001,
             0xFE10, 0xFE11, 0xFE13, 0xFE31, 0xFE32, 0xFE50, 0xFE51, 0xFE55, 0xFE58, 0xFE63, 0xFF0C, 0xFF0D, 0xFF1A, 0xFF1B, 0xFF64:
            return true
        default:
            return false
        }
    }

    /// The tokens that start a sentence by these rules, in order (never the first).
    func proposedStarts() -> [Int] {
        var starts: [Int] = []
        var index = 0
        for cue in cues where cue >= index {
            index = cue
            guard let last = terminator(tokens[index]) else { continue }
            // A run of terminators, spaced or not ("?!", ". . ."), then closing marks right after it.
            var lastTerminator = last
            var end = index + 1
            while end < tokens.count, tokens[end].kind != .word, !tokens[end].flags.contains(.lineBreakBefore), let next = terminator(tokens[end]) {
                lastTerminator = next
                end += 1
            }
            let afterTerminators = end
            while end < tokens.count, !tokens[end].flags.contains(.spaceBefore), isClose(tokens[end]) { end += 1 }
            defer { index = end }
            guard end < tokens.count else { break }
            let next = tokens[end]
            if next.flags.contains(.lineBreakBefore) {
                starts.append(end)
                continue
            }
            let nextScalar = firstScalar(of: next)
            let isPeriod = Self.isPeriod(lastTerminator)
            let attached = end == afterTerminators && !next.flags.contains(.spaceBefore)
            if isPeriod && attached {
                if nextScalar.properties.numericType != nil { continue }                                    // SB6
                if nextScalar.properties.isUppercase && letterBeforePeriod(tokens[afterTerminators - 1]) { continue }   // SB7
            }
            if Self.isContinuation(nextScalar) || Self.isTerminator(nextScalar) { continue }  // SB8a
            if isPeriod && nextLetterIsLowercase(from: end) { continue }                                      // SB8
            starts.append(end)
        }
        return starts
    }

    /// The last terminator of a token made of terminators, or of a word that
    /// ends in a period ("U.S.", "p.m."); `nil` for any other token.
    private func terminator(_ token: Token) -> Unicode.Scalar? {
        // Most tokens end in an ASCII byte that is no terminator: no decoding for them.
        let lastByte = buffer[Int(token.end) - 1]
        if lastByte < 0x80 && lastByte != UInt8(ascii: ".") && lastByte != UInt8(ascii: "!") && lastByte != UInt8(ascii: "?") {
            return nil
        }
        let last = lastScalar(of: token)
        guard Self.isTerminator(last) else { return nil }
        if token.kind == .word { return Self.isPeriod(last) ? last : nil }
        for scalar in scalars(of: token) where !Self.isTerminator(scalar) { return nil }
        return last
    }

    /// Opening or closing brackets and quotation marks (UAX #29 Close).
    private func isClose(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        for scalar in scalars(of: token) {
            switch scalar.properties.generalCategory {
            case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation: continue
            default: if scalar == "\"" || scalar == "'" { continue }
            }
            return false
        }
        return true
    }

    /// Whether a letter stands right before the period that ends `token`'s run ("U.S.", "x." but not "5.").
    private func letterBeforePeriod(_ token: Token) -> Bool {
        if token.kind == .word {
            let last = lead(before: Int(token.end), from: Int(token.start))
            guard last > Int(token.start) else { return false }
            return decode(at: lead(before: last, from: Int(token.start))).properties.isAlphabetic
        }
        guard Int(token.start) > 0 else { return false }
        return decode(at: lead(before: Int(token.start), from: 0)).properties.isAlphabetic
    }

    /// The offset of the scalar that ends right before `offset`, no earlier than `floor`.
    private func lead(before offset: Int, from floor: Int) -> Int {
        var lead = offset - 1
        while lead > floor && buffer[lead] & 0xC0 == 0x80 { lead -= 1 }
        return lead
    }

    /// SB8: from token `index` on, skipping what is neither a letter nor a
    /// terminator, the first letter is lowercase (a line break stops the look).
    private func nextLetterIsLowercase(from index: Int) -> Bool {
        for position in index ..< tokens.count {
            if position > index && tokens[position].flags.contains(.lineBreakBefore) { return false }
            for scalar in scalars(of: tokens[position]) {
                if scalar.isASCII {
                    // Without a look at Unicode properties: ASCII letters are cased.
                    if scalar >= "a" && scalar <= "z" { return true }
                    if (scalar >= "A" && scalar <= "Z") || Self.isTerminator(scalar) { return false }
                    continue
                }
                if Self.isTerminator(scalar) { return false }
                let properties = scalar.properties
                if properties.isLowercase { return true }
                if properties.isAlphabetic { return false }
            }
        }
        return false
    }

    /// The scalars of `token`, decoded in place.
    private func scalars(of token: Token) -> Scalars {
        Scalars(buffer: buffer, offset: Int(token.start), end: Int(token.end))
    }

    private func firstScalar(of token: Token) -> Unicode.Scalar { decode(at: Int(token.start)) }

    private func lastScalar(of token: Token) -> Unicode.Scalar {
        decode(at: lead(before: Int(token.end), from: Int(token.start)))
    }

    private func decode(at offset: Int) -> Unicode.Scalar {
        buffer.scalar(at: offset, limit: buffer.count).scalar
    }

    /// The scalars of a token's bytes, without a `String` or an array.
    fileprivate struct Scalars: Sequence, IteratorProtocol {
        let buffer: UnsafeBufferPointer<UInt8>
        var offset: Int
        let end: Int

        mutating func next() -> Unicode.Scalar? {
            guard offset < end else { return nil }
            let (scalar, length) = buffer.scalar(at: offset, limit: end)
            offset += length
            return scalar
        }
    }
}
