import Foundation

/// Precision, recall and F1 of extracted graphs against gold annotations,
/// for actors, mentions, events and roles (`Tests/Corpus/README.md`).
public struct Evaluation: Hashable, Sendable {
    /// Counts for one kind of item, and the measures derived from them.
    ///
    /// Precision counts extracted items and recall counts gold items, which
    /// differ when one extracted event tells several gold events.
    public struct Score: Hashable, Sendable {
        /// Extracted items that match a gold item.
        public var correct = 0
        /// All extracted items.
        public var extracted = 0
        /// Gold items that some extracted item matches.
        public var found = 0
        /// All gold items.
        public var gold = 0

        /// Correct extracted items over all extracted items (1 when nothing was extracted).
        public var precision: Double { extracted == 0 ? 1 : Double(correct) / Double(extracted) }
        /// Gold items found over all gold items (1 when the gold has none).
        public var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }
        /// The harmonic mean of precision and recall.
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }

        static func + (lhs: Score, rhs: Score) -> Score {
            Score(correct: lhs.correct + rhs.correct, extracted: lhs.extracted + rhs.extracted,
                  found: lhs.found + rhs.found, gold: lhs.gold + rhs.gold)
        }

        /// Scores two multisets; `spurious` and `missed` receive the differences.
        init(predicted: [String], gold: [String], spurious: inout [String], missed: inout [String]) {
            var remaining: [String: Int] = [:]
            for item in gold { remaining[item, default: 0] += 1 }
            for item in predicted {
                if let count = remaining[item], count > 0 {
                    remaining[item] = count - 1
                    correct += 1
                } else {
                    spurious.append(item)
                }
            }
            for (item, count) in remaining.sorted(by: { $0.key < $1.key }) where count > 0 {
                missed += Array(repeating: item, count: count)
            }
            extracted = predicted.count
            self.gold = gold.count
            found = correct
        }

        init(correct: Int = 0, extracted: Int = 0, found: Int = 0, gold: Int = 0) {
            self.correct = correct
            self.extracted = extracted
            self.found = found
            self.gold = gold
        }
    }

    /// (id, type) pairs of actors.
    public var actors = Score()
    /// (actor id, mention text) pairs, once per occurrence.
    public var mentions = Score()
    /// Events, matched by type and trigger text.
    public var events = Score()
    /// (event, role, actor id) triples.
    public var roles = Score()
    /// What was found but is not in the gold file, one line each (`event: visit "trip"`).
    public var spurious: [String] = []
    /// What the gold file has but was not found.
    public var missed: [String] = []

    /// An empty evaluation: no items counted.
    public init() {}

    static func + (lhs: Evaluation, rhs: Evaluation) -> Evaluation {
        var sum = Evaluation()
        sum.actors = lhs.actors + rhs.actors
        sum.mentions = lhs.mentions + rhs.mentions
        sum.events = lhs.events + rhs.events
        sum.roles = lhs.roles + rhs.roles
        sum.spurious = lhs.spurious + rhs.spurious
        sum.missed = lhs.missed + rhs.missed
        return sum
    }

    /// Scores one graph against its gold annotation.
    public static func score(_ graph: ArticleGraph, against gold: GoldDocument) -> Evaluation {
        var result = Evaluation()
        result.actors = Score(predicted: graph.actors.map { "actor: \($0.id) (\($0.type.rawValue))" },
                              gold: gold.actors.map { "actor: \($0.id) (\($0.type.rawValue))" },
                              spurious: &result.spurious, missed: &result.missed)
        result.mentions = Score(predicted: graph.actors.flatMap { actor in actor.mentions.map { "mention: \(actor.id) \"\($0.text)\"" } },
                                gold: gold.actors.flatMap { actor in actor.mentions.map { "mention: \(actor.id) \"\($0)\"" } },
                                spurious: &result.spurious, missed: &result.missed)
        // One event per conjunct ("Jordan and Britain agreed") is one telling: same type, same trigger.
        let events = tellings(graph.events)
        // Events: a gold event matches an extracted event of its type told by the same trigger text.
        var usedBy: [Int: Int] = [:]          // extracted event → gold events it matched
        var predictedRoles: [String] = []
        var goldRoles: [String] = []
        for event in gold.events {
            let label = "\(event.type) \"\(event.trigger)\""
            goldRoles += event.roles.flatMap { role, ids in ids.map { "role: \(label) \(role.rawValue) \($0)" } }
            let candidates = events.indices.filter { index in
                let candidate = events[index]
                return candidate.type == event.type
                    && ([candidate.trigger] + (candidate.retellings ?? [])).contains { sameTrigger($0.text, event.trigger) }
            }
            // Prefer an event not matched yet, then the one whose roles agree most.
            let best = candidates.max { lhs, rhs in
                ((usedBy[lhs] ?? 0) == 0 ? 1 : 0, overlap(events[lhs], event))
                    < ((usedBy[rhs] ?? 0) == 0 ? 1 : 0, overlap(events[rhs], event))
            }
            guard let best else {
                result.missed.append("event: \(label)")
                continue
            }
            result.events.found += 1
            // A merged event claims its roles for every telling it matches.
            predictedRoles += events[best].roles.map { "role: \(label) \($0.role.rawValue) \($0.actor)" }
            usedBy[best, default: 0] += 1
        }
        result.events.gold = gold.events.count
        result.events.extracted = events.count
        result.events.correct = usedBy.count
        for index in events.indices where usedBy[index] == nil {
            let event = events[index]
            result.spurious.append("event: \(event.type) \"\(event.trigger.text)\"")
            predictedRoles += event.roles.map { "role: \(event.type) \"\(event.trigger.text)\" \($0.role.rawValue) \($0.actor)" }
        }
        result.roles = Score(predicted: predictedRoles, gold: goldRoles, spurious: &result.spurious, missed: &result.missed)
        return result
    }

    /// Events of one type told by one trigger, as one event with all their roles.
    private static func tellings(_ events: [ArticleGraph.EventNode]) -> [ArticleGraph.EventNode] {
        var result: [ArticleGraph.EventNode] = []
        var index: [String: Int] = [:]
        for event in events {
            let key = "\(event.type) \(event.trigger.start)"
            if let existing = index[key] {
                for role in event.roles where !result[existing].roles.contains(where: { $0.role == role.role && $0.actor == role.actor }) {
                    result[existing].roles.append(role)
                }
            } else {
                index[key] = result.count
                result.append(event)
            }
        }
        return result
    }

    private static func overlap(_ event: ArticleGraph.EventNode, _ gold: GoldDocument.GoldEvent) -> Int {
        event.roles.filter { gold.roles[$0.role]?.contains($0.actor) ?? false }.count
    }

    /// Triggers agree when one contains the other, case aside: "heading" and "heading to".
    private static func sameTrigger(_ predicted: String, _ gold: String) -> Bool {
        let a = predicted.lowercased(), b = gold.lowercased()
        return a == b || a.contains(b) || b.contains(a)
    }

    /// One corpus document's score.
    public struct DocumentResult: Hashable, Sendable {
        /// The article's file name without extension.
        public var name: String
        /// Its scores.
        public var evaluation: Evaluation
    }

    /// Runs `extractor` over every `NNN-slug.txt` of `corpus`, each with its
    /// `NNN-slug.gold.json` beside it, and scores each.
    /// - Returns: The per-document scores, in name order, and their micro-averaged total.
    /// - Throws: ``ActorGraphError`` for an unreadable folder, a text without
    ///   its gold file or a gold file without its text, a text that is not
    ///   UTF-8, or a malformed gold file.
    public static func evaluate(_ extractor: Extractor, corpus: URL) throws -> (documents: [DocumentResult], total: Evaluation) {
        let texts = try SourceFiles.expand([corpus], extensions: ["txt"])
        guard !texts.isEmpty else {
            throw ActorGraphError(.unreadableInput, "\"\(corpus.path)\" holds no .txt article; point eval at a corpus folder such as Tests/Corpus.")
        }
        try requireArticles(for: ".gold.json", in: corpus)
        var documents: [DocumentResult] = []
        var total = Evaluation()
        for textURL in texts {
            let base = textURL.deletingPathExtension().lastPathComponent
            let goldURL = textURL.deletingLastPathComponent().appendingPathComponent(base + ".gold.json")
            try requireGold(goldURL, of: textURL, kind: "gold")
            let gold = try GoldDocument.load(goldURL, eventTypes: Set(extractor.rules.eventTypes.keys))
            // Bytes that are not UTF-8 would change the text the gold's offsets and mentions were written for.
            let text = try SourceFiles.read(textURL, code: .unreadableInput)
            let graph = try extractor.extract(text, date: gold.date, id: base)
            let evaluation = score(graph, against: gold)
            documents.append(DocumentResult(name: base, evaluation: evaluation))
            total = total + evaluation
        }
        return (documents, total)
    }

    /// Refuses an article without its gold file, which would leave the score without a word.
    /// - Throws: ``ActorGraphError`` (`malformedGold`) naming the article.
    package static func requireGold(_ goldURL: URL, of textURL: URL, kind: String) throws {
        guard !FileManager.default.fileExists(atPath: goldURL.path) else { return }
        throw ActorGraphError(.malformedGold, "\"\(textURL.lastPathComponent)\" has no \(kind) file; write \(goldURL.lastPathComponent) beside it, or move the article out of the folder.",
                              file: textURL.path)
    }

    /// Refuses a gold file (named `NNN-slug` + `suffix`) in `corpus` without
    /// its `NNN-slug.txt`, which would go unscored without a word.
    /// - Throws: ``ActorGraphError`` (`malformedGold`) naming the first such file.
    package static func requireArticles(for suffix: String, in corpus: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        let articles = Set(names.filter { $0.hasSuffix(".txt") })
        for name in names.sorted() where name.hasSuffix(suffix) && !name.hasPrefix(".") {
            let article = String(name.dropLast(suffix.count)) + ".txt"
            guard articles.contains(article) else {
                throw ActorGraphError(.malformedGold, "The gold file has no article beside it; write \(article), or remove the gold file.",
                                      file: SourceFiles.displayName(corpus.appendingPathComponent(name)))
            }
        }
    }
}
