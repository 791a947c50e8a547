import Foundation

/// How much of a corpus's named actors the gazetteer knows: the share of
/// gold mentions that the extractor links to a gazetteer entity of the right
/// type, and of those, the share linked to the right entity.
///
/// The gold (`NNN-slug.actors.json`, see `Tests/Coverage/README.md`) lists
/// each mention's text, type and the actor's usual name, in text order; it
/// needs no gazetteer ids, so it can be written without looking at the
/// gazetteer.
public struct Coverage: Hashable, Sendable {
    /// The gold of one article.
    public struct Gold: Hashable, Sendable, Decodable {
        /// One mention of a named actor.
        public struct Mention: Hashable, Sendable, Decodable {
            /// The mention as written.
            public var text: String
            /// The actor's type.
            public var type: ActorType
            /// The actor's usual full name ("Emmanuel Macron").
            public var name: String
            /// `title` for a title standing for its holder ("the chancellor").
            public var via: String?

            /// A gold mention.
            public init(text: String, type: ActorType, name: String, via: String? = nil) {
                self.text = text
                self.type = type
                self.name = name
                self.via = via
            }

            /// Decodes a mention, checking its keys, its type and its `via`.
            /// - Throws: `DecodingError`, or a `GoldJSON.Problem` naming the field.
            public init(from decoder: any Decoder) throws {
                try GoldJSON.rejectUnknownKeys(decoder, known: ["text", "type", "name", "via"])
                let container = try decoder.container(keyedBy: GoldJSON.Key.self)
                text = try container.decode(String.self, forKey: GoldJSON.Key("text"))
                type = try GoldJSON.decode(ActorType.self, "an actor type", from: container, forKey: "type")
                name = try container.decode(String.self, forKey: GoldJSON.Key("name"))
                via = try container.decodeIfPresent(String.self, forKey: GoldJSON.Key("via"))
                if let via, via != "title" {
                    throw GoldJSON.Problem(container.codingPath + [GoldJSON.Key("via")], "\"\(via)\" is not known; write \"title\" for a title standing for its holder, or leave the key out.")
                }
            }
        }
        /// The publication day.
        public var date: String?
        /// Every mention, in text order.
        public var mentions: [Mention]

        /// The gold of an article dated `date`.
        public init(date: String?, mentions: [Mention]) {
            self.date = date
            self.mentions = mentions
        }

        /// Decodes the gold of an article, checking its keys and its date.
        /// - Throws: `DecodingError`, or a `GoldJSON.Problem` naming the field.
        public init(from decoder: any Decoder) throws {
            try GoldJSON.rejectUnknownKeys(decoder, known: ["date", "mentions"])
            let container = try decoder.container(keyedBy: GoldJSON.Key.self)
            date = try container.decodeIfPresent(String.self, forKey: GoldJSON.Key("date"))
            try GoldJSON.checkDate(date, at: container.codingPath + [GoldJSON.Key("date")])
            mentions = try container.decode([Mention].self, forKey: GoldJSON.Key("mentions"))
        }

        /// Reads a coverage gold file.
        /// - Throws: ``ActorGraphError``: `unreadableInput` for a file that
        ///   cannot be read; `malformedGold` for invalid JSON, a missing,
        ///   unknown or wrongly typed key, an impossible date or an unknown
        ///   type, naming the file, the line and column, and the field.
        public static func load(_ url: URL) throws -> Gold {
            try GoldJSON(contentsOf: url).decode(Gold.self)
        }
    }

    /// Gold mentions, titles excluded.
    public var names = 0
    /// Of those, mentions linked to a gazetteer entity of the gold type.
    public var covered = 0
    /// Of the covered, those whose entity has the gold name (or an alias of it).
    public var correct = 0
    /// Gold title mentions ("the German chancellor").
    public var titles = 0
    /// Of those, titles resolved to the holder the gold names.
    public var titlesResolved = 0
    /// One line per gold mention not covered, or covered by the wrong entity.
    public var misses: [String] = []
    /// Name mentions and covered ones, by gold type.
    public var byType: [ActorType: Count] = [:]

    /// Name mentions of one type, and how many are covered.
    public struct Count: Hashable, Sendable {
        public var names = 0
        public var covered = 0
    }

    public init() {}

    /// Share of name mentions covered by a gazetteer entity of the right type.
    public var coverage: Double { names == 0 ? 1 : Double(covered) / Double(names) }
    /// Share of covered mentions linked to the right entity.
    public var accuracy: Double { covered == 0 ? 1 : Double(correct) / Double(covered) }
    /// Share of title mentions resolved to the right holder.
    public var titleAccuracy: Double { titles == 0 ? 1 : Double(titlesResolved) / Double(titles) }

    /// The sum of two scores.
    public static func + (lhs: Coverage, rhs: Coverage) -> Coverage {
        var sum = lhs
        sum.names += rhs.names
        sum.covered += rhs.covered
        sum.correct += rhs.correct
        sum.titles += rhs.titles
        sum.titlesResolved += rhs.titlesResolved
        sum.misses += rhs.misses
        for (type, count) in rhs.byType {
            sum.byType[type, default: Count()].names += count.names
            sum.byType[type, default: Count()].covered += count.covered
        }
        return sum
    }

