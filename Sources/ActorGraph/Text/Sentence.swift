/// One sentence of a ``TokenizedText``: a range of tokens.
public struct Sentence: Hashable, Sendable {
    /// The indices of the sentence's tokens in ``TokenizedText/tokens``.
    public let tokens: Range<Int>
}
