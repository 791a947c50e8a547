import Foundation

/// Imports a GATE ANNIE gazetteer: a `lists.def` file whose lines are
/// `file.lst:majorType[:minorType[:language[:annotationType]]]`, and the
/// `.lst` files it names (next to it), one entry per line, optionally with
/// features `entry<sep>name=value<sep>…` (`Docs/Importing.md`).
///
/// - Only lists of whole names make entities: `location` (minor type
///   `country`, `city`, or another kind of place), `organization`, `company`,
///   `person_full`, and whatever ``ImportOptions/types`` maps
///   (`majorType:minorType` before `majorType`). Other lists (first names,
///   titles, dates, keywords) are reported once each and left out.
/// - The minor type becomes the subtype where it names one (`organization:company`
///   → `organization/company`).
/// - An entry joins the entity of an earlier entry of the same kind that
///   shares an identifying feature with it (`inst`, `id` or `wikidata`, and for
///   countries `ISO3`); an entry without such features joins an earlier one
///   that folds to the same words ("Paris", "PARIS").
/// - Features that map are kept: `wikidata`, `geonames`, `ISO3`/`iso3`/`country`
///   (an alpha-3 code) as the country, `ISO2`/`iso2`, `inst` and `id` as external
///   ids (`inst`, `gate-id`); every other feature is reported.
public struct GATEGazetteerImporter: Sendable {
    /// Type mappings and id options.
    public var options: ImportOptions
    /// The `gazetteerFeatureSeparator` the lists were written for; ANNIE's default gazetteer uses `:`.
    public var featureSeparator: Character
    /// Whether the gazetteer ran with `caseSensitive` false: then aliases fold,
    /// else (GATE's default) they are `exact`.
    public var caseInsensitive: Bool

    /// Features whose value identifies an entity, in the order they are tried.
    static let identifyingFeatures = ["inst", "id", "wikidata"]

    /// An importer with `options`, for lists written with `featureSeparator`.
    public init(options: ImportOptions = ImportOptions(), featureSeparator: Character = ":", caseInsensitive: Bool = false) {
        self.options = options
        self.featureSeparator = featureSeparator
        self.caseInsensitive = caseInsensitive
    }

    /// The kind ANNIE's lists of names get without a mapping, or `nil`.
    public static func defaultKind(majorType: String, minorType: String?) -> ActorKind? {
        let minor = minorType.flatMap(ActorKind.subtype(from:)).flatMap { $0 == "other" ? nil : $0 }
        switch majorType {
        case "location":
            switch minor {
            case "country": return ActorKind(.country)
            case "city": return ActorKind(.city)
            default: return ActorKind(.place, subtype: minor)
            }
        case "organization": return ActorKind(.organization, subtype: minor)
        case "company": return ActorKind(.organization, subtype: "company")
        case "person_full": return ActorKind(.person, subtype: minor)
        default: return nil
        }
    }

    /// Imports the gazetteers of these `lists.def` files, in order.
    /// - Throws: ``ActorGraphError``: `malformedImport` naming the file, line and
    ///   column of a malformed definition line, a missing list (or one that is a
    ///   folder or a device) or a malformed feature; `unreadableInput` for a file
    ///   that cannot be read.
    public func importFiles(_ definitions: [URL]) throws -> ImportedGazetteer {
        try options.validate()
        var assembler = ImportAssembler()
        for definition in definitions {
            try ImportAssembler.printableErrors { try read(definition, into: &assembler) }
        }
        return assembler.finish(options: options)
    }

    /// One line of `lists.def`.
    private struct ListLine {
        var list: String
        var major: String
        var minor: String?
        var language: String?
        var annotationType: String?
        var columns: [Int]
    }

