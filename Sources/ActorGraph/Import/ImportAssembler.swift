/// Collects the entities an importer reads, entry by entry: groups entries
/// into entities by a key, keeps aliases that the format can hold (reporting
/// the others), and gives every entity a stable id at the end.
struct ImportAssembler {
    /// A place in a source file.
    struct Place {
        var file: String
        var line: Int
        var column: Int?
    }

    /// One entity being assembled.
    struct Draft {
        var kind: ActorKind
        /// The text the id is made from: the source's own id, or the first name.
        var idSource: String
        var place: Place
        var aliases: [(text: String, caseSensitive: Bool, key: String)] = []
        /// Where each folded key is in `aliases`, so that a new alias is compared with
        /// those of the same words only, not with all (a list may give one entity thousands).
        var positions: [String: [Int]] = [:]
        var country: String?
        var externalIDs: [String: String] = [:]
        var roles: [Entity.Role] = []
    }

    private(set) var drafts: [Draft] = []
    private var indexByKey: [String: Int] = [:]
    private var files: [String] = []
    private(set) var warnings: [ImportedGazetteer.Warning] = []
    var entriesRead = 0
    var entriesLeftOut = 0
    var entriesSkipped = 0
    /// The keys of the user's type mappings that decided the kind of an entry.
    var mappingsUsed = Set<String>()
    private let tokenizer = Tokenizer()

    /// Registers a source file, so that warnings sort in the order files were read.
    mutating func begin(file: String) {
        if !files.contains(file) { files.append(file) }
    }

    mutating func warn(_ place: Place, _ message: String) {
        warnings.append(ImportedGazetteer.Warning(file: place.file, line: place.line, column: place.column, message: OneLine.printable(message)))
    }

    /// Runs `body`; an ``ActorGraphError`` it throws comes out with its message made ``OneLine/printable(_:)``.
    static func printableErrors<T>(_ body: () throws -> T) rethrows -> T {
        do { return try body() } catch var error as ActorGraphError {
            error.message = OneLine.printable(error.message)
            throw error
        }
    }

    /// Reports an entry that makes no alias.
    mutating func leaveOut(_ place: Place, _ message: String) {
        entriesLeftOut += 1
        warn(place, message)
    }

    /// The draft for `key`, made with `kind` and `idSource` when it is new.
    mutating func draft(key: String, kind: ActorKind, idSource: String, at place: Place) -> (index: Int, isNew: Bool) {
        if let index = indexByKey[key] { return (index, false) }
        drafts.append(Draft(kind: kind, idSource: idSource, place: place))
        indexByKey[key] = drafts.count - 1
        return (drafts.count - 1, true)
    }

    /// The draft a key was given to, if any.
    func index(forKey key: String) -> Int? { indexByKey[key] }

    /// Gives a further key to a draft, unless another draft has it already.
    mutating func link(key: String, to index: Int) {
        if indexByKey[key] == nil { indexByKey[key] = index }
    }

    /// A draft, changed in place: with `set`, `assembler[i].roles.append(…)` would
    /// copy the whole array first, once per role (an entry may have thousands).
    subscript(index: Int) -> Draft {
        get { drafts[index] }
        _modify { yield &drafts[index] }
    }

