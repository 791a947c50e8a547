/// A graph's entity mentions as CoNLL-style BIO tags: one token per line,
/// `token<TAB>tag`, a blank line after each sentence, and a `-DOCSTART-`
/// line first, so the files of several documents can be concatenated
/// (`Docs/Exports.md`).
///
/// Tags follow the BIO (IOB2) scheme: `B-` on the first token of a mention,
/// `I-` on the tokens after it, `O` elsewhere. Tokens and sentences are the
/// extractor's own (``SourceText``): tokens never contain whitespace, so a
/// line always splits into exactly one token and one tag.
///
/// A token is tagged with a mention when it shares at least one scalar with
/// it, so a mention that starts or ends inside a token takes the whole
/// token. When mentions overlap, each token goes to the mention that starts
/// first (the longer one on a tie); a mention whose tokens were all taken
/// has no tag. A mention that crosses a sentence break starts again with
/// `B-` in the next sentence, so that no sentence starts with `I-`.
public struct BIOTags: Hashable, Sendable {
    /// The labels that tags carry after `B-` and `I-`.
    public enum LabelSet: String, Hashable, Sendable, CaseIterable {
        /// The four labels of CoNLL-2003 NER, which its tools and models
        /// expect: `PER` (person), `ORG` (organization, group), `LOC`
        /// (country, city, place) and `MISC` (product, and a demonym such as
        /// "French", which CoNLL-2003 tags as `MISC`).
        case conll2003
        /// ActorGraph's actor types in uppercase: `PERSON`, `ORGANIZATION`,
        /// `COUNTRY`, `CITY`, `PLACE`, `PRODUCT`, `GROUP`; a demonym has the
        /// type of its actor (`COUNTRY`).
        case actorTypes

        /// The label of a mention of an actor of `type` made `via` some kind of link.
        public func label(for type: ActorType, via: MentionVia) -> String {
            switch self {
            case .actorTypes:
                return type.rawValue.uppercased()
            case .conll2003:
                if via == .demonym { return "MISC" }
                switch type {
                case .person: return "PER"
                case .organization, .group: return "ORG"
                case .country, .city, .place: return "LOC"
                case .product: return "MISC"
                }
            }
        }
    }

    /// One token and its tag.
    public struct TaggedToken: Hashable, Sendable {
        /// The token's text.
        public var text: String
        /// The token's Unicode scalar range in the text.
        public var range: Range<Int>
        /// `O`, or `B-` or `I-` and a label: `B-PER`.
        public var tag: String
    }

    /// The mention kinds tagged by default: names, other names, parts of
    /// names, acronyms and demonyms: the spans a named-entity tagger
    /// tags. Titles ("the president"), nominals ("the company") and
    /// pronouns are left `O`.
    public static let namedMentions: Set<MentionVia> = [.name, .alias, .partial, .acronym, .demonym]

    /// The tokens of each sentence of the text, in order, with their tags.
    public let sentences: [[TaggedToken]]

    /// The tags of `graph`'s mentions over the tokens of `source`.
    /// - Parameters:
    ///   - graph: The graph of one document.
    ///   - source: The text the graph was extracted from.
    ///   - labels: The label set; CoNLL-2003's by default.
    ///   - mentionKinds: The kinds of mention that are tagged; others are `O`.
    /// - Throws: ``ActorGraphError`` with code `graphTextMismatch` when a span of the graph does not read the same in `source`.
    /// - Complexity: O(*t* + *m* log *m*) for *t* tokens and *m* mentions.
    public init(graph: ArticleGraph, source: SourceText, labels: LabelSet = .conll2003,
                mentionKinds: Set<MentionVia> = BIOTags.namedMentions) throws {
        try source.check(graph)
        struct Span { var range: Range<Int>, label: String, order: Int }
        var spans: [Span] = []
        for actor in graph.actors {
            for mention in actor.mentions where mentionKinds.contains(mention.via) && mention.start < mention.end {
                spans.append(Span(range: mention.start ..< mention.end, label: labels.label(for: actor.type, via: mention.via), order: spans.count))
            }
        }
        // Earliest start first, the longer on a tie, then graph order: each token goes to the first that overlaps it.
        spans.sort { ($0.range.lowerBound, -$0.range.upperBound, $0.order) < ($1.range.lowerBound, -$1.range.upperBound, $1.order) }

        // The span of each token, by a sweep over tokens and spans in text order.
        var owner = [Int?](repeating: nil, count: source.tokens.count)
        var tokenIndex = 0
        for (spanIndex, span) in spans.enumerated() {
            while tokenIndex < source.tokens.count, source.tokens[tokenIndex].upperBound <= span.range.lowerBound { tokenIndex += 1 }
            var index = tokenIndex
            while index < source.tokens.count, source.tokens[index].lowerBound < span.range.upperBound {
                if owner[index] == nil, source.tokens[index].overlaps(span.range) { owner[index] = spanIndex }
                index += 1
            }
        }

        var sentences: [[TaggedToken]] = []
        var index = 0
        // A text has sentences whenever it has tokens; should it have none, its tokens are one sentence.
        let sentenceRanges = source.sentences.isEmpty && !source.tokens.isEmpty ? [0 ..< source.length] : source.sentences
        for (sentenceIndex, sentence) in sentenceRanges.enumerated() {
            var tokens: [TaggedToken] = []
            var previous: Int?
            // Every token goes to exactly one sentence: the first that ends after it starts, or the last.
            let isLast = sentenceIndex == sentenceRanges.count - 1
            while index < source.tokens.count, isLast || source.tokens[index].lowerBound < sentence.upperBound {
                let range = source.tokens[index]
                var tag = "O"
                if let span = owner[index] {
                    tag = (span == previous ? "I-" : "B-") + spans[span].label
                }
                previous = owner[index]
                tokens.append(TaggedToken(text: source.slice(range), range: range, tag: tag))
                index += 1
            }
            sentences.append(tokens)
        }
        self.sentences = sentences
    }

    /// The CoNLL text: `-DOCSTART-<TAB>O` and a blank line, then each
    /// sentence's `token<TAB>tag` lines followed by a blank line.
    public func render() -> String {
        var output = "-DOCSTART-\tO\n\n"
        for sentence in sentences where !sentence.isEmpty {
            for token in sentence { output += "\(token.text)\t\(token.tag)\n" }
            output += "\n"
        }
        return output
    }
}