    private func read(_ definition: URL, into assembler: inout ImportAssembler) throws {
        let file = SourceFiles.displayName(definition)
        assembler.begin(file: file)
        let text = try SourceFiles.read(definition, code: .malformedImport)
        var seen: [String: Int] = [:]
        for (offset, rawLine) in DirectiveReader.lines(of: text).enumerated() {
            let lineNumber = offset + 1
            var line = String(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.allSatisfy(\.isWhitespace) { continue }
            let entry = try parse(line, file: file, line: lineNumber)
            let place = ImportAssembler.Place(file: file, line: lineNumber, column: entry.columns[0])
            if let first = seen[entry.list] {
                assembler.warn(place, "The list \"\(entry.list)\" is already defined on line \(first); GATE reads a list once, so this line is left out.")
                continue
            }
            seen[entry.list] = lineNumber
            let listURL = definition.deletingLastPathComponent().appendingPathComponent(entry.list)
            guard FileManager.default.fileExists(atPath: listURL.path) else {
                throw ActorGraphError(.malformedImport, "The list \"\(entry.list)\" is not next to \(definition.lastPathComponent); check its name or put it there.",
                                      file: file, line: lineNumber, column: entry.columns[0])
            }
            // A name may lead anywhere ("..", "../../dev/zero"): a folder cannot be read, and a device may never end.
            let type = try? FileManager.default.attributesOfItem(atPath: listURL.resolvingSymlinksInPath().path)[.type] as? FileAttributeType
            guard type == .typeRegular else {
                throw ActorGraphError(.malformedImport, "The list \"\(entry.list)\" is a folder or a device, not a file; name a .lst file.",
                                      file: file, line: lineNumber, column: entry.columns[0])
            }
            let listText = try SourceFiles.read(listURL, code: .malformedImport)
            let listFile = SourceFiles.displayName(listURL)
            let key = entry.minor.map { "\(entry.major):\($0)" } ?? entry.major
            let kind: ActorKind?
            switch assembler.mapping(for: key, in: options) ?? (entry.minor != nil ? assembler.mapping(for: entry.major, in: options) : nil) {
            case .some(let mapped):
                kind = mapped
                if mapped == nil {
                    let count = Self.entryCount(listText)
                    assembler.entriesRead += count
                    assembler.entriesLeftOut += count
                    assembler.entriesSkipped += count
                    continue
                }
            case .none:
                kind = Self.defaultKind(majorType: entry.major, minorType: entry.minor)
            }
            guard let kind else {
                let count = Self.entryCount(listText)
                assembler.entriesRead += count
                assembler.entriesLeftOut += count
                assembler.warn(place, "The list \"\(entry.list)\" (\(key)) is not imported, \(count) \(count == 1 ? "entry" : "entries"): only lists of whole names make entities; if its entries are names, map it with --type \(key)=<type>[/<subtype>].")
                continue
            }
            if let language = entry.language {
                assembler.warn(ImportAssembler.Place(file: file, line: lineNumber, column: entry.columns[3]),
                               "The language \"\(language)\" of \"\(entry.list)\" is not kept; a .gaz entity has no language.")
            }
            if let annotationType = entry.annotationType, annotationType != "Lookup" {
                assembler.warn(ImportAssembler.Place(file: file, line: lineNumber, column: entry.columns[4]),
                               "The annotation type \"\(annotationType)\" of \"\(entry.list)\" is not kept; ActorGraph makes mentions, not annotations.")
            }
            assembler.begin(file: listFile)
            try readList(listText, file: listFile, kind: kind, into: &assembler)
        }
    }

    /// Splits a `lists.def` line at its colons, as GATE does: the annotation type takes the rest.
    private func parse(_ line: String, file: String, line lineNumber: Int) throws -> ListLine {
        var fields: [String] = []
        var columns: [Int] = []
        var current = "", column = 1, start = 1
        for character in line {
            if character == ":" && fields.count < 4 {
                fields.append(current)
                columns.append(start)
                current = ""
                start = column + 1
            } else {
                current.append(character)
            }
            column += 1
        }
        fields.append(current)
        columns.append(start)
        func error(_ message: String, _ column: Int) -> ActorGraphError {
            ActorGraphError(.malformedImport, message, file: file, line: lineNumber, column: column)
        }
        guard fields.count >= 2 else {
            throw error("The line \"\(line)\" is not list.lst:majorType[:minorType[:language[:annotationType]]]; add the major type after a colon.", 1)
        }
        let trimmed = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !trimmed[0].isEmpty else { throw error("The line names no list before its first colon; write the .lst file name there.", 1) }
        guard !trimmed[1].isEmpty else { throw error("The list \"\(trimmed[0])\" has no major type; write one after the colon, e.g. \(trimmed[0]):location:city.", columns[1]) }
        func optional(_ index: Int) -> String? { index < trimmed.count && !trimmed[index].isEmpty ? trimmed[index] : nil }
        return ListLine(list: trimmed[0], major: trimmed[1], minor: optional(2), language: optional(3), annotationType: optional(4),
                        columns: (0 ..< 5).map { $0 < columns.count ? columns[$0] : columns[columns.count - 1] })
    }

    private static func entryCount(_ text: String) -> Int {
        DirectiveReader.lines(of: text).filter { !$0.allSatisfy(\.isWhitespace) }.count
    }

    private func readList(_ text: String, file: String, kind: ActorKind, into assembler: inout ImportAssembler) throws {
        for (offset, rawLine) in DirectiveReader.lines(of: text).enumerated() {
            let lineNumber = offset + 1
            var line = String(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.allSatisfy(\.isWhitespace) { continue }
            assembler.entriesRead += 1
            let place = ImportAssembler.Place(file: file, line: lineNumber)
            // The entry runs to the first separator; name=value features follow, one per separator.
            let parts = line.split(separator: featureSeparator, omittingEmptySubsequences: false)
            let entryText = parts[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var features: [(name: String, value: String, column: Int)] = []
            var column = parts[0].count + 2
            for part in parts.dropFirst() {
                defer { column += part.count + 1 }
                if part.isEmpty { continue }
                guard let equals = part.firstIndex(of: "=") else {
                    throw ActorGraphError(.malformedImport,
                                          "The feature \"\(part)\" has no \"=\"; write name=value, or check that the lists use \"\(featureSeparator)\" as their feature separator (--separator).",
                                          file: file, line: lineNumber, column: column)
                }
                let name = part[..<equals].trimmingCharacters(in: .whitespaces)
                let value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if name.isEmpty || value.isEmpty {
                    assembler.warn(ImportAssembler.Place(file: file, line: lineNumber, column: column),
                                   "The feature \"\(part)\" has an empty name or value, which GATE ignores too; it is not kept.")
                    continue
                }
                features.append((name, value, column))
            }
            if let problem = assembler.aliasProblem(entryText) {
                assembler.leaveOut(place, "The entry \"\(entryText)\" is not imported: \(problem).")
                continue
            }
            // An entry joins the entity of an earlier one that shares an identifying feature
            // with it; one without such features joins an earlier one of the same words.
            let wordsKey = "\(kind)\u{0}words\u{0}\(assembler.foldedKey(entryText))"
            let identifying = (Self.identifyingFeatures + (kind.type == .country ? ["ISO3", "iso3"] : [])).compactMap { name in
                features.first(where: { $0.name == name }).map { "\(kind)\u{0}\(name.lowercased())\u{0}\($0.value)" }
            }
            let index: Int
            if identifying.isEmpty {
                index = assembler.draft(key: wordsKey, kind: kind, idSource: entryText, at: place).index
            } else if let existing = identifying.compactMap({ assembler.index(forKey: $0) }).first {
                index = existing
            } else {
                index = assembler.draft(key: identifying[0], kind: kind, idSource: entryText, at: place).index
            }
            for key in identifying + [wordsKey] { assembler.link(key: key, to: index) }
            assembler.add(alias: entryText, caseSensitive: !caseInsensitive, to: index)
            for feature in features {
                keep(feature, of: index, at: ImportAssembler.Place(file: file, line: lineNumber, column: feature.column), into: &assembler)
            }
        }
    }

    /// Keeps a feature that has a place in a `.gaz` entity, and reports any other.
    private func keep(_ feature: (name: String, value: String, column: Int), of index: Int, at place: ImportAssembler.Place,
                      into assembler: inout ImportAssembler) {
        let (name, value) = (feature.name, feature.value)
        func set(_ scheme: String, _ value: String) {
            if let existing = assembler[index].externalIDs[scheme], existing != value {
                assembler.warn(place, "The feature \(name)=\(value) disagrees with \(existing), given earlier for the same entity; the first is kept.")
            } else {
                assembler[index].externalIDs[scheme] = value
            }
        }
        switch name {
        case "ISO3", "iso3", "country":
            let code = value.uppercased()
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                assembler.warn(place, "The feature \(name)=\(value) is not an ISO 3166-1 alpha-3 code; it is not kept.")
                return
            }
            if let existing = assembler[index].country, existing != code {
                assembler.warn(place, "The feature \(name)=\(value) disagrees with the country \(existing) given earlier for the same entity; the first is kept.")
            } else {
                assembler[index].country = code
            }
        case "ISO2", "iso2":
            guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                assembler.warn(place, "The feature \(name)=\(value) is not an ISO 3166-1 alpha-2 code; it is not kept.")
                return
            }
            set("iso2", value.uppercased())
        case "wikidata":
            guard SpacyPatternImporter.isQID(value) else {
                assembler.warn(place, "The feature wikidata=\(value) is not a Wikidata QID (Q followed by digits); it is not kept.")
                return
            }
            set("wikidata", value)
        case "geonames":
            guard value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                assembler.warn(place, "The feature geonames=\(value) is not a GeoNames number; it is not kept.")
                return
            }
            set("geonames", value)
        case "inst", "id":
            guard GazetteerWriter.problem(with: value) == nil, !value.contains(where: \.isWhitespace) else {
                assembler.warn(place, "The feature \(name)=\(value) holds spaces or a comment sign, so it cannot be an id; it is not kept.")
                return
            }
            set(name == "id" ? "gate-id" : "inst", value)
        default:
            assembler.warn(place, "The feature \(name)=\(value) has no place in a .gaz entity; it is not kept.")
        }
    }
}
