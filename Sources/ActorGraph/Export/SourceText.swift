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
    /// The text's scalars, for slicing by scalar offset in O(1).
    private let scalars: [Unicode.Scalar]

    /// Tokenizes `text` the way ``Extractor/extract(_:date:id:)`` does.
    /// - Throws: ``ActorGraphError`` with code `textTooLarge` for 2 GiB of text or more.
    public init(_ text: String, tokenizer: Tokenizer = Tokenizer()) throws {
        let tokenized = try tokenizer.tokenize(text)
        self.text = text
        scalars = Array(text.unicodeScalars)
        tokens = tokenized.tokens.map {
            tokenized.scalarOffset(ofUTF8: Int($0.start)) ..< tokenized.scalarOffset(ofUTF8: Int($0.end))
        }
        sentences = tokenized.sentences.map { sentence in
            let utf8 = tokenized.utf8Range(ofTokens: sentence.tokens)
            return tokenized.scalarOffset(ofUTF8: utf8.lowerBound) ..< tokenized.scalarOffset(ofUTF8: utf8.upperBound)
        }
    }

    /// The length of the text in Unicode scalars, as `document.length` counts it.
    public var length: Int { scalars.count }

    /// The text of scalar range `range`, clamped to the text.
    public func slice(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[lower ..< upper])
        return String(result)
    }

    /// The text of sentence `index`, or an empty string for an index the text does not have.
    public func sentence(_ index: Int) -> String {
        sentences.indices.contains(index) ? slice(sentences[index]) : ""
    }
}
