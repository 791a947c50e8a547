import Foundation

extension PLOVERRecord {
    /// The record as one line of JSON: keys sorted, slashes unescaped, no line break.
    ///
    /// The bytes are those `JSONEncoder` writes for the record with `.sortedKeys` and `.withoutEscapingSlashes`.
    public func jsonData() throws -> Data {
        var writer = JSONWriter(pretty: false)
        try writer.write(self)
        return Data(writer.bytes)
    }

    /// `records` as JSON Lines: one record per line, each line ending in a line feed.
    public static func jsonLines(_ records: [PLOVERRecord]) throws -> Data {
        var writer = JSONWriter(pretty: false)
        for record in records {
            try writer.write(record)
            writer.lineFeed()
        }
        return Data(writer.bytes)
    }
}

/// Each object's members in the encoder's order: bytewise by their JSON key.
extension JSONWriter {
    mutating func write(_ record: PLOVERRecord) throws {
        try object { writer in
            if let attributedTo = record.attributedTo {
                writer.key("attributed_to")
                writer.write(attributedTo)
            }
            writer.member("cameo", record.cameo)
            writer.member("coder", record.coder)
            writer.key("confidence")
            try writer.double(record.confidence)
            writer.member("context", record.context)
            writer.member("date", record.date)
            writer.member("date_basis", record.dateBasis)
            writer.member("event", record.event)
            writer.member("event_id", record.eventID)
            writer.member("event_text", record.eventText)
            writer.member("event_type", record.eventType)
            writer.member("factuality", record.factuality)
            writer.member("id", record.id)
            writer.member("mode", record.mode)
            writer.member("publication_date", record.publicationDate)
            writer.member("quad_code", record.quadCode)
            writer.key("recipient")
            writer.array(record.recipient) { $0.write($1) }
            writer.member("rule", record.rule)
            writer.key("source")
            writer.array(record.source) { $0.write($1) }
            writer.member("story_id", record.storyID)
            writer.key("text_info")
            writer.object { writer in
                writer.member("end", record.textInfo.end)
                writer.member("sequence", record.textInfo.sequence)
                writer.member("start", record.textInfo.start)
            }
            if let time = record.timeExpression {
                writer.key("time_expression")
                writer.write(time)
            }
            writer.key("trigger")
            writer.write(record.trigger)
        }
    }

    private mutating func write(_ actor: PLOVERRecord.ActorObject) {
        object { writer in
            writer.member("actor_text", actor.actorText)
            writer.member("actor_type", actor.actorType)
            writer.member("code", actor.code)
            writer.member("end", actor.end)
            writer.member("identifier_id", actor.identifierID)
            writer.member("identifier_text", actor.identifierText)
            writer.member("sector", actor.sector)
            writer.member("start", actor.start)
            writer.member("wikidata", actor.wikidata)
        }
    }

    private mutating func write(_ span: PLOVERRecord.TextSpan) {
        object { writer in
            writer.member("end", span.end)
            writer.member("start", span.start)
            writer.member("text", span.text)
            writer.member("value", span.value)
        }
    }
}
