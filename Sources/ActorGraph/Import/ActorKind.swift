/// What an imported entity is: an ``ActorType`` and an optional subtype, written
/// `type[/subtype]` as in a `.gaz` entity header (`person`, `organization/ngo`).
public struct ActorKind: Hashable, Sendable, CustomStringConvertible {
    /// The actor type.
    public var type: ActorType
    /// Lowercase letters, digits and hyphens, or `nil`.
    public var subtype: String?

    /// A kind; `subtype` must be lowercase letters, digits and hyphens.
    public init(_ type: ActorType, subtype: String? = nil) {
        self.type = type
        self.subtype = subtype
    }

    /// Reads `type[/subtype]`.
    /// - Throws: ``ActorGraphError`` (`unmappedLabel`) for an unknown type or a subtype
    ///   that is not lowercase letters, digits and hyphens.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let type = ActorType(rawValue: String(parts[0])) else {
            throw ActorGraphError(.unmappedLabel, "Unknown type \"\(parts[0])\"; use one of: \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")), optionally with /subtype.")
        }
        self.type = type
        if parts.count > 1 {
            let subtype = String(parts[1])
            guard GazetteerParser.isValidID(subtype) else {
                throw ActorGraphError(.unmappedLabel, "The subtype \"\(subtype)\" may use only lowercase letters, digits and hyphens, e.g. \"organization/news-agency\".")
            }
            self.subtype = subtype
        }
    }

    /// `type` or `type/subtype`.
    public var description: String { subtype.map { "\(type.rawValue)/\($0)" } ?? type.rawValue }

    /// A label of another tool made into a subtype: lowercased, with `_` and
    /// spaces as hyphens; `nil` when something else remains ("city", "political").
    static func subtype(from label: String) -> String? {
        let slug = label.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }
        let text = String(slug)
        return GazetteerParser.isValidID(text) ? text : nil
    }
}
