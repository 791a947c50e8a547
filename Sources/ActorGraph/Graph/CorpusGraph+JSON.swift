import Foundation

extension CorpusGraph {
    /// The corpus graph as JSON: keys sorted, slashes unescaped, so the same corpus is always the same bytes.
    ///
    /// The bytes are those `JSONEncoder` writes for the corpus graph with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`).
    public func jsonData(pretty: Bool = true) throws -> Data {
        var writer = JSONWriter(pretty: pretty)
        try writer.write(self)
        return Data(writer.bytes)
    }
}

/// Each node's members in the encoder's order: bytewise by key.
extension JSONWriter {
    mutating func write(_ corpus: CorpusGraph) throws {
        try object { writer in
            writer.key("actors")
            writer.array(corpus.actors) { $0.write($1) }
            writer.key("documents")
            writer.array(corpus.documents) { writer, document in
                writer.object { writer in
                    writer.member("actors", document.actors)
                    writer.member("date", document.date)
                    writer.member("events", document.events)
                    writer.member("id", document.id)
                    writer.member("length", document.length)
                }
            }
            writer.key("edges")
            writer.array(corpus.edges) { writer, edge in
                writer.object { writer in
                    writer.member("events", edge.events)
                    writer.member("firstDate", edge.firstDate)
                    writer.member("lastDate", edge.lastDate)
                    writer.member("source", edge.source)
                    writer.member("target", edge.target)
                    writer.member("type", edge.type)
                    writer.member("weight", edge.weight)
                }
            }
            writer.key("events")
            try writer.array(corpus.events) { try $0.write($1) }
            writer.key("relations")
            writer.array(corpus.relations) { writer, relation in
                writer.object { writer in
                    writer.member("documents", relation.documents)
                    writer.member("origin", relation.origin)
                    writer.member("source", relation.source)
                    writer.member("target", relation.target)
                    writer.member("title", relation.title)
                    writer.member("type", relation.type)
                }
            }
            writer.member("schema", corpus.schema)
        }
    }

    private mutating func write(_ actor: CorpusGraph.ActorNode) {
        object { writer in
            writer.member("country", actor.country)
            writer.member("documents", actor.documents)
            writer.member("firstDate", actor.firstDate)
            writer.member("id", actor.id)
            writer.member("ids", actor.ids)
            writer.member("lastDate", actor.lastDate)
            writer.member("mentions", actor.mentions)
            writer.member("name", actor.name)
            writer.member("origin", actor.origin)
            writer.member("roles", actor.roles)
            writer.member("sector", actor.sector)
            writer.member("subtype", actor.subtype)
            writer.key("timeline")
            writer.array(actor.timeline) { writer, entry in
                writer.object { writer in
                    writer.member("date", entry.date)
                    writer.member("document", entry.document)
                    writer.member("event", entry.event)
                    writer.member("role", entry.role)
                    writer.member("type", entry.type)
                }
            }
            writer.member("type", actor.type)
        }
    }

    private mutating func write(_ event: CorpusGraph.EventNode) throws {
        try object { writer in
            writer.member("attributedTo", event.attributedTo)
            writer.member("cameo", event.cameo)
            writer.key("confidence")
            try writer.double(event.confidence)
            writer.member("date", event.date)
            writer.member("document", event.document)
            writer.member("factuality", event.factuality)
            writer.member("id", event.id)
            writer.member("plover", event.plover)
            writer.key("roles")
            writer.array(event.roles) { writer, participant in
                writer.object { writer in
                    writer.member("actor", participant.actor)
                    writer.member("role", participant.role)
                }
            }
            writer.member("rule", event.rule)
            writer.member("sentence", event.sentence)
            writer.member("time", event.time)
            writer.member("trigger", event.trigger)
            writer.member("type", event.type)
        }
    }
}
