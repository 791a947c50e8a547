import Foundation

/// A hand-checked annotation of one corpus article (`Tests/Corpus/README.md`).
public struct GoldDocument: Hashable, Sendable, Decodable {
    /// An actor the article names.
    public struct GoldActor: Hashable, Sendable, Decodable {
        /// The gazetteer id, or the discovered id (the name as a slug).
        public var id: String
        public var type: ActorType
        /// The text of each mention, once per occurrence.
        public var mentions: [String]

        public init(from decoder: any Decoder) throws {
            try GoldJSON.rejectUnknownKeys(decoder, known: ["id", "type", "mentions"])
            let container = try decoder.container(keyedBy: GoldJSON.Key.self)
            id = try container.decode(String.self, forKey: GoldJSON.Key("id"))
            type = try GoldJSON.decode(ActorType.self, "an actor type", from: container, forKey: "type")
            mentions = try container.decode([String].self, forKey: GoldJSON.Key("mentions"))
        }
    }

    /// One telling of an event.
    public struct GoldEvent: Hashable, Sendable, Decodable {
        /// The event type, from `events.rules`.
        public var type: String
        /// The trigger word or phrase as written.
        public var trigger: String
        /// Role → actor ids.
        public var roles: [EventRole: [String]]

        public init(from decoder: any Decoder) throws {
            try GoldJSON.rejectUnknownKeys(decoder, known: ["type", "trigger", "roles"])
            let container = try decoder.container(keyedBy: GoldJSON.Key.self)
            type = try container.decode(String.self, forKey: GoldJSON.Key("type"))
            trigger = try container.decode(String.self, forKey: GoldJSON.Key("trigger"))
            var roles: [EventRole: [String]] = [:]
            if container.contains(GoldJSON.Key("roles")) {
                let raw = try container.nestedContainer(keyedBy: GoldJSON.Key.self, forKey: GoldJSON.Key("roles"))
                for key in raw.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                    guard let role = EventRole(rawValue: key.stringValue) else {
                        throw GoldJSON.Problem(raw.codingPath + [key],
                            "unknown role; use one of: \(EventRole.allCases.map(\.rawValue).joined(separator: ", ")).", atKey: true)
                    }
                    roles[role] = try raw.decode(OneOrMany.self, forKey: key).values
                }
            }
            self.roles = roles
        }
    }

    /// A JSON string or array of strings.
    private struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one]; return }
            guard let many = try? container.decode([String].self) else {
                throw GoldJSON.Problem(decoder.codingPath, "expected an actor id or a list of actor ids; write \"id\" or [\"id\", …].")
            }
            values = many
        }
    }

    /// The publication date, `YYYY-MM-DD`.
    public var date: String?
    /// Every actor of the article.
    public var actors: [GoldActor]
    /// Every event told in the article.
    public var events: [GoldEvent]

    /// Decodes a gold document, checking that its date is a real day, that no
    /// actor is listed twice, and that every role names a listed actor.
    /// - Throws: `DecodingError`, or a `GoldJSON.Problem` naming the field.
    public init(from decoder: any Decoder) throws {
        try GoldJSON.rejectUnknownKeys(decoder, known: ["date", "actors", "events"])
        let container = try decoder.container(keyedBy: GoldJSON.Key.self)
        date = try container.decodeIfPresent(String.self, forKey: GoldJSON.Key("date"))
        try GoldJSON.checkDate(date, at: container.codingPath + [GoldJSON.Key("date")])
        actors = try container.decode([GoldActor].self, forKey: GoldJSON.Key("actors"))
        events = try container.decode([GoldEvent].self, forKey: GoldJSON.Key("events"))
        var listed: [String: Int] = [:]
        for (index, actor) in actors.enumerated() {
            if let first = listed[actor.id] {
                throw GoldJSON.Problem([GoldJSON.Key("actors"), GoldJSON.Key(index: index), GoldJSON.Key("id")],
                                       "\"\(actor.id)\" is listed already at actors[\(first)]; merge the two entries.")
            }
            listed[actor.id] = index
        }
        for (index, event) in events.enumerated() {
            for role in EventRole.allCases {
                guard let id = event.roles[role]?.first(where: { listed[$0] == nil }) else { continue }
                throw GoldJSON.Problem([GoldJSON.Key("events"), GoldJSON.Key(index: index), GoldJSON.Key("roles"), GoldJSON.Key(role.rawValue)],
                                       "\"\(id)\" is not an actor of this file; add it to \"actors\" or fix the id.")
            }
        }
    }

    /// Reads a gold file.
    /// - Parameters:
    ///   - url: The `NNN-slug.gold.json` file.
    ///   - eventTypes: The event types an event may have (those of the
    ///     extractor's rules), or `nil` to accept any name.
    /// - Throws: ``ActorGraphError``: `unreadableInput` for a file that cannot be
    ///   read; `malformedGold` for invalid JSON, a missing, unknown or
    ///   wrongly typed key, an impossible date, an actor listed twice, a role
    ///   naming no listed actor or an unknown event type, naming the file,
    ///   the line and column, and the field (`"events[2].type"`).
    public static func load(_ url: URL, eventTypes: Set<String>? = nil) throws -> GoldDocument {
        let json = try GoldJSON(contentsOf: url)
        let gold = try json.decode(GoldDocument.self)
        if let eventTypes {
            for (index, event) in gold.events.enumerated() where !eventTypes.contains(event.type) {
                throw json.error(GoldJSON.Problem([GoldJSON.Key("events"), GoldJSON.Key(index: index), GoldJSON.Key("type")],
                    "\"\(event.type)\" is not an event type of the rules; use one of: \(eventTypes.sorted().joined(separator: ", ")).", atKey: false))
            }
        }
        return gold
    }
}
