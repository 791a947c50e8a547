extension SourceText {
    /// Checks that `graph` was extracted from this text, so that an export
    /// which shows the text beside the graph cannot show the wrong words.
    ///
    /// Every span must lie in the text and read there as the graph says,
    /// every sentence index must be one of ``sentences``, and every role,
    /// attribution and relation must name an actor or event of the graph.
    /// - Throws: ``ActorGraphError`` with code `graphTextMismatch`, naming the first span or reference that does not fit.
    func check(_ graph: ArticleGraph) throws {
        let document = graph.document.id.map { "Document '\($0)'" } ?? "The document"
        func fail(_ problem: String) -> ActorGraphError {
            ActorGraphError(.graphTextMismatch, "\(document): \(problem); pass the SourceText of the exact text the graph was extracted from.")
        }
        guard graph.document.length == length else {
            throw fail("the graph counts \(graph.document.length) scalars but the text has \(length)")
        }
        func checkSpan(_ start: Int, _ end: Int, _ text: String?, _ what: String) throws {
            guard 0 <= start, start <= end, end <= length else {
                throw fail("\(what) at \(start)..<\(end) lies outside the text")
            }
            if let text, slice(start ..< end) != text {
                throw fail("\(what) '\(text)' at \(start)..<\(end) reads '\(slice(start ..< end))' in the text")
            }
        }
        func checkSentence(_ index: Int, _ what: String) throws {
            guard sentences.indices.contains(index) else {
                throw fail("\(what) is in sentence \(index) but the text has \(sentences.count) sentences")
            }
        }
        let actorIDs = Set(graph.actors.map(\.id))
        let eventIDs = Set(graph.events.map(\.id))
        for actor in graph.actors {
            for mention in actor.mentions {
                try checkSpan(mention.start, mention.end, mention.text, "the mention of '\(actor.id)'")
                try checkSentence(mention.sentence, "the mention '\(mention.text)' of '\(actor.id)'")
            }
        }
        for event in graph.events {
            try checkSpan(event.trigger.start, event.trigger.end, event.trigger.text, "the trigger of event '\(event.id)'")
            try checkSentence(event.trigger.sentence, "the trigger of event '\(event.id)'")
            for role in event.roles {
                guard actorIDs.contains(role.actor) else {
                    throw fail("the \(role.role.rawValue) of event '\(event.id)' is '\(role.actor)', which is not an actor of the graph")
                }
                try checkSpan(role.start, role.end, nil, "the \(role.role.rawValue) of event '\(event.id)'")
            }
            if let time = event.time { try checkSpan(time.start, time.end, time.text, "the time of event '\(event.id)'") }
            if let speaker = event.attributedTo, !actorIDs.contains(speaker) {
                throw fail("event '\(event.id)' is attributed to '\(speaker)', which is not an actor of the graph")
            }
        }
        for relation in graph.relations {
            let betweenActors = actorIDs.contains(relation.source) && actorIDs.contains(relation.target)
            let betweenEvents = eventIDs.contains(relation.source) && eventIDs.contains(relation.target)
            guard betweenActors || betweenEvents else {
                throw fail("the \(relation.type) relation from '\(relation.source)' to '\(relation.target)' names an actor or event the graph does not have")
            }
            if let start = relation.start, let end = relation.end {
                try checkSpan(start, end, relation.text, "the phrase of the \(relation.type) relation")
            }
        }
    }
}

extension ArticleGraph {
    /// The relation types that link two events rather than two actors.
    static let eventLinkTypes: Set<String> = ["denies", "investigates", "reports", "responds-to"]

    /// Whether `relation` links two events (a denial to the claim it denies) rather than two actors.
    ///
    /// Decided by which ids the ends are; an id that is both an actor's and
    /// an event's is decided by the relation type.
    func linksEvents(_ relation: RelationNode) -> Bool {
        let eventEnds = events.contains { $0.id == relation.source } && events.contains { $0.id == relation.target }
        let actorEnds = actors.contains { $0.id == relation.source } && actors.contains { $0.id == relation.target }
        if eventEnds != actorEnds { return eventEnds }
        return Self.eventLinkTypes.contains(relation.type)
    }
}
