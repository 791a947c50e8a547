import Foundation

/// One event as a PLOVER-style event record, with the field names of the
/// PLOVER data interchange specification (Open Event Data Alliance, JSON
/// data fields, draft 0.7) where it has one, and ActorGraph's evidence beside
/// them (`Docs/Exports.md`).
///
/// Only events whose type has a PLOVER category get a record: `statement`,
/// `report`, `deny`, `surveil` and `regulate` have none (`Docs/EventCoding.md`).
/// ActorGraph has no CAMEO actor codes: an actor's `code` is its ISO 3166-1
/// alpha-3 country (PLOVER's own actor code), and its `identifier_id` the
/// ActorGraph actor id.
///
/// PLOVER's `mode` says *how* an event happened and is defined per category;
/// ActorGraph gives one only where its event type says it (`visit` →
/// CONSULT `visit`; `release`, `withdraw` → RETREAT `release`, `withdraw`).
/// How certain the text is goes to PLOVER's `context` (`planned` →
/// `future`, `possible` → `hypothetical`, `negated` → `negation`), and the
/// factuality itself stays in `factuality`.
public struct PLOVERRecord: Hashable, Sendable, Codable {
    /// Where the record's `date` comes from.
    public enum DateBasis: String, Hashable, Sendable, Codable {
        /// The event's own time expression resolved to a day ("on Friday").
        case event
        /// The document's publication date, for an event without a day of its own.
        case document
    }

    /// An actor of the event, as PLOVER's actor object.
    public struct ActorObject: Hashable, Sendable, Codable {
        /// PLOVER's actor code: the actor's ISO 3166-1 alpha-3 country, else
        /// `IGO` or `NGO` for such an organization; absent when unknown.
        public var code: String?
        /// PLOVER's sector code (`GOV`, `MIL`, `COP`, `JUD`, `LEG`, `REB`, `SPY`, `JRN`, `BUS`), when known.
        public var sector: String?
        /// The text of the mention that fills the role, as written.
        public var actorText: String?
        /// The ActorGraph actor id: `benny-gantz`.
        public var identifierID: String
        /// The actor's canonical name: `Benny Gantz`.
        public var identifierText: String
        /// The actor's Wikidata id, when the gazetteer has it.
        public var wikidata: String?
        /// The ActorGraph actor type.
        public var actorType: ActorType
        /// Where the mention that fills the role starts (Unicode scalar offset).
        public var start: Int?
        /// Where that mention ends (Unicode scalar offset, exclusive).
        public var end: Int?

        enum CodingKeys: String, CodingKey {
            case code, sector, wikidata, start, end
            case actorText = "actor_text"
            case identifierID = "identifier_id"
            case identifierText = "identifier_text"
            case actorType = "actor_type"
        }
    }

    /// Where the event's sentence is: PLOVER's text information object.
    public struct TextInfo: Hashable, Sendable, Codable {
        /// The sentence's index in the document (0-based), as the graph numbers sentences.
        public var sequence: Int
        /// Where the sentence starts (Unicode scalar offset).
        public var start: Int
        /// Where the sentence ends (Unicode scalar offset, exclusive).
        public var end: Int
    }

    /// A span of the text: the trigger, or the time expression.
    public struct TextSpan: Hashable, Sendable, Codable {
        /// The span's text, as written.
        public var text: String
        /// Where it starts (Unicode scalar offset).
        public var start: Int
        /// Where it ends (Unicode scalar offset, exclusive).
        public var end: Int
        /// For a time expression: its ISO value (`2021-07-27`, `2021-W30`, `2020-01`), when resolved.
        public var value: String?
    }

    /// Unique in a data set whose story ids are: `<story_id>-<event_id>`, or the event id alone.
    public var id: String
    /// The document id.
    public var storyID: String?
    /// The ActorGraph event id within the document: `e1`.
    public var eventID: String
    /// `YYYY-MM-DD`: the event's own day when its time expression is a whole day, else the publication date.
    public var date: String?
    /// Which of the two `date` is.
    public var dateBasis: DateBasis?
    /// The document's publication date.
    public var publicationDate: String?
    /// PLOVER's event categories: one, `["CONSULT"]`.
    public var event: [String]
    /// The ActorGraph event type: `visit`.
    public var eventType: String
    /// The CAMEO event code, where the type has one.
    public var cameo: String?
    /// PLOVER's quad category: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadCode: Int?
    /// PLOVER's mode: how the event happened, where the event type says.
    public var mode: [String]?
    /// PLOVER's context values that the factuality gives: `future`, `hypothetical`, `negation`.
    public var context: [String]?
    /// ActorGraph's factuality of the event.
    public var factuality: Factuality
    /// Who acts; empty when the text names no one (PLOVER requires a source: filter such records out for strict PLOVER data).
    public var source: [ActorObject]
    /// Who is acted upon: the `target`, else the `destination` (PLOVER's drafts before 0.7 called it `target`).
    public var recipient: [ActorObject]
    /// The sentence that tells the event.
    public var eventText: String
    /// Where that sentence is.
    public var textInfo: TextInfo
    /// The word or phrase that tells the event.
    public var trigger: TextSpan
    /// The event's time expression, when it has one.
    public var timeExpression: TextSpan?
    /// Who said or reported it.
    public var attributedTo: ActorObject?
    /// ActorGraph's confidence, 0.5 to 1.0.
    public var confidence: Double
    /// The rule that found the event.
    public var rule: String
    /// PLOVER's coder identification: always `ActorGraph`.
    public var coder: String

