extension CorpusGraph {
    /// Merges the graphs of documents, in the order given.
    ///
    /// Actors with the same id become one actor; events keep their document
    /// and are renamed `document#event`; every pair of a source and another
    /// actor of an event adds one to the weight of their edge of that event
    /// type. A document without an id is called `document-N` (its 1-based
    /// position).
    ///
    /// - Throws: ``ActorGraphError`` with code `duplicateDocument` when two
    ///   documents have the same id, since their events could not be told apart.
    public init(merging graphs: [ArticleGraph]) throws {
        var builder = Builder()
        for graph in graphs { try builder.add(graph) }
        self = builder.corpus()
    }

    /// The corpus of one document, for exports that draw corpus graphs.
    public init(_ graph: ArticleGraph) {
        var builder = Builder()
        builder.add(graph, id: graph.document.id ?? "document-1")
        self = builder.corpus()
    }
}

extension CorpusGraph {
    /// Merges documents one at a time, so that a corpus of any size is merged
    /// without holding every document's graph: ``CorpusGraph/init(merging:)``
    /// in steps.
    public struct Builder: Sendable {
        private var documents: [CorpusGraph.Document] = []
        private var documentPosition: [String: Int] = [:]
        private var actors: [CorpusGraph.ActorNode] = []
        private var actorPosition: [String: Int] = [:]
        private var events: [CorpusGraph.EventNode] = []
        private var edges: [CorpusGraph.Edge] = []
        private var edgePosition: [EdgeKey: Int] = [:]
        private var relations: [CorpusGraph.Relation] = []
        private var relationPosition: [RelationKey: Int] = [:]

        private struct EdgeKey: Hashable { let source, target, type: String }
        private struct RelationKey: Hashable {
            let type, source, target: String
            let origin: ArticleGraph.RelationNode.Origin
            let title: String?
        }

        public init() {}

        /// The number of documents added so far.
        public var count: Int { documents.count }

        /// Whether a document called `id` was added.
        public func contains(document id: String) -> Bool { documentPosition[id] != nil }

        /// Adds the graph of the next document.
        ///
        /// - Throws: ``ActorGraphError`` with code `duplicateDocument` when a
        ///   document with the same id was added before; the builder is unchanged.
        public mutating func add(_ graph: ArticleGraph) throws {
            let id = graph.document.id ?? "document-\(documents.count + 1)"
            if let earlier = documentPosition[id] {
                throw ActorGraphError(.duplicateDocument,
                                      "Documents \(earlier + 1) and \(documents.count + 1) are both called \"\(id)\"; give every document its own id.")
            }
            add(graph, id: id)
        }

        fileprivate mutating func add(_ graph: ArticleGraph, id document: String) {
            documentPosition[document] = documents.count
            let date = graph.document.date
            documents.append(.init(id: document, date: date, length: graph.document.length,
                                   actors: graph.actors.count, events: graph.events.count))
            for actor in graph.actors { merge(actor, document: document, date: date) }

            let eventIDs = Set(graph.events.map(\.id))
            func corpusID(_ event: String) -> String { "\(document)#\(event)" }
            for event in graph.events {
                let eventDate = event.time?.value.flatMap { (try? Day(iso: $0))?.description } ?? date
                let node = CorpusGraph.EventNode(
                    id: corpusID(event.id), document: document, date: eventDate, time: event.time?.value,
                    type: event.type, plover: event.plover, cameo: event.cameo, factuality: event.factuality,
                    trigger: event.trigger.text, sentence: event.trigger.sentence,
                    roles: event.roles.map { .init(role: $0.role, actor: $0.actor) },
                    attributedTo: event.attributedTo, rule: event.rule, confidence: event.confidence)
                events.append(node)
                for participant in Self.uniqueParticipants(node) {
                    guard let position = actorPosition[participant.actor] else { continue }
                    actors[position].timeline.append(.init(date: eventDate, document: document, event: node.id,
                                                           type: node.type, role: participant.role))
                }
                addEdges(of: node)
            }
            for relation in graph.relations {
                let isLink = eventIDs.contains(relation.source)
                let source = isLink ? corpusID(relation.source) : relation.source
                let target = isLink ? corpusID(relation.target) : relation.target
                let key = RelationKey(type: relation.type, source: source, target: target, origin: relation.origin, title: relation.title)
                if let position = relationPosition[key] {
                    if relations[position].documents.last != document { relations[position].documents.append(document) }
                } else {
                    relationPosition[key] = relations.count
                    relations.append(.init(type: relation.type, source: source, target: target, origin: relation.origin,
                                           title: relation.title, documents: [document]))
                }
            }
        }

