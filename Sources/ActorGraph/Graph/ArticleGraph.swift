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

    /// The document the graph is of.
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
        /// First scalar offset.
        public var start: Int
        public var end: Int
        public var text: String
        public var sentence: Int
    }

    /// One mention of an actor.
    public struct MentionNode: Hashable, Sendable, Codable {
        public var start: Int
        public var end: Int
        public var text: String
        public var sentence: Int
        public var via: MentionVia
        /// The gazetteer entity or rule that produced the mention.
        public var rule: String
    }

    /// A role the actor held on the document date: title, office entity, dates.
    public struct RoleNode: Hashable, Sendable, Codable {
        public var title: String
        public var of: String?
        public var from: String?
        public var to: String?
    }

    /// An actor, with the roles it held and its mentions.
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
        /// `government`, `military`, `media`, … when known.
        public var sector: String?
    }

    /// An actor filling a role of an event, with the span of its mention.
    public struct ArgumentNode: Hashable, Sendable, Codable {
        public var role: EventRole
        public var actor: String
        public var start: Int
        public var end: Int
        /// The part of the actor that acts, from an agent noun ("Israeli troops" → `military`).
        public var sector: String?
    }

    /// A time expression and its ISO value.
    public struct TimeNode: Hashable, Sendable, Codable {
        public var text: String
        public var start: Int
        public var end: Int
        public var value: String?
    }

    /// An event: type, codes, trigger, roles, factuality, time, attribution, evidence.
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

    /// A relation between two actors, or a link between two events.
    public struct RelationNode: Hashable, Sendable, Codable {
        /// Where a relation comes from: the gazetteer or the text.
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

    /// Always ``schemaVersion``.
    public var schema: String
    /// The document: id, date, length.
    public var document: Document
    /// Actors in order of first mention.
    public var actors: [ActorNode]
    /// Events in trigger order.
    public var events: [EventNode]
    /// Relations between actors, then links between events.
    public var relations: [RelationNode]
}
