/// The text a graph was extracted from, with its tokens and sentences as
/// Unicode scalar ranges: the offsets that ``ArticleGraph`` uses.
///
/// Exports that show the text beside the graph (HTML, brat, BIO tags,
/// PLOVER event text) read it through this type. Its sentences are the
/// ones the extractor numbered, so a graph's `sentence` fields index
/// ``sentences`` directly.
public struct SourceText: Sendable {
    /// The text exactly as it was read.
    public let text: String
    /// Every token's scalar range, in text order.
    public let tokens: [Range<Int>]
    /// Every sentence's scalar range, from its first token's start to its last token's end.
    public let sentences: [Range<Int>]
    /// Each scalar's UTF-8 offset, then the text's UTF-8 length, for slicing by
    /// scalar offset in O(1); empty for ASCII text, whose offsets are the same.
    private let utf8Offsets: [UInt32]

    /// Tokenizes `text` the way ``Extractor/extract(_:date:id:)`` does.
    /// - Throws: ``ActorGraphError`` with code `textTooLarge` for 2 GiB of text or more.
    public init(_ text: String, tokenizer: Tokenizer = Tokenizer()) throws {
        self.init(try tokenizer.tokenize(text))
    }

    /// The text as the extractor tokenized it.
    package init(_ tokenized: TokenizedText) {
        self.text = tokenized.text          // contiguous UTF-8, so offsetting its indices costs nothing
        utf8Offsets = tokenized.isASCII ? [] : Self.scalarStarts(of: tokenized.text)
        tokens = tokenized.tokens.map {
            tokenized.scalarOffset(ofUTF8: Int($0.start)) ..< tokenized.scalarOffset(ofUTF8: Int($0.end))
        }
        sentences = tokenized.sentences.map { sentence in
            let utf8 = tokenized.utf8Range(ofTokens: sentence.tokens)
            return tokenized.scalarOffset(ofUTF8: utf8.lowerBound) ..< tokenized.scalarOffset(ofUTF8: utf8.upperBound)
        }
    }

    /// The length of the text in Unicode scalars, as `document.length` counts it.
    public var length: Int { utf8Offsets.isEmpty ? text.utf8.count : utf8Offsets.count - 1 }

    /// The text of scalar range `range`, clamped to the text.
    public func slice(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), length)
        let upper = min(max(range.upperBound, lower), length)
        let utf8 = text.utf8
        func index(_ scalar: Int) -> String.Index {
            utf8.index(utf8.startIndex, offsetBy: utf8Offsets.isEmpty ? scalar : Int(utf8Offsets[scalar]))
        }
        return String(decoding: utf8[index(lower) ..< index(upper)], as: UTF8.self)
    }

    /// The text of sentence `index`, or an empty string for an index the text does not have.
    public func sentence(_ index: Int) -> String {
        sentences.indices.contains(index) ? slice(sentences[index]) : ""
    }

    /// The UTF-8 offset of every scalar of `text`, then its UTF-8 length.
    private static func scalarStarts(of text: String) -> [UInt32] {
        var starts: [UInt32] = []
        starts.reserveCapacity(text.utf8.count + 1)
        for (offset, byte) in text.utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(UInt32(offset)) }
        starts.append(UInt32(text.utf8.count))
        return starts
    }
}
