/// brat's `annotation.conf` for a collection of documents, gathered one
/// document at a time so that a large collection need not be held in memory.
///
/// It is derived from the documents, not static, because event and
/// relation types come from rule and gazetteer files that users extend:
///
/// - `[entities]`: all seven actor types, always.
/// - `[relations]`: each relation type the documents use, between any
///   two actor types, and `<OVERLAP>` allowing any overlap of entities
///   (two actors may be linked to the same span).
/// - `[events]`: each event type the documents use, each taking every
///   role (`Source`, `Target`, `Place`, `Destination`, `Instrument`,
///   `Beneficiary`, `Topic`) and every event link the documents use
///   (`Denies`, `Investigates`, `Reports`, `Responds-to`), all optional
///   and repeatable.
/// - `[attributes]`: `Factuality` on events, with all eight values.
///
/// The same documents give the same bytes: types are listed sorted.
public struct BratConfiguration: Hashable, Sendable {
    private var eventTypes = Set<String>()
    private var relationTypes = Set<String>()
    /// Link arguments: whatever role is filled by an event rather than an entity.
    private var linkNames = Set<String>()

    public init() {}

    /// The configuration under which every one of `documents` opens without errors.
    public init(_ documents: [BratAnnotations]) {
        for document in documents { add(document) }
    }

    /// Adds the types that `document` uses.
    public mutating func add(_ document: BratAnnotations) {
        eventTypes.formUnion(document.events.map(\.type))
        relationTypes.formUnion(document.relations.map(\.type))
        for event in document.events {
            linkNames.formUnion(event.arguments.filter { $0.filler.hasPrefix("E") }.map { Self.baseRole($0.role) })
        }
    }

    /// The text of `annotation.conf`.
    public func render() -> String {
        // A macro for "any actor type", defined in each section that uses it (brat's macros are per section).
        let actors = "<ACTOR>"
        let actorMacro = "\(actors)=\(BratNames.entityTypes.joined(separator: "|"))"
        let roleNames = EventRole.allCases.sorted { $0.order < $1.order }.map { BratNames.argumentRole($0.rawValue) }
        var lines = [
            "# brat annotation configuration for the standoff files of ActorGraph (Docs/Exports.md).",
            "# Entities and Factuality values: all of ActorGraph's; events and relations: those the documents use.",
            "",
            "[entities]",
        ]
        lines += BratNames.entityTypes
        lines += ["", "[relations]", actorMacro, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"]
        lines += relationTypes.sorted().map { "\($0)\tArg1:\(actors), Arg2:\(actors)" }
        lines += ["", "[events]", actorMacro]
        let arguments = roleNames.map { "\($0)*:\(actors)" } + linkNames.sorted().map { "\($0)*:<EVENT>" }
        lines += eventTypes.sorted().map { "\($0)\t\(arguments.joined(separator: ", "))" }
        lines += ["", "[attributes]"]
        lines.append("\(BratAnnotations.factualityAttribute)\tArg:<EVENT>, Value:\(Factuality.allCases.map(\.rawValue).joined(separator: "|"))")
        return lines.map { $0 + "\n" }.joined()
    }

    /// A role without the repeat number brat reads at its end: `Source2` → `Source`.
    static func baseRole(_ role: String) -> String {
        var scalars = Array(role.unicodeScalars)
        while scalars.count > 1, let last = scalars.last, ("0" ... "9").contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension BratAnnotations {
    /// brat's `annotation.conf` for this document alone: see ``BratConfiguration``.
    public func annotationConfiguration() -> String {
        BratConfiguration([self]).render()
    }

    /// One brat `annotation.conf` under which every one of `documents` opens without errors: see ``BratConfiguration``.
    public static func annotationConfiguration(for documents: [BratAnnotations]) -> String {
        BratConfiguration(documents).render()
    }
}