    /// Why `text` cannot be an alias, or `nil` when it can.
    func aliasProblem(_ text: String) -> String? {
        if let problem = GazetteerWriter.problem(with: text) { return "a .gaz alias cannot hold it: \(problem)" }
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return "it has no letter or digit to match" }
        guard let tokens = try? tokenizer.tokenize(text, splittingSentences: false),
              tokens.tokens.contains(where: { $0.kind == .word || $0.kind == .number }) else { return "it has no word to match" }
        return nil
    }

    /// The words of `text` as ActorGraph matches them: folded, hyphens left out.
    func foldedKey(_ text: String) -> String {
        guard let tokens = try? tokenizer.tokenize(text, splittingSentences: false) else { return text }
        return tokens.tokens.map { tokens.folded($0) }.filter { $0 != "-" }.joined(separator: " ")
    }

    /// How many tokens ActorGraph's tokenizer makes of `text`.
    func tokenCount(_ text: String) -> Int {
        (try? tokenizer.tokenize(text, splittingSentences: false))?.tokens.count ?? 0
    }

    /// Adds an alias (checked with ``aliasProblem(_:)`` first). The same words
    /// twice are kept once; when one of them folds, the folded one stays,
    /// since it matches everything the case-sensitive one does.
    mutating func add(alias text: String, caseSensitive: Bool, to index: Int) {
        let key = foldedKey(text)
        let same = drafts[index].positions[key] ?? []
        if let existing = same.first(where: { position in
            let alias = drafts[index].aliases[position]
            return !alias.caseSensitive || !caseSensitive || alias.text == text
        }) {
            if !caseSensitive { drafts[index].aliases[existing].caseSensitive = false }
            return
        }
        let position = drafts[index].aliases.count
        drafts[index].positions[key, default: []].append(position)
        drafts[index].aliases.append((text, caseSensitive, key))
    }

    /// Makes the first alias with a capital the name of each entity whose first
    /// alias is all lowercase (the words of a LOWER pattern): "Angela Merkel", not "angela merkel".
    mutating func preferCapitalizedNames() {
        for index in drafts.indices {
            let aliases = drafts[index].aliases
            guard let first = aliases.first, first.text == first.text.lowercased(),
                  let better = aliases.firstIndex(where: { $0.text != $0.text.lowercased() }) else { continue }
            drafts[index].aliases.insert(drafts[index].aliases.remove(at: better), at: 0)
            let moved = drafts[index].aliases
            drafts[index].positions = Dictionary(grouping: moved.indices) { moved[$0].key }
        }
    }

    /// The user's mapping for `key` in `options`, if any (`.some(nil)` when the key
    /// is to be left out), noted as used.
    mutating func mapping(for key: String, in options: ImportOptions) -> ActorKind?? {
        guard let mapping = options.types.first(where: { $0.key == key }) else { return nil }
        mappingsUsed.insert(key)
        return .some(mapping.kind)
    }

    /// The entities with their ids, and every warning in source order.
    func finish(options: ImportOptions) -> ImportedGazetteer {
        var used = options.reservedIDs
        var owners: [Entity.ID: Place] = [:]
        var entities: [Entity] = []
        var sources: [String] = []
        var warnings = self.warnings
        for draft in drafts where !draft.aliases.isEmpty {
            let base = options.idPrefix + Self.slug(draft.idSource, tokenizer: tokenizer)
            var id = Entity.ID(rawValue: base)
            if used.contains(id) {
                var number = 2
                while used.contains(Entity.ID(rawValue: "\(base)-\(number)")) { number += 1 }
                id = Entity.ID(rawValue: "\(base)-\(number)")
                let holder = owners[Entity.ID(rawValue: base)].map { "the entity from \($0.file):\($0.line)" } ?? "an entity already loaded (the bundled gazetteer)"
                warnings.append(ImportedGazetteer.Warning(file: draft.place.file, line: draft.place.line, column: draft.place.column,
                                                          message: "The id \"\(base)\" is taken by \(holder); this entity is \"\(id)\"."))
            }
            used.insert(id)
            owners[id] = draft.place
            let first = draft.aliases[0]
            var aliases = [Entity.Alias(text: first.text, kind: .name, caseSensitive: first.caseSensitive)]
            aliases += draft.aliases.dropFirst().map { Entity.Alias(text: $0.text, kind: .alias, caseSensitive: $0.caseSensitive) }
            entities.append(Entity(id: id, type: draft.kind.type, subtype: draft.kind.subtype, name: first.text, aliases: aliases,
                                   country: draft.country, externalIDs: draft.externalIDs, roles: draft.roles))
            sources.append("\(draft.place.file):\(draft.place.line)")
        }
        let order = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($0.element, $0.offset) })
        let sorted = warnings.enumerated().sorted {
            (order[$0.element.file] ?? files.count, $0.element.line, $0.element.column ?? 0, $0.offset)
                < (order[$1.element.file] ?? files.count, $1.element.line, $1.element.column ?? 0, $1.offset)
        }.map(\.element)
        var unused: [String] = []
        for mapping in options.types where !mappingsUsed.contains(mapping.key) && !unused.contains(mapping.key) { unused.append(mapping.key) }
        return ImportedGazetteer(entities: entities, sources: sources, warnings: sorted, entriesRead: entriesRead,
                                 entriesLeftOut: entriesLeftOut, entriesSkipped: entriesSkipped, unusedTypeMappings: unused)
    }

    /// A lowercase-hyphen id from a name or a source id: folded words, ASCII
    /// letters and digits only ("Côte d'Ivoire" → `cote-d-ivoire`), at most
    /// 60 characters; `entity` when nothing of it is ASCII.
    static func slug(_ text: String, tokenizer: Tokenizer) -> String {
        var words: [String] = []
        var current = ""
        let folded = (try? tokenizer.tokenize(text, splittingSentences: false)).map { tokens in
            tokens.tokens.map { tokens.folded($0) }.joined(separator: " ")
        } ?? text.lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > 60 { break }
            slug = next
        }
        if slug.isEmpty, let word = words.first { slug = String(word.prefix(60)) }
        return slug.isEmpty ? "entity" : slug
    }
}