    enum CodingKeys: String, CodingKey {
        case id, date, event, cameo, mode, context, factuality, source, recipient, trigger, confidence, rule, coder
        case storyID = "story_id"
        case eventID = "event_id"
        case dateBasis = "date_basis"
        case publicationDate = "publication_date"
        case eventType = "event_type"
        case quadCode = "quad_code"
        case eventText = "event_text"
        case textInfo = "text_info"
        case timeExpression = "time_expression"
        case attributedTo = "attributed_to"
    }

    /// The records of `graph`'s events that have a PLOVER category, in event order.
    /// - Parameters:
    ///   - graph: The graph of one document.
    ///   - source: The text the graph was extracted from, for each event's sentence.
    /// - Returns: One record per event with a PLOVER category.
    /// - Throws: ``ActorGraphError`` with code `graphTextMismatch` when a span of the graph does not read the same in `source`.
    public static func records(of graph: ArticleGraph, source: SourceText) throws -> [PLOVERRecord] {
        try source.check(graph)
        let actors = Dictionary(graph.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return graph.events.compactMap { event -> PLOVERRecord? in
            guard let category = event.plover else { return nil }
            func object(_ role: ArticleGraph.ArgumentNode) -> ActorObject? {
                actors[role.actor].map { actorObject($0, mention: role.start ..< role.end, sector: role.sector, in: source) }
            }
            let sources = event.roles.filter { $0.role == .source }.compactMap(object)
            let targets = event.roles.filter { $0.role == .target }
            let recipients = (targets.isEmpty ? event.roles.filter { $0.role == .destination } : targets).compactMap(object)
            let ownDay = event.time?.value.flatMap { try? Day(iso: $0) }?.description
            let sentence = source.sentences[event.trigger.sentence]
            return PLOVERRecord(
                id: graph.document.id.map { "\($0)-\(event.id)" } ?? event.id,
                storyID: graph.document.id, eventID: event.id,
                date: ownDay ?? graph.document.date,
                dateBasis: ownDay != nil ? .event : graph.document.date != nil ? .document : nil,
                publicationDate: graph.document.date,
                event: [category], eventType: event.type, cameo: event.cameo, quadCode: quadCodes[category],
                mode: mode(of: event.type, category: category).map { [$0] },
                context: context(of: event.factuality).map { [$0] },
                factuality: event.factuality, source: sources, recipient: recipients,
                eventText: source.slice(sentence),
                textInfo: TextInfo(sequence: event.trigger.sentence, start: sentence.lowerBound, end: sentence.upperBound),
                trigger: TextSpan(text: event.trigger.text, start: event.trigger.start, end: event.trigger.end),
                timeExpression: event.time.map { TextSpan(text: $0.text, start: $0.start, end: $0.end, value: $0.value) },
                attributedTo: event.attributedTo.flatMap { actors[$0] }.map { actorObject($0, mention: nil, sector: nil, in: source) },
                confidence: event.confidence, rule: event.rule, coder: "ActorGraph")
        }
    }

    /// PLOVER's quad category of each category (with the names of both its drafts: DISAPPROVE/ACCUSE, ASSAULT/FIGHT).
    static let quadCodes: [String: Int] = [
        "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
        "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
        "DEMAND": 3, "DISAPPROVE": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
        "PROTEST": 4, "CRIME": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
    ]

    /// PLOVER's mode for an event type whose name says how the event happened.
    static func mode(of type: String, category: String) -> String? {
        switch (category, type) {
        case ("CONSULT", "visit"): "visit"
        case ("RETREAT", "release"): "release"
        case ("RETREAT", "withdraw"): "withdraw"
        default: nil
        }
    }

    /// PLOVER's context value for a factuality, where PLOVER has one.
    static func context(of factuality: Factuality) -> String? {
        switch factuality {
        case .planned: "future"
        case .possible: "hypothetical"
        case .negated: "negation"
        case .asserted, .reported, .alleged, .denied, .demanded: nil
        }
    }

    /// PLOVER's sector code of an ActorGraph sector (`ngo` and `igo` are actor codes in PLOVER, not sectors).
    static let sectorCodes: [String: String] = [
        "government": "GOV", "military": "MIL", "police": "COP", "judiciary": "JUD", "legislature": "LEG",
        "rebels": "REB", "intelligence": "SPY", "media": "JRN", "business": "BUS",
    ]

    /// An actor as PLOVER's actor object; `mention` is the span that fills the role, `sector` the role's own.
    private static func actorObject(_ actor: ArticleGraph.ActorNode, mention: Range<Int>?, sector: String?,
                                    in source: SourceText) -> ActorObject {
        let sector = sector ?? actor.sector
        let nonState: String? = switch sector {
        case "igo": "IGO"
        case "ngo": "NGO"
        default: nil
        }
        return ActorObject(
            code: actor.country ?? nonState, sector: sector.flatMap { sectorCodes[$0] },
            actorText: mention.map { source.slice($0) }, identifierID: actor.id, identifierText: actor.name,
            wikidata: actor.ids?["wikidata"], actorType: actor.type, start: mention?.lowerBound, end: mention?.upperBound)
    }
}
