extension ArticleGraph {
    /// Assembles the graph of a document from the pipeline's outputs,
    /// converting token spans to Unicode scalar offsets.
    init(id: String?, date: Day?, text: TokenizedText, gazetteer: Gazetteer, actors: [Actor],
         events: [Event], links: [EventLink], relations textRelations: [TextRelation]) {
        // The scalar count through the text's index of scalar offsets, not a walk over the whole text.
        let length = text.scalarOffset(ofUTF8: text.text.utf8.count)
        // The text's bytes, when it has them in one piece: a span's text is decoded from them, which costs
        // less than slicing the string, which checks that the span starts and ends on scalars, and copying the slice.
        let nodes = text.text.utf8.withContiguousStorageIfAvailable { bytes in
            Self.nodes(text: text, bytes: bytes, actors: actors, events: events, relations: textRelations)
        } ?? Self.nodes(text: text, bytes: nil, actors: actors, events: events, relations: textRelations)
        schema = Self.schemaVersion
        document = Document(id: id, date: date?.description, length: length)
        self.actors = nodes.actors
        self.events = nodes.events
        var relations: [RelationNode] = []
        // The actors' ids are hashed only when some actor has a relation or an office to look for.
        var presentIDs: Set<Entity.ID>?
        func isPresent(_ id: Entity.ID) -> Bool {
            if presentIDs == nil { presentIDs = Set(actors.map(\.id)) }
            return presentIDs?.contains(id) ?? false
        }
        // Actors and entities read in place: a copy of either retains every field.
        for index in actors.indices {
            let source = actors[index].id
            guard let entity = gazetteer.index(of: source) else { continue }
            for relation in gazetteer.entities.relations(at: entity) where isPresent(relation.target) {
                relations.append(RelationNode(type: relation.type, source: source.rawValue, target: relation.target.rawValue, origin: .gazetteer))
            }
            for role in actors[index].roles {
                guard let office = role.of, isPresent(office) else { continue }
                relations.append(RelationNode(type: "holds-role", source: source.rawValue, target: office.rawValue, origin: .gazetteer, title: role.title))
            }
        }
        relations += nodes.relations
        for link in links {
            relations.append(RelationNode(type: link.type, source: link.source, target: link.target, origin: .text,
                                          sentence: link.sentence, rule: link.rule))
        }
        self.relations = relations
    }

    /// The nodes of the actors, events and text relations, their spans' texts decoded from `bytes`
    /// (the text's UTF-8) when given, else sliced from the text.
    private static func nodes(text: TokenizedText, bytes: UnsafeBufferPointer<UInt8>?, actors: [Actor], events: [Event],
                              relations textRelations: [TextRelation]) -> (actors: [ActorNode], events: [EventNode], relations: [RelationNode]) {
        func scalars(_ tokens: Range<Int>) -> (start: Int, end: Int, text: String) {
            let utf8 = text.utf8Range(ofTokens: tokens)
            // Token ranges start and end on scalars, so the bytes decode without repair.
            let string = bytes.map { String(decoding: UnsafeBufferPointer(rebasing: $0[utf8]), as: UTF8.self) }
                ?? String(text.string(ofTokens: tokens))
            return (text.scalarOffset(ofUTF8: utf8.lowerBound), text.scalarOffset(ofUTF8: utf8.upperBound), string)
        }
        let actorNodes = actors.map { actor in
            ActorNode(
                id: actor.id.rawValue, name: actor.name, type: actor.type, subtype: actor.subtype, country: actor.country,
                origin: actor.origin, ids: actor.externalIDs.isEmpty ? nil : actor.externalIDs,
                roles: actor.roles.isEmpty ? nil : actor.roles.map {
                    RoleNode(title: $0.title, of: $0.of?.rawValue, from: $0.from?.description, to: $0.to?.description)
                },
                mentions: actor.mentions.map { mention in
                    let span = scalars(mention.tokens)
                    return MentionNode(start: span.start, end: span.end, text: span.text, sentence: mention.sentence, via: mention.via, rule: mention.rule)
                },
                sector: actor.sector)
        }
        let eventNodes = events.map { event in
            let trigger = scalars(event.trigger)
            return EventNode(
                id: event.id, type: event.type.name, plover: event.type.plover, cameo: event.type.cameo,
                trigger: Span(start: trigger.start, end: trigger.end, text: trigger.text, sentence: event.sentence),
                roles: event.arguments.map { argument in
                    let span = scalars(argument.tokens)
                    return ArgumentNode(role: argument.role, actor: argument.actor.rawValue, start: span.start, end: span.end, sector: argument.sector)
                },
                factuality: event.factuality,
                time: event.time.map { time in
                    let span = scalars(time.tokens)
                    return TimeNode(text: span.text, start: span.start, end: span.end, value: time.value)
                },
                attributedTo: event.attributedTo?.rawValue,
                retellings: event.retellings.isEmpty ? nil : event.retellings.map { retelling in
                    let span = scalars(retelling.tokens)
                    return Span(start: span.start, end: span.end, text: span.text, sentence: retelling.sentence)
                },
                rule: event.rule, confidence: event.confidence)
        }
        let relationNodes = textRelations.map { relation in
            let span = scalars(relation.tokens)
            return RelationNode(type: relation.type, source: relation.source.rawValue, target: relation.target.rawValue,
                                origin: .text, sentence: relation.sentence, start: span.start, end: span.end,
                                text: span.text, rule: relation.rule)
        }
        return (actorNodes, eventNodes, relationNodes)
    }
}
