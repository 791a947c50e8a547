/// Parses one `.gaz` file (format: `Docs/GazetteerFormat.md`).
///
/// References to other entities (`of=`, `relation`) are returned for the
/// loader to check once every file is read.
struct GazetteerParser {
    struct Reference {
        var target: Entity.ID
        var line: Int
        var column: Int
    }

    struct Parsed {
        var entities: [Entity] = []
        var lines: [Int] = []                 // header line of each entity
        var references: [Reference] = []
        /// The lines of each entity's aliases and roles, when the parser keeps them.
        var places: [EntityPlaces] = []
    }

    static let keys = ["name", "alias", "exact", "demonym", "country", "wikidata", "geonames", "id", "role", "relation"]

    /// External id schemes that have their own key, and so cannot be written with `id`.
    static let schemesWithKeys: Set<String> = ["wikidata", "geonames"]

    let reader: DirectiveReader
    /// Whether to keep where each alias and role is written (``Parsed/places``), for `gazetteer lint`.
    let keepsPlaces: Bool

    init(file: String, keepsPlaces: Bool = false) {
        reader = DirectiveReader(file: file, code: .malformedGazetteer)
        self.keepsPlaces = keepsPlaces
    }

    func parse(_ text: String) throws -> Parsed {
        var parsed = Parsed()
        var current: Entity?
        var currentLine = 0
        var caseSensitive = false
        var places = EntityPlaces(file: reader.file)
        func finish() throws {
            guard var entity = current else { return }
            current = nil
            guard !entity.name.isEmpty else {
                throw reader.error("Entity \"\(entity.id)\" has no name; add a line \"  name <canonical name>\".", line: currentLine, column: 1)
            }
            if caseSensitive {
                for index in entity.aliases.indices where entity.aliases[index].kind != .demonym { entity.aliases[index].caseSensitive = true }
            }
            // "exact <the name>" makes the name itself case-sensitive ("Chad", "Turkey").
            if let twin = entity.aliases.firstIndex(where: { $0.kind == .alias && $0.caseSensitive && $0.text == entity.name }) {
                entity.aliases.remove(at: twin)
                entity.aliases[0].caseSensitive = true
                if keepsPlaces { places.aliases.remove(at: twin) }
            }
            parsed.entities.append(entity)
            parsed.lines.append(currentLine)
            if keepsPlaces {
                parsed.places.append(places)
                places = EntityPlaces(file: reader.file)
            }
        }
        for directive in try reader.directives(in: text) {
            if !directive.indented && directive.keyword == "option" {
                // File-wide folding: "option case-sensitive" makes every alias of the file exact.
                guard current == nil, parsed.entities.isEmpty else {
                    throw reader.error("Put \"option\" lines before the first entity of the file.", line: directive.line, column: directive.keywordColumn)
                }
                guard directive.value == "case-sensitive" else {
                    throw reader.error("Unknown option \"\(directive.value)\"; the only option is \"case-sensitive\".", line: directive.line, column: directive.valueColumn)
                }
                caseSensitive = true
                continue
            }
            if !directive.indented {
                try finish()
                current = try header(directive)
                currentLine = directive.line
                continue
            }
            if directive.keyword == "entity" {
                throw reader.error("The entity line is indented; start it at the beginning of the line.", line: directive.line, column: directive.keywordColumn)
            }
            guard var entity = current else {
                throw reader.error("The attribute \"\(directive.keyword)\" comes before any entity; start the block with \"entity <id> <type>\".",
                                   line: directive.line, column: directive.keywordColumn)
            }
            // Leave `entity` the only reference, so that appending to its lists does not copy them.
            current = nil
            let aliases = entity.aliases.count
            try attribute(directive, to: &entity, references: &parsed.references)
            if keepsPlaces { Self.record(directive, addingAliases: entity.aliases.count - aliases, to: &places) }
            current = entity
        }
        try finish()
        return parsed
    }

    /// Notes where the aliases or role that `directive` added are written.
    private static func record(_ directive: Directive, addingAliases added: Int, to places: inout EntityPlaces) {
        let place = EntityPlaces.Place(line: directive.line, column: directive.valueColumn)
        switch directive.keyword {
        case "name": places.aliases.insert(place, at: 0)
        case "alias", "exact": places.aliases.append(place)
        case "demonym":
            // Each item's column: after the value's start and each comma, past the spaces.
            var position = 0
            for part in directive.value.split(separator: ",", omittingEmptySubsequences: false).prefix(added) {
                places.aliases.append(EntityPlaces.Place(line: directive.line, column: directive.valueColumn + position + part.prefix(while: \.isSpace).count))
                position += part.count + 1
            }
        case "role": places.roles.append(place)
        default: break
        }
    }

