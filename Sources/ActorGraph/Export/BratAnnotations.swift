/// A graph as brat standoff annotations: the `.ann` file for a `.txt` file
/// that holds exactly the graph's text, so the extraction can be reviewed
/// and corrected in the brat annotation tool (`Docs/Exports.md`).
///
/// - Every actor mention is an entity (`T`) of the actor's type (`Person`,
///   `Organization`, `Country`, `City`, `Place`, `Product`, `Group`), with a
///   note (`#`, AnnotatorNotes) naming the actor: `benny-gantz: Benny Gantz (partial)`.
/// - Every event is an event (`E`) on a trigger (`T` of the event type:
///   `Visit`, `Lift-sanctions`), with its roles as arguments (`Source:T1
///   Destination:T3`; a second filler of a role is `Source2`), the events it
///   links to as arguments (`Denies:E15`), its factuality as the attribute
///   `Factuality`, and a note with its rule, confidence, time and attribution.
/// - Every relation between two actors is a relation (`R`) between their
///   first mentions.
///
/// Offsets are the graph's: Unicode scalar offsets, which is what brat (a
/// Python program slicing `str`) counts. A span that crosses a line break is
/// written as discontinuous pieces (`30 40;41 50`), since brat cannot keep
/// a line break in an annotation's text. Type names are made brat-safe
/// (letters, digits, `_`, `-`).
public struct BratAnnotations: Hashable, Sendable {
    /// A text-bound annotation: an entity or a trigger.
    struct TextBound: Hashable, Sendable {
        var id: Int
        var type: String
        var fragments: [Range<Int>]
        var text: String
    }

    /// An event: its type, trigger, arguments and factuality.
    struct EventAnnotation: Hashable, Sendable {
        var id: Int
        var type: String
        var trigger: Int
        var arguments: [Argument]
        var factuality: Factuality
    }

    /// An argument of an event: a role and the id (`T3`, `E15`) of what fills it.
    struct Argument: Hashable, Sendable {
        var role: String
        var filler: String
    }

    /// A relation between two entities.
    struct Relation: Hashable, Sendable {
        var id: Int
        var type: String
        var first: Int
        var second: Int
    }

    /// An AnnotatorNotes line on an annotation (`T1`, `E2`, `R3`).
    struct Note: Hashable, Sendable {
        var target: String
        var text: String
    }

    /// The document id of the graph, for naming the `.txt` and `.ann` files.
    public let documentID: String?
    private(set) var entities: [TextBound] = []
    private(set) var triggers: [TextBound] = []
    private(set) var events: [EventAnnotation] = []
    private(set) var relations: [Relation] = []
    private(set) var notes: [Note] = []

