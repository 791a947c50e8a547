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
        /// What kind of name an alias is.
        public enum Kind: String, Hashable, Sendable, Codable {
            /// The canonical name.
            case name
            /// Another name.
            case alias
            /// A demonym or adjectival form ("French").
            case demonym
        }
        /// The alias as written.
        public var text: String
        /// Canonical name, other name or demonym.
        public var kind: Kind
        /// Matched only with the case written here.
        public var caseSensitive: Bool

        /// An alias; folded unless `caseSensitive`.
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
        /// The first day held; `nil` when unknown.
        public var from: Day?
        /// The last day held; `nil` while it still holds or when unknown.
        public var to: Day?

        /// A role with optional office entity and dates.
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
        /// The relation type: `developer-of`, `member-of`, `part-of`, …
        public var type: String
        /// The related entity.
        public var target: ID
        /// A relation to `target`.
        public init(type: String, target: ID) {
            self.type = type
            self.target = target
        }
    }

    /// The stable id.
    public var id: ID
    /// What kind of actor it is.
    public var type: ActorType
    /// Free text from the gazetteer: `company`, `ngo`, `media`, `politician`, …
    public var subtype: String?
    /// The canonical name.
    public var name: String
    /// Every name, including the canonical name and demonyms.
    public var aliases: [Alias]
    /// ISO 3166-1 alpha-3 code.
    public var country: String?
    /// External ids by scheme (`wikidata`).
    public var externalIDs: [String: String]
    /// Offices held, with dates.
    public var roles: [Role]
    /// Links to other entities.
    public var relations: [Relation]

    /// An entity; aliases should include the name with kind `.name`.
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
