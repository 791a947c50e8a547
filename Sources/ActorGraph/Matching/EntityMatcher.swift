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
        let aliases = gazetteer.aliases
        let translated = aliases.translate(text)
        let tokens = text.tokens
        // The spans first, then their entities: the walk's closure captures
        // only the array it fills, not the matcher and the text.
        var spans: [(tokens: Range<Int>, sentence: Int, targets: ArraySlice<Gazetteer.AliasTarget>)] = []
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            aliases.forEachMatch(in: tokens, translated: translated, starts: sentence.tokens, limit: sentence.tokens.upperBound) {
                spans.append(($0, sentenceIndex, $1))
            }
        }
        var found: [Mention] = []
        switch policy {
        case .all:
            found.reserveCapacity(spans.count)
            for span in spans {
                if let mention = mention(of: span.targets, over: span.tokens, sentence: span.sentence, in: text) { found.append(mention) }
            }
        case .leftmostLongest:
            // The walk gives spans by start, shorter before longer at one start: at each
            // start past the last kept mention, the longest span that makes a mention is
            // kept, and no mention is made for the spans it shadows.
            var end = Int.min
            var group = spans.startIndex
            while group < spans.endIndex {
                let start = spans[group].tokens.lowerBound
                var last = group
                while last + 1 < spans.endIndex && spans[last + 1].tokens.lowerBound == start { last += 1 }
                if start >= end {
                    for span in spans[group ... last].reversed() {
                        guard let mention = mention(of: span.targets, over: span.tokens, sentence: span.sentence, in: text) else { continue }
                        found.append(mention)
                        end = span.tokens.upperBound
                        break
                    }
                }
                group = last + 1
            }
        }
        return found
    }

    /// Keeps the leftmost-longest matches of `mentions` (see ``MatchPolicy/leftmostLongest``).
    /// - Complexity: O(*m* log *m*) for *m* mentions.
    public static func leftmostLongest(_ mentions: [Mention]) -> [Mention] {
        leftmostLongest(ranges: mentions.map(\.tokens)).map { mentions[$0] }
    }

    /// Adds `match` to `kept` if leftmost-longest keeps it, given matches by
    /// start and, at one start, shorter before longer, as a phrase set's walk
    /// gives them: then `kept` holds the leftmost-longest of those given so
    /// far, with no list of all of them to sort.
    static func keepLeftmostLongest<Value>(_ match: (tokens: Range<Int>, value: Value), in kept: inout [(tokens: Range<Int>, value: Value)]) {
        if let last = kept.last {
            // A longer match at the same start replaces the last; one that starts inside it is shadowed.
            if match.tokens.lowerBound == last.tokens.lowerBound {
                kept[kept.count - 1] = match
                return
            }
            if match.tokens.lowerBound < last.tokens.upperBound { return }
        }
        kept.append(match)
    }

    /// The indices of the leftmost-longest ranges of `ranges`, in text order,
    /// in whatever order they are given.
    private static func leftmostLongest(ranges: [Range<Int>]) -> [Int] {
        // A phrase set's walk gives matches by start, shorter before longer at
        // one start: then the longest of each start is the last, and no sort is needed.
        if zip(ranges, ranges.dropFirst()).allSatisfy({ $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.count < $1.count) }) {
            var kept: [Int] = []
            var end = Int.min
            for index in ranges.indices where index + 1 == ranges.count || ranges[index + 1].lowerBound != ranges[index].lowerBound {
                guard ranges[index].lowerBound >= end else { continue }
                kept.append(index)
                end = ranges[index].upperBound
            }
            return kept
        }
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

    /// The mention of the entities of `targets` (aliases that match `range`), if any accepts the text.
    private func mention(of targets: ArraySlice<Gazetteer.AliasTarget>, over range: Range<Int>, sentence: Int,
                         in text: TokenizedText) -> Mention? {
        if targets.count == 1, let target = targets.first, target.exact < 0, target.via != .partial {
            // One plain alias, the usual case: nothing to check.
            let id = gazetteer.entities.id(at: Int(target.entity))
            return Mention(tokens: range, sentence: sentence, candidate: id, position: target.entity, via: target.via, rule: id.rawValue)
        }
        var candidates: [Entity.ID] = []
        var first: Int32 = -1
        var via = MentionVia.name
        // Text that matches an alias with its case ("ITU") is not also the folded one ("Itu").
        let exactOnly = targets.contains { $0.exact >= 0 && accepts($0, range: range, in: text) }
        for target in targets where (!exactOnly || target.exact >= 0) && accepts(target, range: range, in: text) {
            let id = gazetteer.entities.id(at: Int(target.entity))
            if !candidates.contains(id) {
                if candidates.isEmpty { (via, first) = (target.via, target.entity) }
                candidates.append(id)
            }
        }
        guard let id = candidates.first else { return nil }
        var mention = Mention(tokens: range, sentence: sentence, candidates: candidates, via: via, rule: id.rawValue)
        if candidates.count == 1 { mention.position = first }
        return mention
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