    /// Scores `graph` of `text` against `gold`, finding each gold mention at
    /// its next occurrence in the text.
    /// - Parameters:
    ///   - graph: The graph extracted from `text`.
    ///   - text: The article, exactly as it was given to the extractor.
    ///   - gold: Its gold file: the date, and the mentions a reader finds in text order.
    ///   - gazetteer: The gazetteer the extractor used, for entity names and aliases.
    /// - Returns: The counts of this one document.
    public static func score(_ graph: ArticleGraph, text: String, gold: Gold, gazetteer: Gazetteer) -> Coverage {
        var byStart: [Int: (mention: ArticleGraph.MentionNode, actor: ArticleGraph.ActorNode)] = [:]
        for actor in graph.actors {
            for mention in actor.mentions { byStart[mention.start] = (mention, actor) }
        }
        let scalars = Array(text.unicodeScalars)
        var result = Coverage()
        var cursor = 0
        for expected in gold.mentions {
            let isTitle = expected.via == "title"
            if isTitle { result.titles += 1 } else {
                result.names += 1
                result.byType[expected.type, default: Count()].names += 1
            }
            let needle = Array(expected.text.unicodeScalars)
            guard let start = find(needle, in: scalars, from: cursor) else {
                result.misses.append("\"\(expected.text)\" (\(expected.type.rawValue)): not in the text after offset \(cursor); check the gold order")
                continue
            }
            cursor = start + needle.count
            guard let found = byStart[start] else {
                result.misses.append("\"\(expected.text)\" (\(expected.type.rawValue), \(expected.name)) at \(start): no actor")
                continue
            }
            let entity = gazetteer[Entity.ID(rawValue: found.actor.id)]
            let named = entity.map { Self.answersTo($0, expected.name) } ?? false
            if isTitle {
                if named { result.titlesResolved += 1 } else {
                    result.misses.append("\"\(expected.text)\" (title, \(expected.name)) at \(start): resolved to \(found.actor.id)")
                }
                continue
            }
            guard entity != nil, found.actor.type == expected.type else {
                result.misses.append("\"\(expected.text)\" (\(expected.type.rawValue), \(expected.name)) at \(start): \(found.actor.origin.rawValue) \(found.actor.type.rawValue) \(found.actor.id)")
                continue
            }
            result.covered += 1
            result.byType[expected.type, default: Count()].covered += 1
            if named { result.correct += 1 } else {
                result.misses.append("\"\(expected.text)\" (\(expected.type.rawValue), \(expected.name)) at \(start): wrong entity \(found.actor.id)")
            }
        }
        return result
    }

    /// Whether `entity` goes by `name`.
    static func answersTo(_ entity: Entity, _ name: String) -> Bool {
        let key = fold(name)
        return fold(entity.name) == key || entity.aliases.contains { fold($0.text) == key }
    }

    /// Case, diacritics, punctuation and a parenthesized qualifier aside: "Federal District (Brazil)" is "federaldistrict".
    private static func fold(_ text: String) -> String {
        let text = text.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// The first offset at or after `from` where `needle` occurs as whole words.
    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        func isWord(_ scalar: Unicode.Scalar) -> Bool { CharacterSet.alphanumerics.contains(scalar) }
        var start = from
        while start + needle.count <= haystack.count {
            if haystack[start ..< start + needle.count].elementsEqual(needle),
               start == 0 || !isWord(haystack[start - 1]) || !isWord(needle[0]),
               start + needle.count == haystack.count || !isWord(haystack[start + needle.count]) || !isWord(needle[needle.count - 1]) {
                return start
            }
            start += 1
        }
        return nil
    }

    /// One corpus document's coverage.
    public struct DocumentResult: Hashable, Sendable {
        /// The article's file name without extension.
        public var name: String
        /// Its coverage.
        public var coverage: Coverage
    }

    /// Runs `extractor` over every `NNN-slug.txt` of `corpus`, each with its
    /// `NNN-slug.actors.json` beside it.
    /// - Returns: The per-document coverage, in name order, and the total.
    /// - Throws: ``ActorGraphError`` for an unreadable folder, a folder without
    ///   coverage gold, a text without its gold file or a gold file without
    ///   its text, or a malformed gold file.
    public static func evaluate(_ extractor: Extractor, corpus: URL) throws -> (documents: [DocumentResult], total: Coverage) {
        let texts = try SourceFiles.expand([corpus], extensions: ["txt"])
        try Evaluation.requireArticles(for: ".actors.json", in: corpus)
        var documents: [DocumentResult] = []
        var total = Coverage()
        for textURL in texts {
            let base = textURL.deletingPathExtension().lastPathComponent
            let goldURL = textURL.deletingLastPathComponent().appendingPathComponent(base + ".actors.json")
            try Evaluation.requireGold(goldURL, of: textURL, kind: "coverage gold")
            let gold = try Gold.load(goldURL)
            let text = try SourceFiles.read(textURL, code: .unreadableInput)
            let graph = try extractor.extract(text, date: gold.date, id: base)
            let coverage = score(graph, text: text, gold: gold, gazetteer: extractor.gazetteer)
            documents.append(DocumentResult(name: base, coverage: coverage))
            total = total + coverage
        }
        guard !documents.isEmpty else {
            throw ActorGraphError(.unreadableInput, "\"\(corpus.path)\" holds no article with a .actors.json gold file; see Tests/Coverage/README.md.")
        }
        return (documents, total)
    }
}
