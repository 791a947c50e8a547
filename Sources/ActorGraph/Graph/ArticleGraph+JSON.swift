import Foundation

extension ArticleGraph {
    /// The graph as JSON: keys sorted, slashes unescaped, so the same graph is always the same bytes.
    ///
    /// The bytes are those `JSONEncoder` writes for the graph with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`), written several times faster.
    /// - Parameter pretty: Indented (for `--format json`) or one line (for JSON Lines).
    public func jsonData(pretty: Bool = true) throws -> Data {
        var writer = JSONWriter(pretty: pretty)
        try writer.write(self)
        return Data(writer.bytes)
    }

    /// Several graphs as one JSON array, as `JSONEncoder` writes `[ArticleGraph]`.
    package static func jsonData(of graphs: [ArticleGraph], pretty: Bool = true) throws -> Data {
        var writer = JSONWriter(pretty: pretty)
        try writer.array(graphs) { try $0.write($1) }
        return Data(writer.bytes)
    }
}

/// Each node's members in the encoder's order: bytewise by key.
extension JSONWriter {
    mutating func write(_ graph: ArticleGraph) throws {
        try object { writer in
            writer.key("actors")
            writer.array(graph.actors) { $0.write($1) }
            writer.key("document")
            writer.object { writer in
                writer.member("date", graph.document.date)
                writer.member("id", graph.document.id)
                writer.member("length", graph.document.length)
            }
            writer.key("events")
            try writer.array(graph.events) { try $0.write($1) }
            writer.key("relations")
            writer.array(graph.relations) { $0.write($1) }
            writer.member("schema", graph.schema)
        }
    }

    private mutating func write(_ actor: ArticleGraph.ActorNode) {
        object { writer in
            writer.member("country", actor.country)
            writer.member("id", actor.id)
            writer.member("ids", actor.ids)
            writer.key("mentions")
            writer.array(actor.mentions) { writer, mention in
                writer.object { writer in
                    writer.member("end", mention.end)
                    writer.member("rule", mention.rule)
                    writer.member("sentence", mention.sentence)
                    writer.member("start", mention.start)
                    writer.member("text", mention.text)
                    writer.member("via", mention.via)
                }
            }
            writer.member("name", actor.name)
            writer.member("origin", actor.origin)
            writer.member("roles", actor.roles)
            writer.member("sector", actor.sector)
            writer.member("subtype", actor.subtype)
            writer.member("type", actor.type)
        }
    }

    private mutating func write(_ event: ArticleGraph.EventNode) throws {
        try object { writer in
            writer.member("attributedTo", event.attributedTo)
            writer.member("cameo", event.cameo)
            writer.key("confidence")
            try writer.double(event.confidence)
            writer.member("factuality", event.factuality)
            writer.member("id", event.id)
            writer.member("plover", event.plover)
            if let retellings = event.retellings {
                writer.key("retellings")
                writer.array(retellings) { $0.write($1) }
            }
            writer.key("roles")
            writer.array(event.roles) { writer, argument in
                writer.object { writer in
                    writer.member("actor", argument.actor)
                    writer.member("end", argument.end)
                    writer.member("role", argument.role)
                    writer.member("sector", argument.sector)
                    writer.member("start", argument.start)
                }
            }
            writer.member("rule", event.rule)
            if let time = event.time {
                writer.key("time")
                writer.object { writer in
                    writer.member("end", time.end)
                    writer.member("start", time.start)
                    writer.member("text", time.text)
                    writer.member("value", time.value)
                }
            }
            writer.key("trigger")
            writer.write(event.trigger)
            writer.member("type", event.type)
        }
    }

    private mutating func write(_ span: ArticleGraph.Span) {
        object { writer in
            writer.member("end", span.end)
            writer.member("sentence", span.sentence)
            writer.member("start", span.start)
            writer.member("text", span.text)
        }
    }

    private mutating func write(_ relation: ArticleGraph.RelationNode) {
        object { writer in
            writer.member("end", relation.end)
            writer.member("origin", relation.origin)
            writer.member("rule", relation.rule)
            writer.member("sentence", relation.sentence)
            writer.member("source", relation.source)
            writer.member("start", relation.start)
            writer.member("target", relation.target)
            writer.member("text", relation.text)
            writer.member("title", relation.title)
            writer.member("type", relation.type)
        }
    }

    /// An actor's roles, which corpus graphs write too.
    mutating func member(_ name: StaticString, _ roles: [ArticleGraph.RoleNode]?) {
        guard let roles else { return }
        key(name)
        array(roles) { writer, role in
            writer.object { writer in
                writer.member("from", role.from)
                writer.member("of", role.of)
                writer.member("title", role.title)
                writer.member("to", role.to)
            }
        }
    }

    /// An actor's ids by scheme, keys sorted bytewise as the encoder sorts a dictionary's.
    mutating func member(_ name: StaticString, _ ids: [String: String]?) {
        guard let ids else { return }
        key(name)
        object { writer in
            for (scheme, id) in ids.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                writer.key(scheme)
                writer.string(id)
            }
        }
    }
}
