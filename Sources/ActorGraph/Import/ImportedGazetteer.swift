/// What an importer made of its files: entities ready for ``GazetteerWriter``,
/// and every entry it could not carry over as it was.
public struct ImportedGazetteer: Sendable {
    /// Something an importer could not represent exactly, with its place in the source.
    public struct Warning: Hashable, Sendable, CustomStringConvertible {
        /// The source file, as it was named.
        public var file: String
        /// 1-based line.
        public var line: Int
        /// 1-based column (in characters), when there is one.
        public var column: Int?
        /// One sentence: what was not carried over, or carried over differently, and why.
        public var message: String

        /// A warning at a place.
        public init(file: String, line: Int, column: Int? = nil, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// `file:line[:column]: message`.
        public var description: String {
            "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(message)"
        }
    }

    /// The entities, in the order their first entry appears in the sources.
    public var entities: [Entity]
    /// Where each entity's first entry is, `file:line`, parallel to ``entities``.
    public var sources: [String]
    /// Everything not carried over exactly, in source order.
    public var warnings: [Warning]
    /// Entries read: patterns, list entries, dictionary phrases.
    public var entriesRead: Int
    /// Entries that made no alias: not representable, or unmapped.
    public var entriesLeftOut: Int
    /// Of those, the entries left out on purpose by a mapping to `skip`.
    public var entriesSkipped: Int
    /// The keys of ``ImportOptions/types`` that decided no entry's kind, in the
    /// order given: most likely misspelled labels.
    public var unusedTypeMappings: [String] = []

    /// The `.gaz` text, with a comment naming each entity's source above it.
    /// - Parameter header: Comment lines for the top of the file.
    /// - Throws: ``ActorGraphError`` if an entity cannot be written (see ``GazetteerWriter/text(of:comments:)``).
    public func gazetteerText(header: [String] = []) throws -> String {
        let comments = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($0.offset, "from " + $0.element) })
        return try GazetteerWriter(header: header).text(of: entities, comments: comments)
    }
}
