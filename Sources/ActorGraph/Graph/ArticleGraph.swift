import Foundation

/// The graph of one document, exactly as the JSON contract `actorgraph/1`
/// describes it (`Docs/GraphSchema.md`): actors with their mentions, events
/// with their roles, relations; every span in Unicode scalar offsets.
///
/// Encode it with ``ArticleGraph/jsonData(pretty:)`` for the canonical bytes
/// (sorted keys, no optional field written as `null`).
public struct ArticleGraph: Hashable, Sendable, Codable {
    /// The schema version of this graph.
    public static let schemaVersion = "actorgraph/1"

    public struct Document: Hashable, Sendable, Codable {
        /// Given by the caller, or the file name.
        public var id: String?
        /// The publication day, `YYYY-MM-DD`.
        public var date: String?
        /// Length of the text in Unicode scalars.
        public var length: Int
    }

    /// A span of the text: `text` equals the input's scalars `start ..< end`.
    public struct Span: Hashable, Sendable, Codable {
        public var start: Int
        public var end: Int
        public var text: String
        public var sentence: Int
    }

    public struct MentionNode: Hashable, Sendable, Codable {
        public var start: Int
        public var end: Int
        public var text: String
        public var sentence: Int
        public var via: MentionVia
        /// The gazetteer entity or rule that produced the mention.
        public var rule: String
    }

    public struct RoleNode: Hashable, Sendable, Codable {
        public var title: String
        public var of: String?
        public var from: String?
        public var to: String?
    }

    public struct ActorNode: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var type: ActorType
        public var subtype: String?
        public var country: String?
        public var origin: Actor.Origin
        public var ids: [String: String]?
        public var roles: [RoleNode]?
        public var mentions: [MentionNode]
    }

    public struct ArgumentNode: Hashable, Sendable, Codable {
        public var role: EventRole
        public var actor: String
        public var start: Int
        public var end: Int
    }

    public struct TimeNode: Hashable, Sendable, Codable {
        public var text: String
        public var start: Int
        public var end: Int
        public var value: String?
    }

    public struct EventNode: Hashable, Sendable, Codable {
        public var id: String
        public var type: String
        public var plover: String?
        public var cameo: String?
        public var trigger: Span
        public var roles: [ArgumentNode]
        public var factuality: Factuality
        public var time: TimeNode?
        public var attributedTo: String?
        /// Later triggers that tell the same event again.
        public var retellings: [Span]?
        public var rule: String
        public var confidence: Double
    }

    public struct RelationNode: Hashable, Sendable, Codable {
        public enum Origin: String, Hashable, Sendable, Codable { case gazetteer, text }
        public var type: String
        /// An actor id, or an event id for links between events.
        public var source: String
        public var target: String
        public var origin: Origin
        /// For `holds-role`: the title held.
        public var title: String?
        public var sentence: Int?
        public var start: Int?
        public var end: Int?
        public var text: String?
        public var rule: String?
    }

    public var schema: String
    public var document: Document
    public var actors: [ActorNode]
    public var events: [EventNode]
    public var relations: [RelationNode]

    /// The graph as JSON: keys sorted, slashes unescaped, so the same graph is always the same bytes.
    /// - Parameter pretty: Indented (for `--format json`) or one line (for JSON Lines).
    public func jsonData(pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
