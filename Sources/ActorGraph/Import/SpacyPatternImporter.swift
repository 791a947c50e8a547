import Foundation

/// Imports spaCy `EntityRuler` / `SpanRuler` patterns: JSON Lines, one
/// `{"label": …, "pattern": …, "id": …}` object per line (`Docs/Importing.md`).
///
/// - A string pattern is a phrase; spaCy matches it on the token text as
///   written (`phrase_matcher_attr` ORTH, the default), so it becomes an
///   `exact` alias; with ``phraseAttribute`` `.lower`, a folded one.
/// - A token pattern becomes an alias when every token is one `LOWER` (folded)
///   or `ORTH`/`TEXT` (exact) string. Any other attribute or operator (`OP`,
///   `REGEX`, `IN`, `POS`, …) cannot be expressed; such a pattern is reported
///   and left out.
/// - Patterns sharing an `id` are one entity; without an `id`, patterns of one
///   label whose words fold alike are one entity. An `id` that is a Wikidata
///   QID (`Q90`) is kept as the entity's `wikidata`.
public struct SpacyPatternImporter: Sendable {
    /// Which token attribute spaCy's phrase matcher compares for string patterns.
    public enum PhraseAttribute: String, Sendable, CaseIterable {
        /// The text as written (spaCy's default): `exact` aliases.
        case orth = "ORTH"
        /// The lowercased text: folded aliases.
        case lower = "LOWER"
    }

    /// The spaCy labels with a kind of their own; any other needs a mapping.
    public static let defaultTypes: [String: ActorKind] = [
        "PERSON": ActorKind(.person), "PER": ActorKind(.person),
        "ORG": ActorKind(.organization),
        "GPE": ActorKind(.country),
        "LOC": ActorKind(.place), "FAC": ActorKind(.place, subtype: "facility"),
        "NORP": ActorKind(.group), "PRODUCT": ActorKind(.product),
    ]

    /// Type mappings and id options.
    public var options: ImportOptions
    /// How string patterns compare; match the `phrase_matcher_attr` of the ruler they came from.
    public var phraseAttribute: PhraseAttribute

    /// An importer with `options`, reading string patterns as `phraseAttribute` does.
    public init(options: ImportOptions = ImportOptions(), phraseAttribute: PhraseAttribute = .orth) {
        self.options = options
        self.phraseAttribute = phraseAttribute
    }

    /// Imports pattern files, in order.
    /// - Throws: ``ActorGraphError``: `malformedImport` naming the file and line of a
    ///   line that is not a pattern object; `unmappedLabel` for a label with no kind;
    ///   `unreadableInput` for a file that cannot be read.
    public func importFiles(_ urls: [URL]) throws -> ImportedGazetteer {
        try options.validate()
        var assembler = ImportAssembler()
        for url in urls {
            let name = SourceFiles.displayName(url)
            try ImportAssembler.printableErrors { try read(SourceFiles.read(url, code: .malformedImport), file: name, into: &assembler) }
        }
        assembler.preferCapitalizedNames()
        return assembler.finish(options: options)
    }

    /// Imports patterns held in memory, as if read from a file named `file`.
    public func importText(_ text: String, file: String = "patterns.jsonl") throws -> ImportedGazetteer {
        try options.validate()
        var assembler = ImportAssembler()
        try ImportAssembler.printableErrors { try read(text, file: file, into: &assembler) }
        assembler.preferCapitalizedNames()
        return assembler.finish(options: options)
    }

