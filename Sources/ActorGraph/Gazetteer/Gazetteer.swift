import Foundation
import ActorGraphGazetteers

/// An immutable, thread-safe set of entities with their names compiled for matching.
///
/// Build one with ``Builder`` or load `.gaz` files with ``load(_:)``; then
/// share it across threads and documents.
public struct Gazetteer: Sendable {
    /// Every entity, in load order.
    public let entities: [Entity]
    private let indexByID: [Entity.ID: Int]
    let aliases: PhraseSet<AliasTarget>
    /// Case-sensitive aliases, as written, token by token.
    let exactAliases: [[String]]
    /// How many person entities share each folded surname.
    let surnameCounts: [String: Int]
    /// Person entities by the titles of their roles.
    private let holdersByTitle: [String: [Int]]
    /// Where each entity loaded from a file is defined: `file:line`.
    private(set) var locations: [Entity.ID: (file: String, line: Int)] = [:]

    /// What a matched alias points at.
    struct AliasTarget: Sendable, Hashable {
        var entity: Int32
        var via: MentionVia
        /// Index into `exactAliases`, or -1 for a folded alias.
        var exact: Int32
    }

    /// The entity with `id`.
    public subscript(id: Entity.ID) -> Entity? {
        indexByID[id].map { entities[$0] }
    }

    func index(of id: Entity.ID) -> Int? { indexByID[id] }

    /// The people with a role of this title, at any time.
    func holders(of title: String) -> [Entity] {
        (holdersByTitle[title] ?? []).map { entities[$0] }
    }

    /// Collects entities, then compiles them into a ``Gazetteer``.
    public struct Builder: Sendable {
        private var entities: [Entity] = []
        private var ids: Set<Entity.ID> = []

        /// An empty builder.
        public init() {}

        /// Adds an entity.
        /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) if its id was added before.
        public mutating func add(_ entity: Entity) throws {
            guard ids.insert(entity.id).inserted else {
                throw ActorGraphError(.malformedGazetteer, "The entity id \"\(entity.id)\" is used twice; give each entity its own id.")
            }
            entities.append(entity)
        }

        /// Compiles the entities.
        /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) for an alias with
        ///   no word, or a relation or role that names a missing entity.
        /// - Complexity: O(total alias length).
        public func build() throws -> Gazetteer {
            try build(skippingMissingReferences: false)
        }

        /// Builds; with `skippingMissingReferences`, a relation or role naming
        /// a missing entity is kept as written instead of failing the build
        /// (the loader has already reported it).
        func build(skippingMissingReferences: Bool) throws -> Gazetteer {
            let tokenizer = Tokenizer()
            var phrases = PhraseSet<AliasTarget>.Builder()
            var exact: [[String]] = []
            var surnames: [String: Int] = [:]
            for (index, entity) in entities.enumerated() {
                for reference in entity.relations.map(\.target) + entity.roles.compactMap(\.of)
                    where !ids.contains(reference) && !skippingMissingReferences {
                    throw ActorGraphError(.malformedGazetteer, "Entity \"\(entity.id)\" refers to \"\(reference)\", which no loaded gazetteer defines; add it or fix the id.")
                }
                for alias in entity.aliases {
                    let tokenized = try tokenizer.tokenize(alias.text)
                    guard tokenized.tokens.contains(where: { $0.kind == .word || $0.kind == .number }) else {
                        throw ActorGraphError(.malformedGazetteer, "The alias \"\(alias.text)\" of \"\(entity.id)\" has no word to match; remove it.")
                    }
                    let forms = tokenized.tokens.map { tokenized.folded($0) }
                    var target = AliasTarget(entity: Int32(index), via: Self.via(of: alias), exact: -1)
                    if alias.caseSensitive {
                        target.exact = Int32(exact.count)
                        exact.append(tokenized.tokens.map { String(tokenized.string(of: $0)) })
                    }
                    phrases.add(forms: forms, payload: target)
                }
                if entity.type == .person, let surname = Self.surname(of: entity, tokenizer: tokenizer) {
                    phrases.add(forms: [surname], payload: AliasTarget(entity: Int32(index), via: .partial, exact: -1))
                    surnames[surname, default: 0] += 1
                }
            }
            return Gazetteer(entities: entities, aliases: phrases.build(), exactAliases: exact, surnameCounts: surnames)
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
            guard let tokenized = try? tokenizer.tokenize(entity.name) else { return nil }
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

    private init(entities: [Entity], aliases: PhraseSet<AliasTarget>, exactAliases: [[String]], surnameCounts: [String: Int]) {
        self.entities = entities
        var index: [Entity.ID: Int] = [:]
        for (offset, entity) in entities.enumerated() { index[entity.id] = offset }
        self.indexByID = index
        self.aliases = aliases
        self.exactAliases = exactAliases
        self.surnameCounts = surnameCounts
        var holders: [String: [Int]] = [:]
        for (offset, entity) in entities.enumerated() where entity.type == .person {
            for title in Set(entity.roles.map(\.title)).sorted() { holders[title, default: []].append(offset) }
        }
        self.holdersByTitle = holders
    }

    /// Loads `.gaz` files and folders of them (read in name order), in the order given.
    ///
    /// - Parameter urls: Files, or folders whose `*.gaz` files are read.
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
        var builder = Builder()
        var references: [(file: String, reference: GazetteerParser.Reference)] = []
        var defined: [Entity.ID: String] = [:]
        var locations: [Entity.ID: (file: String, line: Int)] = [:]
        for file in try SourceFiles.expand(urls, extensions: ["gaz"]) {
            let display = SourceFiles.displayName(file)
            let parser = GazetteerParser(file: display)
            let parsed: GazetteerParser.Parsed
            do {
                parsed = try parser.parse(SourceFiles.read(file, code: .malformedGazetteer))
            } catch let error as ActorGraphError {
                problems.append(error)
                continue
            }
            for (entity, line) in zip(parsed.entities, parsed.lines) {
                if let first = defined[entity.id] {
                    problems.append(parser.reader.error("The entity id \"\(entity.id)\" is already defined in \(first); give each entity its own id.", line: line, column: 8))
                    continue
                }
                defined[entity.id] = "\(display):\(line)"
                locations[entity.id] = (display, line)
                try builder.add(entity)
            }
            references += parsed.references.map { (display, $0) }
        }
        for (file, reference) in references where defined[reference.target] == nil {
            problems.append(ActorGraphError(.malformedGazetteer, "No loaded gazetteer defines \"\(reference.target)\"; add the entity or fix the id.",
                                            file: file, line: reference.line, column: reference.column))
        }
        var gazetteer = try builder.build(skippingMissingReferences: !problems.isEmpty)
        gazetteer.locations = locations
        return gazetteer
    }

    /// The gazetteers bundled with ActorGraph.
    /// - Throws: ``ActorGraphError`` if the bundle is missing or damaged.
    public static func bundled() throws -> Gazetteer {
        guard let folder = BundledData.entities else {
            throw ActorGraphError(.unreadableInput, "The bundled gazetteers are missing; reinstall ActorGraph.")
        }
        return try load([folder])
    }
}