    /// The annotations of `graph` over `source`, the text it was extracted from.
    /// - Parameters:
    ///   - graph: The graph of one document.
    ///   - source: The same text the graph was extracted from; the `.txt` file must hold exactly `source.text`.
    /// - Throws: ``ActorGraphError`` with code `graphTextMismatch` when a span of the graph does not read the same in `source`.
    /// - Complexity: O(*n* log *n*) in the number of spans, plus the length of the spans.
    public init(graph: ArticleGraph, source: SourceText) throws {
        try source.check(graph)
        documentID = graph.document.id
        let actorsByID = Dictionary(graph.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Entities: one per actor and span, in text order, then any role span no mention has.
        struct EntityKey: Hashable { var start: Int, end: Int, actor: String }
        var entityKeys: [EntityKey] = []
        var seen = Set<EntityKey>()
        var mentionVia: [EntityKey: MentionVia] = [:]
        for actor in graph.actors {
            for mention in actor.mentions {
                let key = EntityKey(start: mention.start, end: mention.end, actor: actor.id)
                if seen.insert(key).inserted { entityKeys.append(key); mentionVia[key] = mention.via }
            }
        }
        for event in graph.events {
            for role in event.roles {
                let key = EntityKey(start: role.start, end: role.end, actor: role.actor)
                if seen.insert(key).inserted { entityKeys.append(key) }
            }
        }
        let actorOrder = Dictionary(graph.actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        entityKeys.sort { ($0.start, $0.end, actorOrder[$0.actor] ?? 0) < ($1.start, $1.end, actorOrder[$1.actor] ?? 0) }
        var entityID: [EntityKey: Int] = [:]
        var nextID = 1
        for key in entityKeys {
            guard let actor = actorsByID[key.actor] else { continue }
            let bound = Self.textBound(id: nextID, type: BratNames.entityType(actor.type), range: key.start ..< key.end, in: source)
            entities.append(bound)
            entityID[key] = nextID
            let via = mentionVia[key].map(\.rawValue) ?? "role span"
            notes.append(Note(target: "T\(nextID)", text: "\(actor.id): \(actor.name) (\(via))"))
            nextID += 1
        }

        // Triggers: one per span and event type, in text order.
        struct TriggerKey: Hashable { var start: Int, end: Int, type: String }
        let triggerKeys = Set(graph.events.map { TriggerKey(start: $0.trigger.start, end: $0.trigger.end, type: BratNames.eventType($0.type)) })
            .sorted { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) }
        var triggerID: [TriggerKey: Int] = [:]
        for key in triggerKeys {
            triggers.append(Self.textBound(id: nextID, type: key.type, range: key.start ..< key.end, in: source))
            triggerID[key] = nextID
            nextID += 1
        }

        // Events, in graph order: E1 is the graph's first event.
        var eventNumber: [String: Int] = [:]
        for (index, event) in graph.events.enumerated() where eventNumber[event.id] == nil { eventNumber[event.id] = index + 1 }
        var linksBySource: [String: [ArticleGraph.RelationNode]] = [:]
        for relation in graph.relations where graph.linksEvents(relation) {
            linksBySource[relation.source, default: []].append(relation)
        }
        for (index, event) in graph.events.enumerated() {
            let type = BratNames.eventType(event.type)
            guard let trigger = triggerID[TriggerKey(start: event.trigger.start, end: event.trigger.end, type: type)] else { continue }
            var arguments: [Argument] = []
            var repeats: [String: Int] = [:]
            func add(_ role: String, _ filler: String) {
                let count = repeats[role, default: 0] + 1
                repeats[role] = count
                arguments.append(Argument(role: count == 1 ? role : "\(role)\(count)", filler: filler))
            }
            for role in event.roles.sorted(by: { $0.role.order < $1.role.order }) {
                guard let entity = entityID[EntityKey(start: role.start, end: role.end, actor: role.actor)] else { continue }
                add(BratNames.argumentRole(role.role.rawValue), "T\(entity)")
            }
            for link in linksBySource[event.id] ?? [] {
                guard let target = eventNumber[link.target] else { continue }
                add(BratNames.argumentRole(link.type), "E\(target)")
            }
            events.append(EventAnnotation(id: index + 1, type: type, trigger: trigger, arguments: arguments, factuality: event.factuality))
            notes.append(Note(target: "E\(index + 1)", text: Self.eventNote(event)))
        }

        // Relations between actors, from the first mention of one to the first mention of the other.
        var firstMention: [String: Int] = [:]
        for key in entityKeys where mentionVia[key] != nil && firstMention[key.actor] == nil {
            firstMention[key.actor] = entityID[key]
        }
        for relation in graph.relations where !graph.linksEvents(relation) {
            guard let first = firstMention[relation.source], let second = firstMention[relation.target] else { continue }
            let id = relations.count + 1
            relations.append(Relation(id: id, type: BratNames.relationType(relation.type), first: first, second: second))
            notes.append(Note(target: "R\(id)", text: Self.relationNote(relation)))
        }
    }

    /// The content of the `.ann` file: entities and triggers (`T`), events
    /// (`E`), factuality attributes (`A`), relations (`R`), then notes (`#`),
    /// one per line, each line ending in a line feed.
    public func render() -> String {
        var lines: [String] = []
        for bound in entities + triggers {
            let offsets = bound.fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";")
            lines.append("T\(bound.id)\t\(bound.type) \(offsets)\t\(bound.text)")
        }
        for event in events {
            let arguments = event.arguments.map { " \($0.role):\($0.filler)" }.joined()
            lines.append("E\(event.id)\t\(event.type):T\(event.trigger)\(arguments)")
        }
        for (index, event) in events.enumerated() {
            lines.append("A\(index + 1)\t\(Self.factualityAttribute) E\(event.id) \(event.factuality.rawValue)")
        }
        for relation in relations {
            lines.append("R\(relation.id)\t\(relation.type) Arg1:T\(relation.first) Arg2:T\(relation.second)")
        }
        for (index, note) in notes.enumerated() {
            lines.append("#\(index + 1)\tAnnotatorNotes \(note.target)\t\(BratNames.oneLine(note.text))")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The name of the attribute that carries an event's factuality.
    static let factualityAttribute = "Factuality"

    /// A text-bound annotation of `range`, cut into pieces at line breaks.
    private static func textBound(id: Int, type: String, range: Range<Int>, in source: SourceText) -> TextBound {
        let fragments = BratNames.fragments(of: range, in: source)
        return TextBound(id: id, type: type, fragments: fragments, text: fragments.map { source.slice($0) }.joined(separator: " "))
    }

    /// What a reviewer needs beside an event: the rule, confidence, time and attribution.
    private static func eventNote(_ event: ArticleGraph.EventNode) -> String {
        var parts = ["\(event.id)", "rule \(event.rule)", "confidence \(event.confidence)"]
        if let time = event.time { parts.append("time '\(time.text)'" + (time.value.map { " = \($0)" } ?? "")) }
        if let speaker = event.attributedTo { parts.append("attributed to \(speaker)") }
        if let plover = event.plover { parts.append("PLOVER \(plover)") }
        if let cameo = event.cameo { parts.append("CAMEO \(cameo)") }
        return parts.joined(separator: "; ")
    }

    /// Where a relation comes from: the gazetteer (with the title of a role) or a phrase of the text.
    private static func relationNote(_ relation: ArticleGraph.RelationNode) -> String {
        var parts = ["\(relation.type) from \(relation.origin.rawValue)"]
        if let title = relation.title { parts.append("title \(title)") }
        if let text = relation.text { parts.append("phrase '\(text)'") }
        if let rule = relation.rule { parts.append("rule \(rule)") }
        return parts.joined(separator: "; ")
    }
}
