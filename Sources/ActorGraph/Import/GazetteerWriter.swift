import Foundation

/// Renders entities as `.gaz` text (`Docs/GazetteerFormat.md`) that loads
/// back into the same entities.
///
/// The output is deterministic: entities in the order given, and in each
/// block the name, its `exact` twin when the name is case-sensitive, the
/// other aliases in order, the demonyms, the country, the external ids
/// (Wikidata, GeoNames, then the other schemes by name), the roles and the
/// relations. Keys are padded so that values line up, as in the bundled files.
public struct GazetteerWriter: Sendable {
    /// Comment lines written at the top of the file, each after `# `.
    public var header: [String]

    /// A writer; `header` lines become the file's opening comment.
    public init(header: [String] = []) {
        self.header = header
    }

    /// The `.gaz` text of `entities`.
    ///
    /// - Parameters:
    ///   - entities: The entities, each with its name as its first alias (kind `.name`).
    ///   - comments: An optional comment line to write above each entity (its source, say), by index.
    /// - Returns: UTF-8 text ending in a newline.
    /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) naming the first entity
    ///   that the format cannot hold as it is: a value with a line break or a
    ///   `#` comment in it, a folded name with an `exact` twin, a case-sensitive
    ///   demonym, an id or date the loader refuses.
    /// - Complexity: O(*n*) in the size of the text, plus one parse to check it.
    public func text(of entities: [Entity], comments: [Int: String] = [:]) throws -> String {
        var lines: [String] = header.map { Self.comment($0) }
        for (index, entity) in entities.enumerated() {
            if !lines.isEmpty { lines.append("") }
            if let comment = comments[index] { lines.append(Self.comment(comment)) }
            lines += try block(of: entity)
        }
        let text = lines.joined(separator: "\n") + "\n"
        try verify(text, against: entities)
        return text
    }

    /// Why `value` cannot stand as the value of a `.gaz` line, or `nil` when it can.
    ///
    /// A value may not hold a line break or control character, may not start
    /// or end with whitespace, and may not hold `#` at its start or after
    /// whitespace (that starts a comment).
    public static func problem(with value: String) -> String? {
        if value.isEmpty { return "it is empty" }
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || (0x7F ... 0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "it holds a line break or a control character"
        }
        if value.first?.isWhitespace == true || value.last?.isWhitespace == true { return "it starts or ends with a space" }
        var previousIsSpace = true
        for scalar in value.unicodeScalars {
            if scalar == "#" && previousIsSpace { return "a \"#\" at its start or after a space would start a comment" }
            previousIsSpace = scalar.properties.isWhitespace
        }
        return nil
    }

    /// The lines of one entity's block.
    private func block(of entity: Entity) throws -> [String] {
        func fail(_ message: String) -> ActorGraphError {
            ActorGraphError(.malformedGazetteer, "Entity \"\(entity.id)\" cannot be written as .gaz: \(message).")
        }
        func checked(_ value: String, _ what: String) throws -> String {
            if let problem = Self.problem(with: value) { throw fail("its \(what) \"\(value)\" cannot be a value, because \(problem)") }
            return value
        }
        guard GazetteerParser.isValidID(entity.id.rawValue) else { throw fail("the id may use only lowercase letters, digits and hyphens") }
        var header = "entity \(entity.id) \(entity.type.rawValue)"
        if let subtype = entity.subtype {
            guard GazetteerParser.isValidID(subtype) else { throw fail("the subtype \"\(subtype)\" may use only lowercase letters, digits and hyphens") }
            header += "/" + subtype
        }
        guard let first = entity.aliases.first, first.kind == .name, first.text == entity.name,
              entity.aliases.dropFirst().allSatisfy({ $0.kind != .name }) else {
            throw fail("its first alias, and only that one, must be its name")
        }
        var lines = [header, Self.line("name", try checked(entity.name, "name"))]
        if first.caseSensitive { lines.append(Self.line("exact", entity.name)) }
        var demonyms: [String] = []
        for alias in entity.aliases.dropFirst() {
            switch alias.kind {
            case .name: break
            case .alias:
                if alias.caseSensitive && alias.text == entity.name && !first.caseSensitive {
                    throw fail("the case-sensitive alias \"\(alias.text)\" repeats its folded name, which the format reads as a case-sensitive name")
                }
                lines.append(Self.line(alias.caseSensitive ? "exact" : "alias", try checked(alias.text, "alias")))
            case .demonym:
                guard !alias.caseSensitive else { throw fail("the demonym \"\(alias.text)\" is case-sensitive; demonyms always fold") }
                guard !alias.text.contains(",") else { throw fail("the demonym \"\(alias.text)\" holds a comma, which separates demonyms") }
                demonyms.append(try checked(alias.text, "demonym"))
            }
        }
        if !demonyms.isEmpty { lines.append(Self.line("demonym", demonyms.joined(separator: ", "))) }
        if let country = entity.country { lines.append(Self.line("country", try checked(country, "country"))) }
        let ids = entity.externalIDs
        if let wikidata = ids["wikidata"] { lines.append(Self.line("wikidata", try checked(wikidata, "Wikidata id"))) }
        if let geonames = ids["geonames"] { lines.append(Self.line("geonames", try checked(geonames, "GeoNames id"))) }
        for (scheme, value) in ids.sorted(by: { $0.key < $1.key }) where !GazetteerParser.schemesWithKeys.contains(scheme) {
            lines.append(Self.line("id", "\(try checked(scheme, "id scheme")) \(try checked(value, "\(scheme) id"))"))
        }
        for role in entity.roles {
            guard !role.title.contains("|") else { throw fail("the role title \"\(role.title)\" holds a \"|\", which separates role fields") }
            var fields = [try checked(role.title, "role title")]
            if let office = role.of { fields.append("of=\(office)") }
            if let from = role.from { fields.append("from=\(from)") }
            if let to = role.to { fields.append("to=\(to)") }
            lines.append(Self.line("role", fields.joined(separator: " | ")))
        }
        for relation in entity.relations {
            guard !relation.type.isEmpty, !relation.type.contains(where: \.isWhitespace) else {
                throw fail("the relation type \"\(relation.type)\" must be one word")
            }
            lines.append(Self.line("relation", "\(try checked(relation.type, "relation type")) \(relation.target)"))
        }
        return lines
    }

    /// Parses the text again and compares: what the format cannot hold is an error here, not a surprise on load.
    private func verify(_ text: String, against entities: [Entity]) throws {
        let parsed: GazetteerParser.Parsed
        do { parsed = try GazetteerParser(file: "output").parse(text) } catch let error as ActorGraphError {
            let place = error.line.map { " (line \($0) of the output)" } ?? ""
            throw ActorGraphError(.malformedGazetteer, "The entities cannot be written as .gaz\(place): \(error.message)")
        }
        for (written, read) in zip(entities, parsed.entities) where written != read {
            throw ActorGraphError(.malformedGazetteer, "Entity \"\(written.id)\" cannot be written as .gaz: it would load back different; check its aliases and roles.")
        }
        guard parsed.entities.count == entities.count else {
            throw ActorGraphError(.malformedGazetteer, "The entities cannot be written as .gaz: \(entities.count) written, \(parsed.entities.count) read back.")
        }
    }

    private static func line(_ key: String, _ value: String) -> String {
        "  " + key.padding(toLength: max(key.count + 1, 10), withPad: " ", startingAt: 0) + value
    }

    private static func comment(_ text: String) -> String {
        let flat = text.unicodeScalars.map { $0.properties.isWhitespace || $0.value < 0x20 ? " " : String($0) }.joined()
        return flat.isEmpty ? "#" : "# " + flat
    }
}
