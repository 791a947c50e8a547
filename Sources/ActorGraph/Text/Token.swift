/// One token of a ``TokenizedText``: indices into the text and flags, never a copy of it.
///
/// Whitespace is not tokenized; the gaps between tokens are whitespace only.
public struct Token: Hashable, Sendable {
    /// What a token is made of.
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation, symbol
    }

    /// Facts about a token's spelling and surroundings.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Starts with an uppercase or titlecase letter.
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Has two or more letters, all uppercase.
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// Whitespace stands right before it.
        public static let spaceBefore = Flags(rawValue: 1 << 2)
        /// A line break stands between it and the previous token.
        public static let lineBreakBefore = Flags(rawValue: 1 << 3)
        /// The possessive clitic split off a word: the `'s` of "France's".
        public static let possessive = Flags(rawValue: 1 << 4)
        /// An empty line stands between it and the previous token (a paragraph break).
        public static let blankLineBefore = Flags(rawValue: 1 << 5)
    }

    /// The token's first UTF-8 byte offset in the text.
    public let start: UInt32
    /// The UTF-8 byte offset just past the token.
    public let end: UInt32
    /// Word, number, punctuation or symbol.
    public let kind: Kind
    /// Case, spacing and possessive flags.
    public let flags: Flags
    /// The folded form's id in the text's vocabulary.
    public let form: FormID

    /// The token's UTF-8 byte range in the text.
    public var utf8Range: Range<Int> { Int(start) ..< Int(end) }
}
