/// How overlapping matches are resolved.
public enum MatchPolicy: String, Sendable, Hashable, Codable {
    /// Scanning left to right, the match that starts first wins; among those
    /// that start at one token, the longest wins; any match that overlaps a
    /// winner is dropped. "France Inter" beats "France".
    case leftmostLongest
    /// Every match, overlapping or not.
    case all
}

/// Finds gazetteer aliases in tokenized text.
///
/// Matches start and end on token boundaries, never cross a sentence
/// boundary, and compare folded forms (case-sensitive aliases also compare
/// the text as written).
public struct EntityMatcher: Sendable {
    /// The entities it finds.
    public let gazetteer: Gazetteer
    /// How overlapping matches are resolved.
    public let policy: MatchPolicy

    /// A matcher over `gazetteer`, leftmost-longest unless told otherwise.
    public init(gazetteer: Gazetteer, policy: MatchPolicy = .leftmostLongest) {
        self.gazetteer = gazetteer
        self.policy = policy
    }

    /// The mentions of gazetteer entities in `text`.
    ///
    /// A mention lists every entity its alias belongs to in ``Mention/candidates``
    /// (in load order); the resolver picks one. When the text matches an
    /// `exact` alias, only the entities with such an alias are candidates.
    /// - Complexity: O(*n* × *L*) for *n* tokens and *L* tokens in the longest
    ///   alias, whatever the number of aliases.
    public func matches(in text: TokenizedText) -> [Mention] {
        let translated = gazetteer.aliases.translate(text)
        var found: [Mention] = []
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            gazetteer.aliases.forEachMatch(
                in: text.tokens, translated: translated, starts: sentence.tokens, limit: sentence.tokens.upperBound
            ) { range, targets in
                var candidates: [Entity.ID] = []
                var via = MentionVia.name
                // Text that matches an alias with its case ("ITU") is not also the folded one ("Itu").
                let exactOnly = targets.contains { $0.exact >= 0 && accepts($0, range: range, in: text) }
                for target in targets where (!exactOnly || target.exact >= 0) && accepts(target, range: range, in: text) {
                    let id = gazetteer.entities.id(at: Int(target.entity))
                    if !candidates.contains(id) {
                        if candidates.isEmpty { via = target.via }
                        candidates.append(id)
                    }
                }
                if let first = candidates.first {
                    found.append(Mention(tokens: range, sentence: sentenceIndex, candidates: candidates, via: via, rule: first.rawValue))
                }
            }
        }
        switch policy {
        case .all: return found
        case .leftmostLongest: return Self.leftmostLongest(found)
        }
    }

    /// Keeps the leftmost-longest matches of `mentions` (see ``MatchPolicy/leftmostLongest``).
    /// - Complexity: O(*m* log *m*) for *m* mentions.
    public static func leftmostLongest(_ mentions: [Mention]) -> [Mention] {
        leftmostLongest(ranges: mentions.map(\.tokens)).map { mentions[$0] }
    }

    /// The indices of the leftmost-longest ranges of `ranges`, in text order:
    /// the same policy for any kind of match (triggers, titles, nominals).
    static func leftmostLongest(ranges: [Range<Int>]) -> [Int] {
        let ordered = ranges.indices.sorted {
            (ranges[$0].lowerBound, -ranges[$0].count, $0) < (ranges[$1].lowerBound, -ranges[$1].count, $1)
        }
        var kept: [Int] = []
        var end = Int.min
        for index in ordered where ranges[index].lowerBound >= end {
            kept.append(index)
            end = ranges[index].upperBound
        }
        return kept
    }

    private func accepts(_ target: Gazetteer.AliasTarget, range: Range<Int>, in text: TokenizedText) -> Bool {
        if target.via == .partial {
            // A lone surname must look like a name.
            return text.tokens[range.lowerBound].flags.contains(.capitalized)
        }
        guard target.exact >= 0 else { return true }
        let expected = gazetteer.exactAliases[Int(target.exact)]
        guard expected.count == range.count else { return false }
        for (offset, index) in range.enumerated() where text.string(of: text.tokens[index]) != expected[offset] {
            return false
        }
        return true
    }
}