        /// Each actor of an event once, in its first role.
        private static func uniqueParticipants(_ event: CorpusGraph.EventNode) -> [CorpusGraph.Participant] {
            var seen = Set<String>()
            return event.roles.filter { seen.insert($0.actor).inserted }
        }

        private mutating func merge(_ actor: ArticleGraph.ActorNode, document: String, date: String?) {
            guard let position = actorPosition[actor.id] else {
                actorPosition[actor.id] = actors.count
                actors.append(.init(id: actor.id, name: actor.name, type: actor.type, subtype: actor.subtype, country: actor.country,
                                    origin: actor.origin, ids: actor.ids, sector: actor.sector, roles: actor.roles,
                                    mentions: actor.mentions.count, documents: [document], firstDate: date, lastDate: date, timeline: []))
                return
            }
            var merged = actors[position]
            merged.mentions += actor.mentions.count
            merged.documents.append(document)
            if let date {
                if merged.firstDate.map({ date < $0 }) ?? true { merged.firstDate = date }
                if merged.lastDate.map({ date > $0 }) ?? true { merged.lastDate = date }
            }
            // A gazetteer actor is the same entity everywhere; fill what an earlier document left unknown.
            merged.subtype = merged.subtype ?? actor.subtype
            merged.country = merged.country ?? actor.country
            merged.sector = merged.sector ?? actor.sector
            if let ids = actor.ids { merged.ids = (merged.ids ?? [:]).merging(ids) { first, _ in first } }
            for role in actor.roles ?? [] where !(merged.roles ?? []).contains(role) {
                merged.roles = (merged.roles ?? []) + [role]
            }
            actors[position] = merged
        }

        private mutating func addEdges(of event: CorpusGraph.EventNode) {
            let sources = Self.ordered(event.roles.filter { $0.role == .source }.map(\.actor))
            let others = Self.ordered(event.roles.filter { $0.role != .source }.map(\.actor))
            for source in sources {
                for target in others where target != source {
                    let key = EdgeKey(source: source, target: target, type: event.type)
                    if let position = edgePosition[key] {
                        edges[position].weight += 1
                        edges[position].events.append(event.id)
                        if let date = event.date {
                            if edges[position].firstDate.map({ date < $0 }) ?? true { edges[position].firstDate = date }
                            if edges[position].lastDate.map({ date > $0 }) ?? true { edges[position].lastDate = date }
                        }
                    } else {
                        edgePosition[key] = edges.count
                        edges.append(.init(source: source, target: target, type: event.type, weight: 1,
                                           firstDate: event.date, lastDate: event.date, events: [event.id]))
                    }
                }
            }
        }

        /// The distinct values in first-seen order.
        private static func ordered(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }
        }

        /// The corpus graph of the documents added so far.
        public func corpus() -> CorpusGraph {
            var actors = self.actors
            let documentOrder = documentPosition
            for position in actors.indices {
                // By day; undated entries after dated ones; then corpus order, which `sorted` keeps for ties.
                actors[position].timeline = actors[position].timeline.enumerated().sorted { lhs, rhs in
                    switch (lhs.element.date, rhs.element.date) {
                    case let (l?, r?) where l != r: return l < r
                    case (.some, nil): return true
                    case (nil, .some): return false
                    default:
                        let (ld, rd) = (documentOrder[lhs.element.document] ?? 0, documentOrder[rhs.element.document] ?? 0)
                        return ld != rd ? ld < rd : lhs.offset < rhs.offset
                    }
                }.map(\.element)
            }
            return CorpusGraph(documents: documents, actors: actors, events: events, edges: edges, relations: relations)
        }
    }
}
