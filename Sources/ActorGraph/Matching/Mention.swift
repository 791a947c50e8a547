/// How a span of text was linked to an actor.
public enum MentionVia: String, Codable, Hashable, Sendable, CaseIterable {
    /// The canonical name.
    case name
    /// Another name of the entity.
    case alias
    /// Part of a full personal name: "Gantz" for Benny Gantz.
    case partial
    /// A demonym or adjectival form: "French" for France.
    case demonym
    /// A title resolved through time-bounded roles: "France's president".
    case title
    /// A case-sensitive all-capitals alias: "NSO", "RSF".
    case acronym
    /// A noun that refers back: "the company".
    case nominal
    /// A pronoun.
    case pronoun
}

/// A span of text that names an actor: found by the ``EntityMatcher`` or the resolver.
public struct Mention: Hashable, Sendable {
    /// The token indices of the span.
    public var tokens: Range<Int>
    /// The sentence that holds it.
    public var sentence: Int
    /// The entities it may refer to, in gazetteer load order; exactly one once resolved.
    public var candidates: [Entity.ID] {
        // A position known for the old candidates says nothing of new ones.
        didSet { position = -1 }
    }
    /// How the span was linked to its entity.
    public var via: MentionVia {
        get { link.via }
        set { link.via = newValue }
    }
    /// The gazetteer position of the one candidate, when whoever made the mention knew it (the
    /// matcher does), so that the resolver need not look its id up; else -1, as for several candidates.
    var position: Int32 {
        get { link.position }
        set { link.position = newValue }
    }
    /// `via` and `position`, in one word: a mention is copied often, and with one more stored
    /// word it is copied through its type's value witness instead of inline.
    private var link: Link
    /// What produced it: a gazetteer entity id, or a rule id (`title`, `nominal.company`, `cue.before.spokesman`).
    public var rule: String

    /// A mention of `candidates` over `tokens`.
    public init(tokens: Range<Int>, sentence: Int, candidates: [Entity.ID], via: MentionVia, rule: String) {
        self.tokens = tokens
        self.sentence = sentence
        self.candidates = candidates
        self.link = Link(via: via, position: -1)
        self.rule = rule
    }

    /// A mention of one candidate, which stands at `position` in the gazetteer.
    init(tokens: Range<Int>, sentence: Int, candidate: Entity.ID, position: Int32, via: MentionVia, rule: String) {
        self.init(tokens: tokens, sentence: sentence, candidates: [candidate], via: via, rule: rule)
        self.position = position
    }

    // Equality and hashing are those of the public fields: a mention made by hand
    // equals the one the matcher made, whether or not its position is known.

    public static func == (lhs: Mention, rhs: Mention) -> Bool {
        lhs.tokens == rhs.tokens && lhs.sentence == rhs.sentence && lhs.candidates == rhs.candidates
            && lhs.via == rhs.via && lhs.rule == rhs.rule
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tokens)
        hasher.combine(sentence)
        hasher.combine(candidates)
        hasher.combine(via)
        hasher.combine(rule)
    }

    /// A mention's `via` (low byte) and candidate position (high half) in one word.
    private struct Link: Sendable {
        private var bits: UInt64

        init(via: MentionVia, position: Int32) {
            bits = Self.code(of: via) | UInt64(UInt32(bitPattern: position)) << 32
        }

        var via: MentionVia {
            get { Self.via(code: bits & 0xFF) }
            set { bits = bits & ~0xFF | Self.code(of: newValue) }
        }

        var position: Int32 {
            get { Int32(truncatingIfNeeded: bits >> 32) }
            set { bits = bits & 0xFFFF_FFFF | UInt64(UInt32(bitPattern: newValue)) << 32 }
        }

        private static func code(of via: MentionVia) -> UInt64 {
            switch via {
            case .name: 0
            case .alias: 1
            case .partial: 2
            case .demonym: 3
            case .title: 4
            case .acronym: 5
            case .nominal: 6
            case .pronoun: 7
            }
        }

        /// The inverse of `code(of:)`, whose switch the compiler holds to every case: keep the two in step.
        private static func via(code: UInt64) -> MentionVia {
            switch code {
            case 0: .name
            case 1: .alias
            case 2: .partial
            case 3: .demonym
            case 4: .title
            case 5: .acronym
            case 6: .nominal
            default: .pronoun
            }
        }
    }
}
