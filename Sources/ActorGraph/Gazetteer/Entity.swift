/// The kind of an actor.
public enum ActorType: String, Codable, Hashable, Sendable, CaseIterable {
    case person, organization, country, city, place, product, group
}

/// One entry of a ``Gazetteer``: a person, organization, place or product with
/// its names and facts.
public struct Entity: Hashable, Sendable, Codable {
    /// A stable entity id: lowercase letters, digits and hyphens.
    public struct ID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
        ExpressibleByStringLiteral {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public var description: String { rawValue }
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// A name the entity goes by in text.
    public struct Alias: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            /// The canonical name.
            case name
            /// Another name.
            case alias
            /// A demonym or adjectival form ("French").
            case demonym
        }
        public var text: String
        public var kind: Kind
        /// Matched only with the case written here.
        public var caseSensitive: Bool

        public init(text: String, kind: Kind, caseSensitive: Bool = false) {
            self.text = text
            self.kind = kind
            self.caseSensitive = caseSensitive
        }
    }

    /// An office or position held for a time.
    public struct Role: Hashable, Sendable, Codable {
        /// A canonical title of `titles.rules` ("Defense Minister").
        public var title: String
        /// The entity the role is held in (a country, an organization).
        public var of: ID?
        public var from: Day?
        public var to: Day?

        public init(title: String, of: ID? = nil, from: Day? = nil, to: Day? = nil) {
            self.title = title
            self.of = of
            self.from = from
            self.to = to
        }

        /// Whether the role was held on `day` (bounds inclusive; a missing bound is open).
        public func holds(on day: Day) -> Bool {
            if let from, day < from { return false }
            if let to, to < day { return false }
            return true
        }
    }

    /// A typed link to another entity (`developer-of`, `member-of`, …).
    public struct Relation: Hashable, Sendable, Codable {
        public var type: String
        public var target: ID
        public init(type: String, target: ID) {
            self.type = type
            self.target = target
        }
    }

    public var id: ID
    public var type: ActorType
    /// Free text from the gazetteer: `company`, `ngo`, `media`, `politician`, …
    public var subtype: String?
    public var name: String
    /// Every name, including the canonical name and demonyms.
    public var aliases: [Alias]
    /// ISO 3166-1 alpha-3 code.
    public var country: String?
    /// External ids by scheme (`wikidata`).
    public var externalIDs: [String: String]
    public var roles: [Role]
    public var relations: [Relation]

    public init(
        id: ID, type: ActorType, subtype: String? = nil, name: String, aliases: [Alias] = [],
        country: String? = nil, externalIDs: [String: String] = [:], roles: [Role] = [], relations: [Relation] = []
    ) {
        self.id = id
        self.type = type
        self.subtype = subtype
        self.name = name
        self.aliases = aliases
        self.country = country
        self.externalIDs = externalIDs
        self.roles = roles
        self.relations = relations
    }
}
