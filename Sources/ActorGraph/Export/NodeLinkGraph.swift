/// A graph as plain nodes and links with attributes: the shape that the DOT,
/// GraphML, SVG and Neo4j writers draw from.
///
/// An article's graph has its actors and its events as nodes; each role is a
/// link between an event and an actor (from the source actor into the event,
/// from the event out to every other role), so the graph reads "who → did
/// what → to whom". A corpus graph has actors only, joined by one link per
/// source, target and event type that carries the number of events as its
/// weight. Both add the relations between actors, and an article's graph the
/// links between its events.
public struct NodeLinkGraph: Hashable, Sendable {
    /// An attribute value; its kind decides the declared type in GraphML and Neo4j.
    public enum Value: Hashable, Sendable, CustomStringConvertible {
        case string(String)
        case int(Int)
        case double(Double)

        /// The value as text, as GraphML data, tooltips and CSV fields write it.
        public var description: String {
            switch self {
            case .string(let string): string
            case .int(let int): String(int)
            case .double(let double): String(double)
            }
        }
    }

    /// A named value of a node or link.
    public struct Attribute: Hashable, Sendable {
        public var key: String
        public var value: Value
    }

    /// What a node stands for.
    public enum NodeKind: String, Hashable, Sendable { case actor, event }

    /// What a link stands for.
    public enum LinkKind: String, Hashable, Sendable {
        /// An actor filling a role of an event.
        case role
        /// A relation between two actors (`member-of`, `holds-role`, …).
        case relation
        /// A link between two events (`denies`, `reports`, …).
        case eventLink = "event-link"
        /// Events of one type from a source actor to another actor, weighted by their number.
        case interaction
    }

    public struct Node: Hashable, Sendable {
        public var id: String
        public var kind: NodeKind
        /// The name of an actor, the type and trigger of an event.
        public var label: String
        /// The actor's type, for actors.
        public var actorType: ActorType?
        public var attributes: [Attribute]
    }

    public struct Link: Hashable, Sendable {
        public var source: String
        public var target: String
        public var kind: LinkKind
        /// The role, relation or event type.
        public var label: String
        /// The number of events an interaction stands for; 1 otherwise.
        public var weight: Int
        public var attributes: [Attribute]
    }

    /// Nodes in a stable order: actors as the graph lists them, then events.
    public var nodes: [Node]
    /// Links in a stable order.
    public var links: [Link]

    /// The actors and events of one document, with roles as links.
    public init(_ graph: ArticleGraph) {
        nodes = graph.actors.map { actor in
            Node(id: actor.id, kind: .actor, label: actor.name, actorType: actor.type, attributes: Self.attributes([
                ("type", .string(actor.type.rawValue)), ("subtype", actor.subtype.map(Value.string)),
                ("country", actor.country.map(Value.string)), ("origin", .string(actor.origin.rawValue)),
                ("sector", actor.sector.map(Value.string)), ("mentions", .int(actor.mentions.count)),
            ]))
        }
        nodes += graph.events.map { event in
            Node(id: event.id, kind: .event, label: "\(event.type): \(event.trigger.text)", actorType: nil, attributes: Self.attributes([
                ("type", .string(event.type)), ("plover", event.plover.map(Value.string)), ("cameo", event.cameo.map(Value.string)),
                ("factuality", .string(event.factuality.rawValue)), ("trigger", .string(event.trigger.text)),
                ("sentence", .int(event.trigger.sentence)), ("time", event.time?.value.map(Value.string)),
                ("document", graph.document.id.map(Value.string)), ("date", graph.document.date.map(Value.string)),
                ("confidence", .double(event.confidence)), ("rule", .string(event.rule)),
            ]))
        }
        links = graph.events.flatMap { event in
            var seen = Set<String>()
            return event.roles.filter { seen.insert("\($0.role.rawValue) \($0.actor)").inserted }.map { role in
                let attributes = Self.attributes([("role", .string(role.role.rawValue))])
                return role.role == .source
                    ? Link(source: role.actor, target: event.id, kind: .role, label: role.role.rawValue, weight: 1, attributes: attributes)
                    : Link(source: event.id, target: role.actor, kind: .role, label: role.role.rawValue, weight: 1, attributes: attributes)
            }
        }
        let eventIDs = Set(graph.events.map(\.id))
        links += graph.relations.map { relation in
            Link(source: relation.source, target: relation.target,
                 kind: eventIDs.contains(relation.source) ? .eventLink : .relation, label: relation.type, weight: 1,
                 attributes: Self.attributes([("origin", .string(relation.origin.rawValue)), ("title", relation.title.map(Value.string))]))
        }
    }

    /// The actors of a corpus, with weighted interactions and relations as links.
    public init(_ corpus: CorpusGraph) {
        nodes = corpus.actors.map { actor in
            Node(id: actor.id, kind: .actor, label: actor.name, actorType: actor.type, attributes: Self.attributes([
                ("type", .string(actor.type.rawValue)), ("subtype", actor.subtype.map(Value.string)),
                ("country", actor.country.map(Value.string)), ("origin", .string(actor.origin.rawValue)),
                ("sector", actor.sector.map(Value.string)), ("mentions", .int(actor.mentions)),
                ("documents", .int(actor.documents.count)), ("events", .int(actor.timeline.count)),
                ("firstDate", actor.firstDate.map(Value.string)), ("lastDate", actor.lastDate.map(Value.string)),
            ]))
        }
        links = corpus.edges.map { edge in
            Link(source: edge.source, target: edge.target, kind: .interaction, label: edge.type, weight: edge.weight,
                 attributes: Self.attributes([("firstDate", edge.firstDate.map(Value.string)), ("lastDate", edge.lastDate.map(Value.string))]))
        }
        let actorIDs = Set(corpus.actors.map(\.id))
        links += corpus.relations.filter { actorIDs.contains($0.source) && actorIDs.contains($0.target) }.map { relation in
            Link(source: relation.source, target: relation.target, kind: .relation, label: relation.type, weight: 1,
                 attributes: Self.attributes([("origin", .string(relation.origin.rawValue)), ("title", relation.title.map(Value.string)),
                                              ("documents", .int(relation.documents.count))]))
        }
    }

    /// The graph of only the nodes with the given ids, and the links between them.
    public func restricted(to ids: Set<String>) -> NodeLinkGraph {
        var graph = self
        graph.nodes = nodes.filter { ids.contains($0.id) }
        graph.links = links.filter { ids.contains($0.source) && ids.contains($0.target) }
        return graph
    }

    /// The attributes that have a value, in the order given.
    private static func attributes(_ pairs: [(String, Value?)]) -> [Attribute] {
        pairs.compactMap { key, value in value.map { Attribute(key: key, value: $0) } }
    }
}
