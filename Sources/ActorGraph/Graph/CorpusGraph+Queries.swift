extension CorpusGraph {
    /// An actor linked to another by events, with how many events of each type link them.
    public struct Neighbor: Hashable, Sendable {
        /// The linked actor's id.
        public var actor: String
        /// The number of events that link the two, either way.
        public var weight: Int
        /// That number by event type.
        public var types: [String: Int]
    }

    /// The actor with `id`, if the corpus has it.
    public func actor(_ id: String) -> ActorNode? {
        index.actorByID[id].map { actors[$0] }
    }

    /// The events in which actor `id` fills any role, in corpus order, dated
    /// within `from ... to` when either bound is given (undated events are then left out).
    public func events(of id: String, from: Day? = nil, to: Day? = nil) -> [EventNode] {
        (index.eventsByActor[id] ?? []).map { events[$0] }.filter { Self.isDated($0, from: from, to: to) }
    }

    /// The events in which both actors fill roles, in corpus order, dated within `from ... to` when given.
    public func events(between first: String, and second: String, from: Day? = nil, to: Day? = nil) -> [EventNode] {
        events(of: first, from: from, to: to).filter { event in event.roles.contains { $0.actor == second } && first != second }
    }

    /// All events dated within `from ... to`, in corpus order.
    public func events(from: Day? = nil, to: Day? = nil) -> [EventNode] {
        events.filter { Self.isDated($0, from: from, to: to) }
    }

    /// The actors joined to actor `id` by edges in either direction, heaviest first, then by id.
    public func actors(linkedTo id: String) -> [Neighbor] {
        var byActor: [String: [String: Int]] = [:]
        for edge in edges where edge.source == id || edge.target == id {
            let other = edge.source == id ? edge.target : edge.source
            byActor[other, default: [:]][edge.type, default: 0] += edge.weight
        }
        return byActor.map { Neighbor(actor: $0.key, weight: $0.value.values.reduce(0, +), types: $0.value) }
            .sorted { ($0.weight, $1.actor) > ($1.weight, $0.actor) }
    }

    private static func isDated(_ event: EventNode, from: Day?, to: Day?) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let text = event.date, let day = try? Day(iso: text) else { return false }
        return from.map { $0 <= day } ?? true && to.map { day <= $0 } ?? true
    }
}
