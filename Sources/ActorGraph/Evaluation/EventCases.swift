import Foundation

/// A table of one-sentence event cases (`Tests/Events/cases.tsv`) and the
/// extractor's score on them per PLOVER category: whether it finds an event
/// of the expected category, and with the expected source and target.
public struct EventCases: Sendable {
    /// One sentence with the category of its main event and its actors.
    public struct Case: Hashable, Sendable {
        public var id: String
        public var date: String
        /// A PLOVER category, or `NONE`.
        public var plover: String
        /// Source ids in text order; empty for none.
        public var source: [String]
        /// Target ids in text order; empty for none.
        public var target: [String]
        public var sentence: String
    }

    /// Precision and recall of one category, and how often its roles are right.
    public struct Score: Hashable, Sendable {
        /// Cases of the category.
        public var gold = 0
        /// Cases where an event of the category was found.
        public var predicted = 0
        /// Cases of the category where one was found.
        public var correct = 0
        /// Of the correct, those with the expected source, and with the expected target.
        public var sourceRight = 0, targetRight = 0

        public init() {}

        public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public let cases: [Case]

    /// The header line of a cases table, columns separated by tabs.
    static let header = "id\tdate\tplover\tsource\ttarget\tsentence"

    /// Reads a cases table.
    /// - Parameters:
    ///   - url: A `.tsv` table: the header, then one case a line (`Tests/Events/README.md`).
    ///   - rules: The rules whose PLOVER categories a case may name, besides
    ///     `NONE`; without them, any category is read.
    ///   - gazetteer: The gazetteer whose entity ids the sources and targets
    ///     must be; without it, any id is read.
    /// - Throws: ``ActorGraphError`` naming the file, and the line and column of
    ///   a malformed row: a missing header, a wrong number of columns, an empty
    ///   or repeated id, a date that is not a real day (`invalidDate`), a
    ///   category the rules do not have, an empty id list or sentence, an id
    ///   the gazetteer does not have; and for a table without cases.
    public init(contentsOf url: URL, rules: RuleSet? = nil, gazetteer: Gazetteer? = nil) throws {
        let text = try SourceFiles.read(url, code: .malformedGold)
        let file = SourceFiles.displayName(url)
        let categories = rules.map { Set($0.eventTypes.values.compactMap(\.plover)) }
        let lines = DirectiveReader.lines(of: text)
        let noCases = ActorGraphError(.malformedGold, "The table holds no cases; add one a line below the header, as Tests/Events/README.md describes.", file: file)
        guard lines.contains(where: { !$0.trimmingTrailingWhitespace().isEmpty }) else { throw noCases }
        guard lines[0].trimmingTrailingWhitespace() == Self.header else {
            throw ActorGraphError(.malformedGold, "The first line is not the header \"\(Self.header.replacingOccurrences(of: "\t", with: " "))\" (tab-separated); add it, as the first line is never read as a case.",
                                  file: file, line: 1, column: 1)
        }
        var cases: [Case] = []
        var lineOfID: [String: Int] = [:]
        for (offset, line) in lines.enumerated() where offset > 0 && !line.isEmpty {
            let number = offset + 1
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else {
                throw ActorGraphError(.malformedGold, "Expected 6 tab-separated columns (id date plover source target sentence), found \(fields.count).",
                                      file: file, line: number, column: 1)
            }
            func fail(_ column: Int, _ message: String, code: ActorGraphError.Code = .malformedGold) -> ActorGraphError {
                ActorGraphError(code, message, file: file, line: number, column: fields[..<column].reduce(column + 1) { $0 + $1.count })
            }
            let id = fields[0]
            guard !id.isEmpty else { throw fail(0, "The case has no id; write one such as agree-01.") }
            if let first = lineOfID[id] { throw fail(0, "The case id \"\(id)\" is already used on line \(first); give each case its own id.") }
            lineOfID[id] = number
            do { _ = try Day(iso: fields[1]) } catch let error as ActorGraphError { throw fail(1, error.message, code: error.code) }
            if let categories, fields[2] != "NONE", !categories.contains(fields[2]) {
                throw fail(2, "\"\(fields[2])\" is not a PLOVER category of the rules; use NONE or one of: \(categories.sorted().joined(separator: ", ")).")
            }
            var roles: [[String]] = []
            for (column, name) in [(3, "source"), (4, "target")] {
                let field = fields[column]
                guard !field.isEmpty else { throw fail(column, "The \(name) is empty; write - for none.") }
                let ids = field == "-" ? [] : field.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
                guard !ids.contains(where: \.isEmpty) else {
                    throw fail(column, "The \(name) \"\(field)\" has an empty id; join ids with one + and no + at either end.")
                }
                if let gazetteer, let unknown = ids.first(where: { gazetteer[Entity.ID(rawValue: $0)] == nil }) {
                    throw fail(column, "The \(name) \"\(unknown)\" is not an entity id of the gazetteer; check its spelling in Gazetteers/entities, or add the entity.")
                }
                roles.append(ids)
            }
            guard !fields[5].trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(5, "The sentence is empty; write the case's sentence.") }
            cases.append(Case(id: id, date: fields[1], plover: fields[2], source: roles[0], target: roles[1], sentence: fields[5]))
        }
        guard !cases.isEmpty else { throw noCases }
        self.cases = cases
    }

