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
    }

    /// One telling of an event.
    public struct GoldEvent: Hashable, Sendable, Decodable {
        /// The event type, from `events.rules`.
        public var type: String
        /// The trigger word or phrase as written.
        public var trigger: String
        /// Role → actor ids.
        public var roles: [EventRole: [String]]

        enum CodingKeys: String, CodingKey { case type, trigger, roles }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            trigger = try container.decode(String.self, forKey: .trigger)
            let raw = try container.decodeIfPresent([String: OneOrMany].self, forKey: .roles) ?? [:]
            var roles: [EventRole: [String]] = [:]
            for (key, value) in raw {
                guard let role = EventRole(rawValue: key) else {
                    throw DecodingError.dataCorruptedError(forKey: .roles, in: container,
                        debugDescription: "Unknown role \"\(key)\"; use one of: \(EventRole.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                roles[role] = value.values
            }
            self.roles = roles
        }
    }

    /// A JSON string or array of strings.
    private struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }
    }

    /// The publication date, `YYYY-MM-DD`.
    public var date: String?
    /// Every actor of the article.
    public var actors: [GoldActor]
    /// Every event told in the article.
    public var events: [GoldEvent]

    /// Reads a gold file.
    /// - Throws: ``ActorGraphError`` (`malformedGold`) naming the file and what is wrong.
    public static func load(_ url: URL) throws -> GoldDocument {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ActorGraphError(.unreadableInput, "\"\(url.path)\" cannot be read; check that it exists.")
        }
        do {
            return try JSONDecoder().decode(GoldDocument.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ActorGraphError(.malformedGold, "\(context.debugDescription) (at \(Self.path(context.codingPath)))", file: url.path)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ActorGraphError(.malformedGold, "The key \"\(key.stringValue)\" is missing at \(Self.path(context.codingPath)); add it.", file: url.path)
        } catch let DecodingError.typeMismatch(_, context) {
            throw ActorGraphError(.malformedGold, "Wrong kind of value at \(Self.path(context.codingPath)): \(context.debugDescription)", file: url.path)
        } catch {
            throw ActorGraphError(.malformedGold, "The gold file is not valid JSON; check it with python3 -m json.tool.", file: url.path)
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
}