    private func header(_ directive: Directive) throws -> Entity {
        guard directive.keyword == "entity" else {
            throw reader.error("Expected \"entity <id> <type>\" at the start of a line, found \"\(directive.keyword)\"; indent attribute lines.",
                               line: directive.line, column: directive.keywordColumn)
        }
        let parts = directive.value.split(whereSeparator: \.isSpace)
        guard parts.count == 2 else {
            throw reader.error("The entity header \"entity \(directive.value)\" needs an id and a type, e.g. \"entity benny-gantz person/politician\".",
                               line: directive.line, column: directive.valueColumn)
        }
        let id = String(parts[0])
        guard Self.isValidID(id) else {
            throw reader.error("The id \"\(id)\" may use only lowercase letters, digits and hyphens.", line: directive.line, column: directive.valueColumn)
        }
        let typeText = parts[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let type = ActorType(rawValue: String(typeText[0])) else {
            throw reader.error("Unknown type \"\(typeText[0])\"; use one of: \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")).",
                               line: directive.line, column: directive.valueColumn + id.count + 1)
        }
        let subtype = typeText.count > 1 ? String(typeText[1]) : nil
        if let subtype, !Self.isValidID(subtype) {
            throw reader.error("The subtype \"\(subtype)\" may use only lowercase letters, digits and hyphens, e.g. \"government-agency\".",
                               line: directive.line, column: directive.valueColumn + id.count + typeText[0].count + 2)
        }
        return Entity(id: Entity.ID(rawValue: id), type: type, subtype: subtype, name: "")
    }

    private func attribute(_ directive: Directive, to entity: inout Entity, references: inout [Reference]) throws {
        let value = directive.value
        let line = directive.line, column = directive.valueColumn
        func requireWord(_ text: String) throws {
            guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw reader.error("The \(directive.keyword) \"\(text)\" has no letter or digit to match; remove it.", line: line, column: column)
            }
        }
        func requireValue() throws {
            if value.isEmpty {
                throw reader.error("\"\(directive.keyword)\" has no value; write one after the key or remove the line.",
                                   line: line, column: directive.keywordColumn)
            }
        }
        switch directive.keyword {
        case "name":
            try requireValue()
            guard entity.name.isEmpty else {
                throw reader.error("Entity \"\(entity.id)\" has a second name \"\(value)\"; make it an alias.", line: line, column: directive.keywordColumn)
            }
            try requireWord(value)
            entity.name = value
            entity.aliases.insert(Entity.Alias(text: value, kind: .name), at: 0)
        case "alias", "exact":
            try requireValue()
            try requireWord(value)
            entity.aliases.append(Entity.Alias(text: value, kind: .alias, caseSensitive: directive.keyword == "exact"))
        case "demonym":
            try requireValue()
            for (offset, item) in value.commaSeparated().enumerated() {
                guard !item.isEmpty else {
                    throw reader.error("Demonym \(offset + 1) in \"\(value)\" is empty; remove the extra comma.", line: line, column: column)
                }
                try requireWord(item)
                entity.aliases.append(Entity.Alias(text: item, kind: .demonym))
            }
        case "country":
            guard value.count == 3, value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw reader.error("The country \"\(value)\" is not an ISO 3166-1 alpha-3 code; write three capital letters, e.g. FRA.", line: line, column: column)
            }
            guard entity.country == nil else {
                throw reader.error("Entity \"\(entity.id)\" has a second country \"\(value)\"; keep one.", line: line, column: directive.keywordColumn)
            }
            entity.country = value
        case "wikidata":
            guard value.first == "Q", value.count > 1, value.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw reader.error("The Wikidata id \"\(value)\" is not a QID; write Q followed by digits, e.g. Q90.", line: line, column: column)
            }
            guard entity.externalIDs["wikidata"] == nil else {
                throw reader.error("Entity \"\(entity.id)\" has a second Wikidata id \"\(value)\"; keep one.", line: line, column: directive.keywordColumn)
            }
            entity.externalIDs["wikidata"] = value
        case "geonames":
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw reader.error("The GeoNames id \"\(value)\" is not a number; write its digits, e.g. 2988507.", line: line, column: column)
            }
            guard entity.externalIDs["geonames"] == nil else {
                throw reader.error("Entity \"\(entity.id)\" has a second GeoNames id \"\(value)\"; keep one.", line: line, column: directive.keywordColumn)
            }
            entity.externalIDs["geonames"] = value
        case "id":
            // Any other scheme: "id cameo USAGOV", "id iso2 FR".
            let parts = value.split(maxSplits: 1, whereSeparator: \.isSpace)
            guard parts.count == 2, !parts[1].contains(where: \.isSpace) else {
                throw reader.error("The id \"\(value)\" needs a scheme and one value without spaces, e.g. \"id cameo USAGOV\".", line: line, column: column)
            }
            let scheme = String(parts[0]), code = String(parts[1])
            guard Self.isValidID(scheme) else {
                throw reader.error("The id scheme \"\(scheme)\" may use only lowercase letters, digits and hyphens, e.g. \"cameo\".", line: line, column: column)
            }
            guard !Self.schemesWithKeys.contains(scheme) else {
                throw reader.error("Write the \(scheme) id with its own key: \"\(scheme) \(code)\".", line: line, column: directive.keywordColumn)
            }
            guard entity.externalIDs[scheme] == nil else {
                throw reader.error("Entity \"\(entity.id)\" has a second \(scheme) id \"\(code)\"; keep one.", line: line, column: directive.keywordColumn)
            }
            entity.externalIDs[scheme] = code
        case "role":
            entity.roles.append(try role(value, line: line, column: column, references: &references))
        case "relation":
            let parts = value.split(whereSeparator: \.isSpace)
            guard parts.count == 2 else {
                throw reader.error("The relation \"\(value)\" needs a type and an entity id, e.g. \"relation developer-of pegasus\".", line: line, column: column)
            }
            let target = Entity.ID(rawValue: String(parts[1]))
            guard target != entity.id else {
                throw reader.error("Entity \"\(entity.id)\" is related to itself; name another entity.", line: line, column: column + parts[0].count + 1)
            }
            references.append(Reference(target: target, line: line, column: column + parts[0].count + 1))
            entity.relations.append(Entity.Relation(type: String(parts[0]), target: target))
        default:
            throw reader.error("Unknown key \"\(directive.keyword)\"; use one of: \(Self.keys.joined(separator: ", ")).",
                               line: line, column: directive.keywordColumn)
        }
    }

    private func role(_ value: String, line: Int, column: Int, references: inout [Reference]) throws -> Entity.Role {
        let fields = value.split(separator: "|", omittingEmptySubsequences: false).map {
            String(Substring($0).drop { $0.isSpace }.trimmingTrailingWhitespace())
        }
        guard let title = fields.first, !title.isEmpty else {
            throw reader.error("The role \"\(value)\" has no title; start it with the title, e.g. \"role President | of=france\".", line: line, column: column)
        }
        var role = Entity.Role(title: title)
        var seen = Set<Substring>()
        // The column of each field: after the title and each "|".
        var offsets: [Int] = []
        var position = 0
        for part in value.split(separator: "|", omittingEmptySubsequences: false) {
            offsets.append(position + part.prefix { $0.isSpace }.count)
            position += part.count + 1
        }
        for (number, field) in fields.enumerated().dropFirst() {
            let column = column + offsets[number]
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else {
                throw reader.error("The role field \"\(field)\" is not key=value; use of=, from= or to=.", line: line, column: column)
            }
            guard seen.insert(pair[0]).inserted else {
                throw reader.error("The role field \"\(pair[0])=\" appears twice; keep one.", line: line, column: column)
            }
            let fieldValue = String(pair[1])
            switch pair[0] {
            case "of":
                role.of = Entity.ID(rawValue: fieldValue)
                references.append(Reference(target: Entity.ID(rawValue: fieldValue), line: line, column: column))
            case "from", "to":
                let day: Day
                do { day = try Day(iso: fieldValue) } catch let error as ActorGraphError {
                    throw reader.error(error.message, line: line, column: column)
                }
                if pair[0] == "from" { role.from = day } else { role.to = day }
            default:
                throw reader.error("Unknown role field \"\(pair[0])\"; use of=, from= or to=.", line: line, column: column)
            }
        }
        if let from = role.from, let to = role.to, to < from {
            throw reader.error("The role \"\(title)\" ends (\(to)) before it starts (\(from)); check the dates.", line: line, column: column)
        }
        return role
    }

    /// Whether a role title is a code of an event-data scheme ("cameo:USAGOV")
    /// rather than an office of `titles.rules`: a scheme, a colon, and a code
    /// without spaces. Canonical titles cannot hold a colon, so the two never meet.
    static func isCodedTitle(_ title: String) -> Bool {
        let parts = title.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 && isValidID(String(parts[0])) && !parts[1].isEmpty && !parts[1].contains(where: \.isSpace)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