    /// The outcome of one case.
    public struct Outcome: Hashable, Sendable {
        public var `case`: Case
        /// The PLOVER categories of the events found.
        public var found: [String]
        /// The sources and targets of the best event of the expected category, if found.
        public var source: [String]?, target: [String]?
    }

    /// Runs `extractor` on every case.
    /// - Returns: Each case's outcome, and scores by category (`NONE` counts cases with no PLOVER event).
    public func evaluate(_ extractor: Extractor) throws -> (outcomes: [Outcome], scores: [String: Score]) {
        var outcomes: [Outcome] = []
        var scores: [String: Score] = [:]
        for item in cases {
            let graph = try extractor.extract(item.sentence, date: item.date, id: item.id)
            let categories = Array(Set(graph.events.compactMap(\.plover))).sorted()
            var outcome = Outcome(case: item, found: categories)
            scores[item.plover, default: Score()].gold += 1
            for category in categories { scores[category, default: Score()].predicted += 1 }
            if categories.isEmpty { scores["NONE", default: Score()].predicted += 1 }
            let matching = graph.events.filter { $0.plover == item.plover }
            if item.plover == "NONE" ? categories.isEmpty : !matching.isEmpty {
                scores[item.plover, default: Score()].correct += 1
            }
            // The told event whose roles agree best with the case. An event split
            // into one per conjunct is one telling: its trigger is the same.
            // PLOVER's target is the target, else the destination ("a visit to Kyiv").
            var tellings: [Int: (source: Set<String>, target: Set<String>)] = [:]
            for event in matching {
                let targets = event.roles.filter { $0.role == .target }.map(\.actor)
                tellings[event.trigger.start, default: ([], [])].source.formUnion(event.roles.filter { $0.role == .source }.map(\.actor))
                tellings[event.trigger.start, default: ([], [])].target.formUnion(
                    targets.isEmpty ? event.roles.filter { $0.role == .destination }.map(\.actor) : targets)
            }
            let expected = (source: Set(item.source), target: Set(item.target))
            func agreement(_ telling: (source: Set<String>, target: Set<String>)) -> Int {
                (telling.source == expected.source ? 1 : 0) + (telling.target == expected.target ? 1 : 0)
            }
            if let best = tellings.sorted(by: { $0.key < $1.key }).map(\.value).max(by: { agreement($0) < agreement($1) }) {
                outcome.source = best.source.sorted()
                outcome.target = best.target.sorted()
                if best.source == expected.source { scores[item.plover, default: Score()].sourceRight += 1 }
                if best.target == expected.target { scores[item.plover, default: Score()].targetRight += 1 }
            }
            outcomes.append(outcome)
        }
        return (outcomes, scores)
    }
}
