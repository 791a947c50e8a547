/// Something an actor did, found by an ``EventRule``: who did what to whom,
/// when, how certain, and according to whom.
public struct Event: Hashable, Sendable {
    /// An actor filling one role of an event, with the mention that fills it.
    public struct Argument: Hashable, Sendable {
        /// The role filled.
        public var role: EventRole
        /// The actor that fills it.
        public var actor: Entity.ID
        /// The token indices of the filling mention.
        public var tokens: Range<Int>
        /// The part of the actor that acts, when an agent noun follows the
        /// mention: "Israeli troops" → `military` (`sectors.rules`).
        public var sector: String? = nil
    }

    /// `e1`, `e2`, … in trigger order.
    public var id: String
    /// The event type, with its PLOVER and CAMEO codes.
    public var type: EventType
    /// The token indices of the trigger.
    public var trigger: Range<Int>
    /// The sentence of the trigger.
    public var sentence: Int
    /// The actors that fill its roles, source first.
    public var arguments: [Argument]
    /// How certain the text says it is.
    public var factuality: Factuality
    /// When it happened, when the sentence says.
    public var time: TimeExpression?
    /// Who said or reported it.
    public var attributedTo: Entity.ID?
    /// Later triggers that tell the same event again ("Gantz's trip" after "will travel"), in text order.
    public var retellings: [Trigger] = []
    /// The id of the rule that found it.
    public var rule: String
    /// 0.5, plus 0.2 with a source, 0.2 with two roles or more, 0.1 for a verb trigger (at most 1.0).
    public var confidence: Double
    /// Whether the trigger is a noun ("trip") rather than a verb ("travel").
    var nominalTrigger: Bool
    /// Whether the trigger is a noun after "the", "this" or "that": it may refer back.
    var definite: Bool = false

    /// Takes in `other`, a later telling of this event: its trigger becomes a
    /// retelling, and it fills the roles, time and factuality this one lacks.
    /// In place, so that an event told many times costs no copying.
    mutating func absorb(_ other: Event) {
        retellings.append(Trigger(tokens: other.trigger, sentence: other.sentence))
        retellings += other.retellings
        var added = false
        for argument in other.arguments where actor(for: argument.role) == nil {
            arguments.append(argument)
            added = true
        }
        if added { arguments.sort { $0.role.order < $1.role.order } }
        if time == nil { time = other.time }
        if factuality == .asserted { factuality = other.factuality }
        confidence = max(confidence, other.confidence)
    }

    /// The actor filling `role`, if any.
    public func actor(for role: EventRole) -> Entity.ID? {
        arguments.first { $0.role == role }?.actor
    }
}

/// A trigger span: its tokens and sentence.
public struct Trigger: Hashable, Sendable {
    /// The token indices of the trigger.
    public var tokens: Range<Int>
    /// The sentence of the trigger.
    public var sentence: Int
}

/// A link from one event to another: a denial to the claim it denies.
public struct EventLink: Hashable, Sendable {
    /// `denies`, `investigates`, `reports`.
    public var type: String
    /// The id of the linking event (the denial).
    public var source: String
    /// The id of the event linked to (the claim).
    public var target: String
    /// The sentence of the linking event.
    public var sentence: Int
    /// The rule that made the link: `link.deny`, `link.report`, …
    public var rule: String
}

/// A relation between two actors stated in the text: "malware created by NSO".
public struct TextRelation: Hashable, Sendable {
    /// The relation type: `developer-of`, `based-in`, …
    public var type: String
    /// The relation's source actor.
    public var source: Entity.ID
    /// The relation's target actor.
    public var target: Entity.ID
    /// The sentence that states it.
    public var sentence: Int
    /// The token indices of the phrase that states it.
    public var tokens: Range<Int>
    /// The id of the relation rule.
    public var rule: String
}
