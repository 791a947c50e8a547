import Foundation
import ActorGraphGazetteers

/// An immutable, thread-safe set of entities with their names compiled for matching.
///
/// Build one with ``Builder`` or load `.gaz` files with ``load(_:)``; then
/// share it across threads and documents.
public struct Gazetteer: Sendable {
    /// Every entity, in load order.
    public let entities: EntityList
    let aliases: PhraseSet<AliasTarget>
    /// Case-sensitive aliases, as written, token by token.
    let exactAliases: [[String]]
    /// Person entities by the titles of their roles.
    let holdersByTitle: [String: [Int]]
    /// Every role title in use, with the first entity that has it.
    let roleTitles: [String: Int]
    /// Every role of those people by title, in entity order, for finding who held an office when.
    private let rolesByTitle: [String: [RoleHolding]]

    /// One role of one person, without the rest of the entity.
    private struct RoleHolding: Sendable {
        var person: Entity.ID
        var role: Entity.Role
    }

    /// What a matched alias points at.
    struct AliasTarget: Sendable, Hashable {
        var entity: Int32
        var via: MentionVia
        /// Index into `exactAliases`, or -1 for a folded alias.
        var exact: Int32
    }

    /// The entity with `id`.
    public subscript(id: Entity.ID) -> Entity? {
        entities.index(of: id).map { entities[$0] }
    }

    func index(of id: Entity.ID) -> Int? { entities.index(of: id) }

    /// Where the entity with `id` was defined, when it was loaded from a file.
    public func location(of id: Entity.ID) -> EntityList.Location? {
        entities.index(of: id).flatMap { entities.location(at: $0) }
    }

    /// The people who held the office `title` (of `office`, when given) on
    /// `day` (at any time when `nil`), each once, in load order.
    func holders(of title: String, in office: Entity.ID?, on day: Day?) -> [Entity.ID] {
        var found: [Entity.ID] = []
        guard let holdings = rolesByTitle[title] else { return found }
        // Read in place: a title may have hundreds of holdings, and a copy of each costs reference counts.
        for index in holdings.indices where office == nil || holdings[index].role.of == office {
            if let day, !holdings[index].role.holds(on: day) { continue }
            // A person's roles stand together, in load order.
            if found.last != holdings[index].person { found.append(holdings[index].person) }
        }
        return found
    }

    /// Collects entities, then compiles them into a ``Gazetteer``.
    public struct Builder: Sendable {
        private var entities: [Entity] = []
        /// Each entity's position, which ``EntityList`` keeps for lookups by id.
        private var ids = IDTable()

        /// An empty builder.
        public init() {}

        /// Adds an entity.
        /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) if its id was added before.
        public mutating func add(_ entity: Entity) throws {
            let hash = IDTable.hash(entity.id)
            guard !contains(entity.id, hash: hash) else {
                throw ActorGraphError(.malformedGazetteer, "The entity id \"\(entity.id)\" is used twice; give each entity its own id.")
            }
            ids.append(hash: hash)
            entities.append(entity)
        }

        private func contains(_ id: Entity.ID, hash: UInt32? = nil) -> Bool {
            ids.index(of: id, hash: hash ?? IDTable.hash(id)) { entities[$0].id } != nil
        }