    private func read(_ text: String, file: String, into assembler: inout ImportAssembler) throws {
        assembler.begin(file: file)
        var warnedGPE = false
        for (offset, rawLine) in DirectiveReader.lines(of: text).enumerated() {
            let lineNumber = offset + 1
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy(\.isWhitespace) { continue }
            func error(_ message: String, column: Int? = nil) -> ActorGraphError {
                ActorGraphError(.malformedImport, message, file: file, line: lineNumber, column: column)
            }
            let place = ImportAssembler.Place(file: file, line: lineNumber)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw error("The line is not a JSON object; write one pattern per line, e.g. {\"label\": \"ORG\", \"pattern\": \"Apple\"}.")
            }
            guard let label = object["label"] as? String, !label.isEmpty else {
                throw error("The pattern has no \"label\" string; add one, e.g. \"label\": \"ORG\".")
            }
            guard let pattern = object["pattern"] else {
                throw error("The pattern has no \"pattern\" string or token list; add one, e.g. \"pattern\": \"Apple\".")
            }
            guard pattern is String || pattern is [Any] else {
                throw error("The \"pattern\" is neither a string nor a list of tokens; write e.g. \"pattern\": \"Apple\".")
            }
            var sourceID: String?
            if let id = object["id"] {
                guard let id = id as? String else {
                    throw error("The \"id\" is not a string; write it in quotes, e.g. \"id\": \"apple-inc\".")
                }
                guard !id.isEmpty else { throw error("The \"id\" is empty; give the pattern an id, or leave the key out.") }
                sourceID = id
            }
            assembler.entriesRead += 1
            for key in object.keys.sorted() where !["label", "pattern", "id"].contains(key) {
                assembler.warn(place, "The key \"\(key)\" is not kept; an imported pattern keeps its label, pattern and id.")
            }
            let kind: ActorKind
            switch assembler.mapping(for: label, in: options) {
            case .some(.some(let mapped)): kind = mapped
            case .some(.none):
                assembler.entriesLeftOut += 1
                assembler.entriesSkipped += 1
                continue
            case .none:
                guard let builtIn = Self.defaultTypes[label] else {
                    throw ActorGraphError(.unmappedLabel,
                                          "The label \"\(label)\" has no ActorGraph type; map it with --type \(label)=<type>[/<subtype>] (types: \(ActorType.allCases.map(\.rawValue).joined(separator: ", "))), or leave it out with --type \(label)=skip.",
                                          file: file, line: lineNumber)
                }
                kind = builtIn
                if label == "GPE" && !warnedGPE {
                    warnedGPE = true
                    assembler.warn(place, "The label GPE is imported as country, but spaCy also labels cities, states and regions GPE; check the entities, or map the label with --type GPE=city (or place).")
                }
            }
            let alias: (text: String, caseSensitive: Bool, notes: [String])
            switch try self.alias(of: pattern, assembler: assembler, error: error) {
            case .success(let made): alias = made
            case .failure(let reason):
                assembler.leaveOut(place, "The pattern is not imported: \(reason.message)")
                continue
            }
            let key = sourceID.map { "id\u{0}" + $0 } ?? "label\u{0}\(label)\u{0}\(assembler.foldedKey(alias.text))"
            let isQID = sourceID.map(Self.isQID) ?? false
            let (index, isNew) = assembler.draft(key: key, kind: kind, idSource: isQID ? alias.text : sourceID ?? alias.text, at: place)
            if isNew, isQID, let sourceID { assembler[index].externalIDs["wikidata"] = sourceID }
            if !isNew, assembler[index].kind != kind {
                assembler.warn(place, "The pattern's label \(label) gives \(kind), but its id \"\(sourceID ?? "")\" was first labelled as \(assembler[index].kind); the entity keeps \(assembler[index].kind).")
            }
            for note in alias.notes { assembler.warn(place, note) }
            assembler.add(alias: alias.text, caseSensitive: alias.caseSensitive, to: index)
        }
    }

    /// Why a pattern is left out.
    private struct Reason: Error {
        var message: String
    }

    /// The alias a pattern makes, or why it makes none; `error` for a pattern that is malformed.
    private func alias(of pattern: Any, assembler: ImportAssembler,
                       error: (String, Int?) -> ActorGraphError) throws -> Result<(text: String, caseSensitive: Bool, notes: [String]), Reason> {
        if let phrase = pattern as? String {
            let text = phrase.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let problem = assembler.aliasProblem(text) { return .failure(Reason(message: "the phrase \"\(phrase)\" cannot be an alias: \(problem).")) }
            return .success((text, phraseAttribute == .orth, []))
        }
        guard let tokens = pattern as? [Any], !tokens.isEmpty else { return .failure(Reason(message: "its token list is empty.")) }
        var words: [String] = []
        var attributes = Set<String>()
        for (offset, token) in tokens.enumerated() {
            let number = offset + 1
            guard let dictionary = token as? [String: Any] else {
                throw error("Token \(number) of the pattern is not an object; write each token as {\"LOWER\": \"word\"}.", nil)
            }
            let keys = dictionary.keys.map { $0.uppercased() }.sorted()
            guard keys.count == 1, let attribute = keys.first, ["LOWER", "ORTH", "TEXT"].contains(attribute) else {
                let others = keys.filter { !["LOWER", "ORTH", "TEXT"].contains($0) }
                let what = keys.isEmpty ? "matches any token" : others.isEmpty ? "sets \(keys.joined(separator: " and "))" : "uses \(others.joined(separator: ", "))"
                return .failure(Reason(message: "token \(number) \(what), which an alias cannot express; only tokens that are each one LOWER, ORTH or TEXT string can be imported."))
            }
            guard let word = dictionary.values.first as? String else {
                return .failure(Reason(message: "token \(number)'s \(attribute) is not a single string (a set, a regex or a comparison), which an alias cannot express."))
            }
            if word.isEmpty || word.contains(where: \.isWhitespace) {
                return .failure(Reason(message: "token \(number)'s \(attribute) \"\(word)\" is empty or holds a space, so spaCy never matches it."))
            }
            if attribute == "LOWER" && word != word.lowercased() {
                return .failure(Reason(message: "token \(number)'s LOWER \"\(word)\" has capitals, so spaCy never matches it; write it in lowercase."))
            }
            attributes.insert(attribute == "TEXT" ? "ORTH" : attribute)
            words.append(word)
        }
        let text = words.joined(separator: " ")
        if let problem = assembler.aliasProblem(text) { return .failure(Reason(message: "its words \"\(text)\" cannot be an alias: \(problem).")) }
        var notes: [String] = []
        if attributes.count > 1 {
            notes.append("The pattern mixes LOWER tokens with ORTH or TEXT ones; it is imported as one folded alias, which also matches the ORTH words in other capitalizations.")
        }
        for (offset, word) in words.enumerated() {
            let count = assembler.tokenCount(word)
            if count != 1 {
                notes.append("Token \(offset + 1) \"\(word)\" is \(count) tokens for ActorGraph's tokenizer; the alias matches only where the text splits into the same tokens.")
            }
        }
        return .success((text, attributes == ["ORTH"], notes))
    }

    /// Whether a pattern id is a Wikidata QID.
    static func isQID(_ id: String) -> Bool {
        id.count > 1 && id.first == "Q" && id.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
