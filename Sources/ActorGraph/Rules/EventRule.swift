/// How certain an event is, as the text presents it.
public enum Factuality: String, Codable, Hashable, Sendable, CaseIterable {
    case asserted, reported, alleged, planned, possible, negated, denied, demanded
}

/// The part an actor plays in an event.
public enum EventRole: String, Codable, Hashable, Sendable, CaseIterable {
    case source, target, place, destination, instrument, beneficiary, topic

    /// The position of the role in output: source first.
    var order: Int {
        switch self {
        case .source: 0
        case .target: 1
        case .place: 2
        case .destination: 3
        case .instrument: 4
        case .beneficiary: 5
        case .topic: 6
        }
    }
}

/// An event type of the taxonomy, with its PLOVER category and CAMEO code where one applies.
public struct EventType: Hashable, Sendable, Codable {
    /// The type's name: `visit`, `meet`, …
    public var name: String
    /// The PLOVER category, when one applies.
    public var plover: String?
    /// The CAMEO code, when one applies.
    public var cameo: String?
}

/// A rule that finds events of one type: trigger words and where to look for each role.
public struct EventRule: Hashable, Sendable {
    /// Where to find the actor of a role, relative to the trigger.
    public enum Slot: Hashable, Sendable {
        /// The nearest actor before the trigger in its clause.
        case subject
        /// The first actor after the trigger, before any preposition.
        case object
        /// The first actor after one of these words or phrases (folded).
        case after([String])
        /// The actor in "X's" or "X" right before a noun trigger.
        case possessor
        /// The actor after "by".
        case by
    }

    /// `<type>.<name>`, as it appears in the output.
    public var id: String
    /// The event type the rule finds.
    public var type: String
    /// Verb lemmas; every inflection is matched.
    public var verbs: [String] = []
    /// Nouns; plurals are matched too.
    public var nouns: [String] = []
    /// Phrases matched as written.
    public var phrases: [String] = []
    /// Where to look for the actor of one role: slots tried in order.
    public struct RoleSlots: Hashable, Sendable {
        public var role: EventRole
        public var slots: [Slot]
    }

    /// Slots for each role, in file order.
    public var slots: [RoleSlots] = []
    /// Factuality when no cue says otherwise.
    public var factuality: Factuality?
    /// Words one of which must stand near the trigger in its clause.
    public var requires: [String] = []
    /// Words none of which may stand near the trigger in its clause: the
    /// trigger then has another sense ("hurricane" for "battered", "goal" for "attacks").
    public var excludes: [String] = []
}

/// Canonical titles and their spellings: `title Defense Minister: defence minister, …`.
struct TitleRule: Hashable, Sendable {
    var canonical: String
    var spellings: [String]
}

/// Nouns that refer back to an actor: "the company".
struct NominalRule: Hashable, Sendable {
    var nouns: [String]
    var type: ActorType
    var subtype: String?
}

/// Words beside an unknown capitalized name that say what it is.
struct CueRule: Hashable, Sendable {
    /// `before`: "spokesman X"; `after`: "X radio"; `ends`: the cue is the name's last word, "Labour Party".
    enum Position: String, Sendable { case before, after, ends }
    var position: Position
    var words: [String]
    var type: ActorType
    var subtype: String?
}

/// A pattern that states a relation between two actors: "malware created by NSO".
struct RelationRule: Hashable, Sendable {
    enum Side: String, Sendable { case before, after }
    var id: String
    var type: String
    var phrases: [String]
    /// Where the relation's source actor stands relative to the phrase.
    var source: Side
    var sourceType: ActorType?
    var targetType: ActorType?
}
