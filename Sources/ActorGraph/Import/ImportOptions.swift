/// What every gazetteer importer takes: type mappings, and how to make ids.
public struct ImportOptions: Sendable {
    /// One mapping from a label of the source tool to an ActorGraph kind.
    public struct TypeMapping: Hashable, Sendable {
        /// The label: a spaCy label (`GPE`), a GATE `majorType` or
        /// `majorType:minorType`, a PETRARCH code pattern (`IGO*`, `???REB`).
        public var key: String
        /// The kind to give, or `nil` to leave everything under the label out.
        public var kind: ActorKind?

        /// A mapping; a `nil` kind leaves the label out.
        public init(key: String, kind: ActorKind?) {
            self.key = key
            self.kind = kind
        }

        /// Reads `KEY=type[/subtype]` or `KEY=skip`, as `actorgraph gazetteer import --type` takes it.
        /// - Throws: ``ActorGraphError`` (`unmappedLabel`) when there is no `=`, no key, or an unknown type.
        public init(parsing text: String) throws {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ActorGraphError(.unmappedLabel, "The type mapping \"\(text)\" is not LABEL=type[/subtype]; write e.g. GPE=city, or GPE=skip to leave the label out.")
            }
            key = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            kind = value == "skip" ? nil : try ActorKind(parsing: value)
        }
    }

    /// Mappings that take precedence over the importer's own, in order.
    public var types: [TypeMapping]
    /// Put before every generated id (`spacy-`); lowercase letters, digits and hyphens.
    public var idPrefix: String
    /// Ids already in use (the bundled gazetteer's, say): a generated id never
    /// takes one, and each such clash is reported.
    public var reservedIDs: Set<Entity.ID>

    /// Options with no mappings of their own, no prefix and no reserved ids.
    public init(types: [TypeMapping] = [], idPrefix: String = "", reservedIDs: Set<Entity.ID> = []) {
        self.types = types
        self.idPrefix = idPrefix
        self.reservedIDs = reservedIDs
    }

    /// Checks the prefix before an import starts.
    /// - Throws: ``ActorGraphError`` (`unmappedLabel`) naming the prefix.
    public func validate() throws {
        if !idPrefix.isEmpty && !GazetteerParser.isValidID(idPrefix) {
            throw ActorGraphError(.unmappedLabel, "The id prefix \"\(idPrefix)\" may use only lowercase letters, digits and hyphens, e.g. \"spacy-\".")
        }
    }
}