        /// Compiles the entities.
        /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) for an alias with
        ///   no word, or a relation or role that names a missing entity.
        /// - Complexity: O(total alias length).
        public func build() throws -> Gazetteer {
            try build(skippingMissingReferences: false, locations: [])
        }

        /// Builds; with `skippingMissingReferences`, a relation or role naming
        /// a missing entity is kept as written instead of failing the build
        /// (the loader has already reported it). `locations` are the entities'
        /// places in their files, in order.
        func build(skippingMissingReferences: Bool, locations: [EntityList.Location?]) throws -> Gazetteer {
            let tokenizer = Tokenizer()
            var phrases = PhraseSet<AliasTarget>.Builder()
            var exact: [[String]] = []
            // Entities are read in place (entities[index]), not copied: a copy retains every field.
            for index in entities.indices {
                if !skippingMissingReferences {
                    for reference in entities[index].relations.lazy.map(\.target) where !contains(reference) { throw Self.missing(reference, of: entities[index]) }
                    for reference in entities[index].roles.lazy.compactMap(\.of) where !contains(reference) { throw Self.missing(reference, of: entities[index]) }
                }
                for alias in entities[index].aliases {
                    var target = AliasTarget(entity: Int32(index), via: Self.via(of: alias), exact: -1)
                    let plain = Self.isPlain(alias.text)
                    if plain && !alias.caseSensitive {
                        phrases.add(plainWords: alias.text, payload: target)
                        continue
                    }
                    let words: [String], forms: [String]
                    if plain {
                        words = alias.text.split(separator: " ").map(String.init)
                        forms = words.map { $0.lowercased() }
                    } else {
                        let tokenized = try tokenizer.tokenize(alias.text, splittingSentences: false)
                        guard tokenized.tokens.contains(where: { $0.kind == .word || $0.kind == .number }) else {
                            throw ActorGraphError(.malformedGazetteer, "The alias \"\(alias.text)\" of \"\(entities[index].id)\" has no word to match; remove it.")
                        }
                        words = tokenized.tokens.map { String(tokenized.string(of: $0)) }
                        forms = tokenized.tokens.map { tokenized.folded($0) }
                    }
                    if alias.caseSensitive {
                        target.exact = Int32(exact.count)
                        exact.append(words)
                    }
                    phrases.add(forms: forms, payload: target)
                }
                if entities[index].type == .person, let surname = Self.surname(of: entities[index], tokenizer: tokenizer) {
                    phrases.add(forms: [surname], payload: AliasTarget(entity: Int32(index), via: .partial, exact: -1))
                }
            }
            var holders: [String: [Int]] = [:]
            var titles: [String: Int] = [:]
            for offset in entities.indices where !entities[offset].roles.isEmpty {
                let roles = entities[offset].roles
                for title in roles.map(\.title) where titles[title] == nil { titles[title] = offset }
                guard entities[offset].type == .person else { continue }
                for title in Set(roles.map(\.title)).sorted() { holders[title, default: []].append(offset) }
            }
            return Gazetteer(entities: EntityList(entities, ids: ids, locations: locations), aliases: phrases.build(), exactAliases: exact,
                             holdersByTitle: holders, roleTitles: titles)
        }

        /// Whether an alias is ASCII letters and digits between spaces, which
        /// the tokenizer would split at the spaces and fold to lowercase: the
        /// usual case, taken without it.
        private static func isPlain(_ text: String) -> Bool {
            var sawWord = false
            for byte in text.utf8 {
                if (ASCIIWords.isLetter(byte) && byte != UInt8(ascii: "@")) || ASCIIWords.isDigit(byte) {
                    sawWord = true
                } else if byte != UInt8(ascii: " ") {
                    return false
                }
            }
            return sawWord
        }

        private static func missing(_ reference: Entity.ID, of entity: Entity) -> ActorGraphError {
            ActorGraphError(.malformedGazetteer, "Entity \"\(entity.id)\" refers to \"\(reference)\", which no loaded gazetteer defines; add it or fix the id.")
        }

        private static func via(of alias: Entity.Alias) -> MentionVia {
            switch alias.kind {
            case .name: return .name
            case .demonym: return .demonym
            case .alias:
                let letters = alias.text.filter(\.isLetter)
                return alias.caseSensitive && letters.count >= 2 && letters.allSatisfy(\.isUppercase) ? .acronym : .alias
            }
        }

        /// Countries whose names put the family name first ("Xi Jinping", "Moon Jae-in").
        private static let familyNameFirst: Set<String> = ["CHN", "TWN", "HKG", "MAC", "KOR", "PRK"]
        /// Where names also come in Western order ("Carrie Lam", "Joseph Wu"), only a
        /// hyphenated given name ("Tsai Ing-wen", "Lee Jae-myung") shows where the family name is.
        private static let mixedOrder: Set<String> = ["TWN", "HKG", "MAC", "KOR"]
        /// Words of Arabic patronymic names: "Mohammed bin Salman" has no surname to stand alone.
        private static let patronymics: Set<String> = ["bin", "bint", "ibn"]

        /// The folded family name of a multi-word personal name: the last word
        /// ("Gantz"), or the first for Chinese and Korean names ("Xi"); none for
        /// a patronymic name ("Mohammed bin Salman", where "Salman" is his father).
        private static func surname(of entity: Entity, tokenizer: Tokenizer) -> String? {
            guard let tokenized = try? tokenizer.tokenize(entity.name, splittingSentences: false) else { return nil }
            let words = tokenized.tokens.filter { $0.kind == .word }
            if words.contains(where: { patronymics.contains(tokenized.folded($0)) }) { return nil }
            let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]
            let meaningful = words.filter { $0.flags.contains(.capitalized) && !suffixes.contains(tokenized.folded($0)) }
            // "Willem-Alexander" is one name, not a first name and a surname.
            let hyphenated = tokenized.tokens.indices.dropFirst().allSatisfy { index in
                tokenized.tokens[index].flags.contains(.spaceBefore) == false || tokenized.tokens[index].kind != .word
            }
            guard meaningful.count >= 2, !hyphenated, let first = meaningful.first, let last = meaningful.last else { return nil }
            guard let country = entity.country, familyNameFirst.contains(country) else { return tokenized.folded(last) }
            // A hyphenated given name follows the family name: "Tsai Ing-wen", "John Lee Ka-chiu".
            let tokens = tokenized.tokens
            if let hyphen = tokens.indices.first(where: { $0 >= 2 && tokens[$0].kind == .punctuation && tokenized.folded(tokens[$0]) == "-" }),
               tokens[hyphen - 2].kind == .word, tokens[hyphen - 2].flags.contains(.capitalized) {
                return tokenized.folded(tokens[hyphen - 2])
            }
            // A Chinese family name is one syllable ("Xi", "Wang", "Zhang"); "Carrie Lam" starts with a given name.
            let firstIsFamily = !mixedOrder.contains(country) && tokenized.folded(first).count <= 5
            return tokenized.folded(firstIsFamily ? first : last)
        }
    }

    init(entities: EntityList, aliases: PhraseSet<AliasTarget>, exactAliases: [[String]],
         holdersByTitle: [String: [Int]], roleTitles: [String: Int]) {
        self.entities = entities
        self.aliases = aliases
        self.exactAliases = exactAliases
        self.holdersByTitle = holdersByTitle
        self.roleTitles = roleTitles
        // Each holder decoded once, in load order, its roles sent to the titles that list it.
        var titlesOf: [Int: Set<String>] = [:]
        for (title, people) in holdersByTitle {
            for index in people { titlesOf[index, default: []].insert(title) }
        }
        var roles: [String: [RoleHolding]] = [:]
        for index in titlesOf.keys.sorted() {
            let person = entities[index], titles = titlesOf[index]!
            for role in person.roles where titles.contains(role.title) {
                roles[role.title, default: []].append(RoleHolding(person: person.id, role: role))
            }
        }
        rolesByTitle = roles
    }

    /// Loads `.gaz` files, compiled gazetteers (`actorgraph gazetteer compile`)
    /// and folders of either (read in name order), in the order given.
    ///
    /// One compiled file on its own is memory-mapped and used as it is, with
    /// nothing parsed or rebuilt; mixed with other files, its entities are
    /// read and compiled again with theirs.
    ///
    /// - Parameter urls: Files, or folders whose `*.gaz` and `*.agz` files are read.
    /// - Returns: One gazetteer of all their entities.
    /// - Throws: ``ActorGraphError`` naming the file, line and column of the
    ///   first problem; nothing is skipped.
    public static func load(_ urls: [URL]) throws -> Gazetteer {
        var problems: [ActorGraphError] = []
        let gazetteer = try load(urls, problems: &problems)
        if let first = problems.first { throw first }
        return gazetteer
    }

    /// Loads what loads and lists every problem: the first malformed line of
    /// each file (the rest of that file is left out), every id defined twice,
    /// every reference to an id nothing defines. For `gazetteer lint`.
    /// - Throws: ``ActorGraphError`` when a file or folder cannot be read at all.
    package static func load(_ urls: [URL], problems: inout [ActorGraphError]) throws -> Gazetteer {
        var places: [EntityPlaces?] = []
        return try load(urls, problems: &problems, places: &places, keepsPlaces: false)
    }

    /// Loads as ``load(_:problems:)`` does, and sets `places` to where each
    /// entity's aliases and roles are written, in entity order: `nil` for an
    /// entity of a compiled file, which keeps only its `entity` line.
    package static func load(_ urls: [URL], problems: inout [ActorGraphError], places: inout [EntityPlaces?]) throws -> Gazetteer {
        try load(urls, problems: &problems, places: &places, keepsPlaces: true)
    }

    /// Where an entity of a load comes from.
    private struct Origin {
        /// Its `entity` line; for a compiled file, the line of the source it was compiled from.
        var location: EntityList.Location?
        /// The compiled file it was read from, as shown in messages.
        var compiled: String?
        /// Whether it is an entity of the bundled gazetteer.
        var bundled: Bool

        /// What holds it, for telling apart the pairs of files that give the same entities.
        var holder: String { compiled ?? (bundled ? "" : location?.file ?? "") }

        var description: String {
            let place = location.map { "\($0.file):\($0.line)" }
            guard let compiled else { return place ?? "" }
            return place.map { "\(compiled) (compiled from \($0))" } ?? compiled
        }
    }

    private static func load(_ urls: [URL], problems: inout [ActorGraphError], places: inout [EntityPlaces?], keepsPlaces: Bool) throws -> Gazetteer {
        places = []
        let files = try SourceFiles.expand(urls, extensions: ["gaz", "agz"])
        if files.count == 1, CompiledGazetteer.isCompiled(files[0]) {
            // A damaged file is listed like any other problem, whether or not other files come with it.
            do { return try loadCompiled(files[0]).gazetteer } catch let error as ActorGraphError {
                problems.append(error)
                return try Builder().build()
            }
        }
        let bundledFolder = BundledData.entities.map { $0.standardizedFileURL.path + "/" }
        var builder = Builder()
        var references: [(file: String, reference: GazetteerParser.Reference)] = []
        var defined: [Entity.ID: Origin] = [:]
        var locations: [EntityList.Location?] = []
        // The same entity read twice because a compiled file holds what another file gives again
        // (`full.agz` with the bundled gazetteer, `names.agz` with `names.gaz`): one problem for
        // each pair of files, which counts them, rather than one for each entity.
        var repeats: [[String]: (problem: Int, id: Entity.ID, count: Int, first: Origin, second: Origin)] = [:]
        func add(_ entity: Entity, from origin: Origin, places entityPlaces: EntityPlaces?, report: (String) -> ActorGraphError) throws {
            if let first = defined[entity.id] {
                if first.compiled != nil || origin.compiled != nil, let location = origin.location, first.location == location {
                    let key = [first.holder, origin.holder]
                    if repeats[key] == nil {
                        repeats[key] = (problems.count, entity.id, 0, first, origin)
                        problems.append(ActorGraphError(.malformedGazetteer, ""))       // Worded once all are counted.
                    }
                    repeats[key]?.count += 1
                    return
                }
                let subject = origin.compiled == nil ? "" : origin.location.map { " (compiled from \($0.file):\($0.line))" } ?? ""
                problems.append(report("The entity id \"\(entity.id)\"\(subject) is already defined in \(first.description); give each entity its own id."))
                return
            }
            defined[entity.id] = origin
            locations.append(origin.location)
            if keepsPlaces { places.append(entityPlaces) }
            try builder.add(entity)
        }
        let parsedFiles = parseSources(files, keepsPlaces: keepsPlaces)
        for (fileIndex, file) in files.enumerated() {
            let display = SourceFiles.displayName(file)
            if CompiledGazetteer.isCompiled(file) {
                let compiled: Gazetteer, includesBundled: Bool
                do { (compiled, includesBundled) = try loadCompiled(file) } catch let error as ActorGraphError {
                    problems.append(error)
                    continue
                }
                for index in compiled.entities.indices {
                    let entity = compiled.entities[index]
                    let location = compiled.entities.location(at: index)
                    // Bundled entities keep the place they are edited at, under Gazetteers/.
                    let bundled = includesBundled && location?.file.hasPrefix("Gazetteers/") == true
                    try add(entity, from: Origin(location: location, compiled: display, bundled: bundled), places: nil) {
                        ActorGraphError(.malformedGazetteer, $0, file: display)
                    }
                    let targets = entity.relations.map(\.target) + entity.roles.compactMap(\.of)
                    references += targets.map { (location?.file ?? display, GazetteerParser.Reference(target: $0, line: location?.line ?? 0, column: 1)) }
                }
                continue
            }
            let parser = GazetteerParser(file: display, keepsPlaces: keepsPlaces)
            let parsed: GazetteerParser.Parsed
            do {
                parsed = try parsedFiles[fileIndex]!.get()
            } catch let error as ActorGraphError {
                problems.append(error)
                continue
            }
            let bundled = bundledFolder.map { file.standardizedFileURL.path.hasPrefix($0) } ?? false
            for (offset, (entity, line)) in zip(parsed.entities, parsed.lines).enumerated() {
                let origin = Origin(location: EntityList.Location(file: display, line: line), compiled: nil, bundled: bundled)
                try add(entity, from: origin, places: keepsPlaces ? parsed.places[offset] : nil) { parser.reader.error($0, line: line, column: 8) }
            }
            references += parsed.references.map { (display, $0) }
        }
        for repeated in repeats.values {
            problems[repeated.problem] = Self.repeated(repeated.id, count: repeated.count, first: repeated.first, second: repeated.second)
        }
        for (file, reference) in references where defined[reference.target] == nil {
            problems.append(ActorGraphError(.malformedGazetteer, "No loaded gazetteer defines \"\(reference.target)\"; add the entity or fix the id.",
                                            file: file, line: reference.line > 0 ? reference.line : nil, column: reference.line > 0 ? reference.column : nil))
        }
        return try builder.build(skippingMissingReferences: !problems.isEmpty, locations: locations)
    }

    /// What each source file of `files` gives, read and parsed on every core (the bundled
    /// gazetteer is twenty files); `nil` for a compiled file.
    private static func parseSources(_ files: [URL], keepsPlaces: Bool) -> [Result<GazetteerParser.Parsed, any Error>?] {
        var results = [Result<GazetteerParser.Parsed, any Error>?](repeating: nil, count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer      // each slot written by the one worker that parses its file
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                let file = files[index]
                guard !CompiledGazetteer.isCompiled(file) else { return }
                let parser = GazetteerParser(file: SourceFiles.displayName(file), keepsPlaces: keepsPlaces)
                buffer[index] = Result { try parser.parse(SourceFiles.read(file, code: .malformedGazetteer)) }
            }
        }
        return results
    }

    /// The problem of entities that come twice from the same place: a compiled
    /// file given with a file it was compiled from, or with the bundled gazetteer it holds.
    private static func repeated(_ id: Entity.ID, count: Int, first: Origin, second: Origin) -> ActorGraphError {
        let subject = count == 1 ? "The entity id \"\(id)\" comes twice" : "The entity id \"\(id)\" and \(count - 1) more come twice"
        let compiled = [first.compiled, second.compiled].compactMap { $0 }
        let source = second.location?.file ?? ""
        let bundled = first.bundled && second.bundled
        let reason: String, remedy: String
        if compiled.count == 2 {
            reason = bundled ? "\(compiled[0]) and \(compiled[1]) both hold the bundled gazetteer"
                : "\(compiled[0]) and \(compiled[1]) were both compiled from \(source)"
            remedy = "give only one of them"
        } else if bundled {
            reason = "\(compiled[0]) already holds the bundled gazetteer, which is read as well"
            remedy = "give \(compiled[0]) alone, with your other gazetteers compiled into it (actorgraph gazetteer compile FILE… -o \(compiled[0])), or, to lint or count them, add --no-bundled"
        } else {
            reason = "\(compiled[0]) was compiled from \(source), which is read as well"
            remedy = "leave out one of the two (and compile \(compiled[0]) again after editing \(source))"
        }
        return ActorGraphError(.malformedGazetteer, "\(subject): \(reason); \(remedy).", file: compiled.last)
    }

    /// What to load for the bundled gazetteer extended by `urls`: the bundled
    /// folder and then `urls`, or `urls` alone when it is one compiled file
    /// that already holds the bundled entities (`gazetteer compile` without
    /// `--no-bundled`).
    package static func sources(extendingBundled urls: [URL]) throws -> [URL] {
        guard let folder = BundledData.entities else {
            throw ActorGraphError(.unreadableInput, "The bundled gazetteers are missing; keep the ActorGraph_ActorGraphGazetteers.resources folder beside the executable, or name a copy of it in ACTORGRAPH_RESOURCES.")
        }
        if urls.count == 1, CompiledGazetteer.includesBundled(urls[0]) { return urls }
        return [folder] + urls
    }

    /// Whether one of `urls` (files, or folders of them) is a compiled file
    /// that holds the bundled entities, so that what is compiled from them
    /// holds them too, even with `--no-bundled`.
    package static func holdsBundled(_ urls: [URL]) -> Bool {
        ((try? SourceFiles.expand(urls, extensions: ["gaz", "agz"])) ?? []).contains(where: CompiledGazetteer.includesBundled)
    }

    /// Maps one compiled gazetteer file.
    /// - Returns: The gazetteer and whether the bundled entities were compiled into it.
    package static func loadCompiled(_ url: URL) throws -> (gazetteer: Gazetteer, includesBundled: Bool) {
        let display = SourceFiles.displayName(url)
        let (gazetteer, includesBundled) = try CompiledGazetteer.read(MappedFile(url, displayName: display), name: display)
        return (gazetteer, includesBundled)
    }

    /// Opens a compiled gazetteer held in memory, for the loader's fuzz target.
    /// - Parameter verifyChecksum: `false` to reach the structural checks behind the checksum.
    package static func compiled(bytes: UnsafeRawBufferPointer, verifyChecksum: Bool) throws -> Gazetteer {
        try CompiledGazetteer.read(MappedFile(copying: bytes), name: "input.agz", verifyChecksum: verifyChecksum).0
    }

    /// The compiled form of this gazetteer, for `actorgraph gazetteer compile`;
    /// ``load(_:)`` maps it back with the same entities, matches and locations.
    /// - Parameter includesBundled: Whether the bundled entities are among these,
    ///   so that an ``Extractor`` given the file needs nothing else.
    package func compiledData(includesBundled: Bool) -> Data {
        CompiledGazetteer.data(self, includesBundled: includesBundled)
    }

    /// The gazetteers bundled with ActorGraph.
    /// - Throws: ``ActorGraphError`` if the bundle is missing or damaged.
    public static func bundled() throws -> Gazetteer {
        guard let folder = BundledData.entities else {
            throw ActorGraphError(.unreadableInput, "The bundled gazetteers are missing; keep the ActorGraph_ActorGraphGazetteers.resources folder beside the executable, or name a copy of it in ACTORGRAPH_RESOURCES.")
        }
        return try load([folder])
    }
}
