/// A text split into tokens and sentences, with every token's folded form interned.
///
/// Produced by ``Tokenizer/tokenize(_:)``. Tokens hold UTF-8 offsets into
/// ``text``; ``scalarOffset(ofUTF8:)`` converts to the Unicode scalar offsets
/// that JSON output uses.
public struct TokenizedText: Sendable {
    /// The text exactly as it was read.
    public let text: String
    /// The tokens in text order. Whitespace between them is not tokenized.
    public let tokens: ContiguousArray<Token>
    /// The sentences in text order; together they cover every token.
    public let sentences: [Sentence]
    /// The folded forms, as bytes; ``folded(_:)`` makes a string when asked
    /// (most are small strings, stored inline), which matching never needs.
    let vocabulary: Vocabulary
    /// Whether the text is all ASCII: then so is every form (``isASCII(form:)``).
    let isASCII: Bool
    private let scalarIndex: ScalarIndex

    /// `ascii`: whether the text is all ASCII, whose UTF-8 offsets are its scalar offsets.
    init(text: String, tokens: ContiguousArray<Token>, sentences: [Sentence], vocabulary: Vocabulary, ascii: Bool) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.vocabulary = vocabulary
        self.isASCII = ascii
        self.scalarIndex = ScalarIndex(text, ascii: ascii)
    }

    /// Whether the form with bytes `bytes`, one of this text's, is all ASCII;
    /// read without a look at its bytes when the whole text is.
    func isASCII(form bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isASCII || bytes.allSatisfy { $0 < 0x80 }
    }

    /// The text of a token, as written.
    public func string(of token: Token) -> Substring {
        text[range(ofUTF8: token.utf8Range)]
    }

    /// The folded form of a token: case-folded, without diacritics, NFKC,
    /// apostrophes straightened.
    public func folded(_ token: Token) -> String {
        folded(form: token.form)
    }

    /// The folded form with id `form`, one of this text's.
    func folded(form: FormID) -> String {
        vocabulary.string(of: form)
    }

    /// The text of tokens `range`, from the first token's start to the last one's end.
    public func string(ofTokens tokenRange: Range<Int>) -> Substring {
        text[range(ofUTF8: utf8Range(ofTokens: tokenRange))]
    }

    /// The UTF-8 byte range covered by tokens `range`.
    public func utf8Range(ofTokens range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0 ..< 0 }
        return Int(tokens[range.lowerBound].start) ..< Int(tokens[range.upperBound - 1].end)
    }

    /// The string range of a UTF-8 byte range of the text.
    /// - Precondition: `range` lies within the text's UTF-8 view, as token ranges do.
    public func range(ofUTF8 range: Range<Int>) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return lower ..< upper
    }

    /// The Unicode scalar offset of a UTF-8 byte offset that starts a scalar.
    ///
    /// - Precondition: `offset` is at most the text's UTF-8 length, as token offsets are.
    /// - Complexity: O(1): a table lookup and a scan of at most 63 bytes.
    public func scalarOffset(ofUTF8 offset: Int) -> Int {
        scalarIndex.scalarOffset(ofUTF8: offset, in: text)
    }

    /// The index of the sentence that holds token `index`.
    public func sentence(containing index: Int) -> Int {
        var low = 0, high = sentences.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sentences[middle].tokens.lowerBound <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// Converts UTF-8 offsets to Unicode scalar offsets through a count kept every
/// 64 bytes; an ASCII text needs none.
private struct ScalarIndex: Sendable {
    private var scalarsBeforeBlock: [Int] = []
    private let ascii: Bool

    init(_ text: String, ascii: Bool) {
        self.ascii = ascii
        guard !ascii else { return }
        var text = text
        text.withUTF8 { bytes in
            scalarsBeforeBlock.reserveCapacity(bytes.count / 64 + 2)
            var count = 0
            var offset = 0
            while offset < bytes.count {
                scalarsBeforeBlock.append(count)
                let end = min(offset + 64, bytes.count)
                // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
                while offset + 8 <= end {
                    let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                    count += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    offset += 8
                }
                while offset < end {
                    if bytes[offset] & 0xC0 != 0x80 { count += 1 }
                    offset += 1
                }
            }
            scalarsBeforeBlock.append(count)
        }
    }

    func scalarOffset(ofUTF8 offset: Int, in text: String) -> Int {
        if ascii { return offset }
        let block = offset >> 6
        let count = scalarsBeforeBlock[min(block, scalarsBeforeBlock.count - 1)]
        // The tokenizer made the text contiguous UTF-8: its bytes are read in place.
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Int in
            var count = count
            for index in block << 6 ..< offset where bytes[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        if let counted = text.utf8.withContiguousStorageIfAvailable(scan) { return counted }
        var copy = text
        return copy.withUTF8(scan)
    }
}
