import Foundation

/// The graphs of many documents merged into one: actors unified by id,
/// events kept with their document and date, weighted edges between actors,
/// and a timeline per actor.
///
/// Build it from the graphs ``Extractor`` gives, then ask it questions:
///
/// ```swift
/// let corpus = try CorpusGraph(merging: graphs)
/// let visits = corpus.events(of: "benny-gantz", from: try Day(iso: "2021-07-01"))
/// let partners = corpus.actors(linkedTo: "israel")
/// ```
///
/// Encoded with ``jsonData(pretty:)`` it is the JSON of schema
/// `actorgraph-corpus/1` (`Docs/GraphSchema.md`).
public struct CorpusGraph: Hashable, Sendable, Codable {
    /// The schema version of the encoded corpus graph.
    public static let schemaVersion = "actorgraph-corpus/1"

    /// A document of the corpus.
    public struct Document: Hashable, Sendable, Codable {
        public var id: String
        public var date: String?
        /// Length of its text in Unicode scalars.
        public var length: Int
        /// How many actors and events its graph has.
        public var actors: Int
        public var events: Int
    }

    /// An actor of any document, merged with the same actor in the others.
    public struct ActorNode: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var type: ActorType
        public var subtype: String?
        public var country: String?
        public var origin: Actor.Origin
        public var ids: [String: String]?
        public var sector: String?
        /// The roles it held on the documents' dates, each once.
        public var roles: [ArticleGraph.RoleNode]?
        /// Its mentions in all documents.
        public var mentions: Int
        /// The documents that mention it, in corpus order.
        public var documents: [String]
        /// The earliest and latest day of the documents that mention it.
        public var firstDate: String?
        public var lastDate: String?
        /// The events it takes part in, by day.
        public var timeline: [TimelineEntry]
    }

    /// One event in an actor's timeline.
    public struct TimelineEntry: Hashable, Sendable, Codable {
        public var date: String?
        public var document: String
        /// The corpus event id.
        public var event: String
        public var type: String
        public var role: EventRole
    }

    /// An actor filling a role of a corpus event.
    public struct Participant: Hashable, Sendable, Codable {
        public var role: EventRole
        public var actor: String
    }

    /// An event of one document.
    public struct EventNode: Hashable, Sendable, Codable {
        /// `document#event`, unique in the corpus.
        public var id: String
        public var document: String
        /// The day it happened: its time expression when that names a day, else the document's date.
        public var date: String?
        /// The value of its time expression (`2021-W30`, `2021-07-27`), when it has one.
        public var time: String?
        public var type: String
        public var plover: String?
        public var cameo: String?
        public var factuality: Factuality
        /// The trigger as written, and its sentence in the document.
        public var trigger: String
        public var sentence: Int
        public var roles: [Participant]
        public var attributedTo: String?
        public var rule: String
        public var confidence: Double
    }

    /// How many events of one type link a source actor to another actor.
    public struct Edge: Hashable, Sendable, Codable {
        public var source: String
        public var target: String
        /// The event type.
        public var type: String
        /// The number of events.
        public var weight: Int
        /// Their first and last days.
        public var firstDate: String?
        public var lastDate: String?
        /// The corpus event ids, in corpus order.
        public var events: [String]
    }

    /// A relation between two actors, or a link between two corpus events.
    public struct Relation: Hashable, Sendable, Codable {
        public var type: String
        public var source: String
        public var target: String
        public var origin: ArticleGraph.RelationNode.Origin
        public var title: String?
        /// The documents it was found in, in corpus order.
        public var documents: [String]
    }

    /// Always ``schemaVersion``.
    public var schema: String
    /// The documents, in the order they were merged.
    public var documents: [Document]
    /// Actors in order of first mention in the corpus.
    public var actors: [ActorNode]
    /// Events by document, then trigger order.
    public var events: [EventNode]
    /// Weighted edges between actors, by source, target and type.
    public var edges: [Edge]
    /// Relations between actors, then links between events.
    public var relations: [Relation]

    /// Look-ups for the queries, derived from the fields above.
    let index: Index

    private enum CodingKeys: String, CodingKey {
        case schema, documents, actors, events, edges, relations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        documents = try container.decode([Document].self, forKey: .documents)
        actors = try container.decode([ActorNode].self, forKey: .actors)
        events = try container.decode([EventNode].self, forKey: .events)
        edges = try container.decode([Edge].self, forKey: .edges)
        relations = try container.decode([Relation].self, forKey: .relations)
        index = Index(actors: actors, events: events)
    }

    init(documents: [Document], actors: [ActorNode], events: [EventNode], edges: [Edge], relations: [Relation]) {
        schema = Self.schemaVersion
        self.documents = documents
        self.actors = actors
        self.events = events
        self.edges = edges
        self.relations = relations
        index = Index(actors: actors, events: events)
    }

    public static func == (lhs: CorpusGraph, rhs: CorpusGraph) -> Bool {
        (lhs.schema, lhs.documents, lhs.actors, lhs.events, lhs.edges, lhs.relations)
            == (rhs.schema, rhs.documents, rhs.actors, rhs.events, rhs.edges, rhs.relations)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(documents)
        hasher.combine(actors)
        hasher.combine(events)
    }

    /// Positions of actors by id and of events by actor.
    struct Index: Sendable {
        let actorByID: [String: Int]
        let eventsByActor: [String: [Int]]

        init(actors: [ActorNode], events: [EventNode]) {
            actorByID = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            var eventsByActor: [String: [Int]] = [:]
            for (position, event) in events.enumerated() {
                for actor in Set(event.roles.map(\.actor)) { eventsByActor[actor, default: []].append(position) }
            }
            self.eventsByActor = eventsByActor
        }
    }
}
