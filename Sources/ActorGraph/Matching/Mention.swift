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
    public var candidates: [Entity.ID]
    /// How the span was linked to its entity.
    public var via: MentionVia
    /// What produced it: a gazetteer entity id, or a rule id (`title`, `nominal.company`, `cue.before.spokesman`).
    public var rule: String

    /// A mention of `candidates` over `tokens`.
    public init(tokens: Range<Int>, sentence: Int, candidates: [Entity.ID], via: MentionVia, rule: String) {
        self.tokens = tokens
        self.sentence = sentence
        self.candidates = candidates
        self.via = via
        self.rule = rule
    }
}
