/// An error from ActorGraph: a code, one sentence that says what to do, and
/// where in which file, when there is a file.
///
/// Its ``description`` reads `file:line:column: message`, the form editors and
/// terminals link to.
public struct ActorGraphError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is. Extensible: new codes may be added.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A gazetteer file that does not follow `Docs/GazetteerFormat.md`.
        public static let malformedGazetteer = Code(rawValue: "malformed-gazetteer")
        /// A rule file that does not follow `Docs/RuleFormat.md`.
        public static let malformedRules = Code(rawValue: "malformed-rules")
        /// A date that is not a real `YYYY-MM-DD` day.
        public static let invalidDate = Code(rawValue: "invalid-date")
        /// A file or folder that cannot be read.
        public static let unreadableInput = Code(rawValue: "unreadable-input")
        /// A gold file of the evaluation corpus that cannot be used.
        public static let malformedGold = Code(rawValue: "malformed-gold")
        /// A text too large to index (2 GiB of UTF-8 or more).
        public static let textTooLarge = Code(rawValue: "text-too-large")
        /// A file given to a gazetteer importer that does not follow its format
        /// (a spaCy pattern line, a GATE `lists.def` line, a PETRARCH dictionary line).
        public static let malformedImport = Code(rawValue: "malformed-import")
        /// A label, list type or code of an imported file that no ActorGraph type is given for.
        public static let unmappedLabel = Code(rawValue: "unmapped-label")
        /// ICU failed; the message carries its error code.
        public static let icuFailure = Code(rawValue: "icu-failure")
        /// An output file or folder that cannot be written.
        public static let unwritableOutput = Code(rawValue: "unwritable-output")
        /// Two documents of a corpus with the same id.
        public static let duplicateDocument = Code(rawValue: "duplicate-document")
        /// A graph passed with a ``SourceText`` of another text, or a graph whose
        /// spans, sentences or references do not hold together.
        public static let graphTextMismatch = Code(rawValue: "graph-text-mismatch")
    }

    /// What kind of failure this is.
    public var code: Code
    /// One sentence, sentence case: what is wrong and what to do.
    public var message: String
    /// The file the error is in, as the caller named it.
    public var file: String?
    /// 1-based line, when the error has a place in a file.
    public var line: Int?
    /// 1-based column (in characters), when known.
    public var column: Int?

    /// An error with its code, message and place.
    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        Self.place(file: file, line: line, column: column) + message
    }

    /// `file:line:column: `, as much of it as is known; empty without a file.
    package static func place(file: String?, line: Int?, column: Int?) -> String {
        guard let file else { return "" }
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place + ": "
    }
}
