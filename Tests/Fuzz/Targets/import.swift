import ActorGraph
import Foundation

// import: bytes -> the gazetteer importers (Docs/Importing.md).
//
// Input layout: byte 0 chooses the format (byte % 3: 0 spaCy, 1 GATE,
// 2 PETRARCH) and the options (byte / 3, bits below); the rest is the file.
// For GATE the rest is split at every 0x1E byte (ASCII record separator):
// the first part is lists.def, each further part a list file whose first
// line is its name (letters, digits, `.`, `_`, `-`; not starting with `.`)
// and whose other lines are its text. A part with another name, or a name
// given twice, is not written.
//
// Checks: an error is a one-line ActorGraphError (malformed-import or
// unmapped-label) naming file:line(:column) inside a file that was written;
// an import that succeeds renders with GazetteerWriter, and that .gaz text
// loads with Gazetteer.load into the same entities; every warning and every
// entity's source names a place inside the input; entry counts add up; the
// same files imported twice give the same bytes.
//
// Seeds: with FUZZ_SEED_DIR and FUZZ_FIXTURES set (run.sh sets both), the
// fixtures of Tests/Import are written into the corpus in this layout at
// start-up.

/// Option bits of `byte0 / 3`.
enum OptionBit {
    /// spaCy: string patterns compare LOWER. GATE: case-insensitive lists.
    static let folded = 1
    /// Type mappings of the format's own (see `typeMappings`).
    static let mappings = 2
    /// Ids that are taken already, so that generated ids must step around them.
    static let reserved = 4
    /// The id prefix `x-`.
    static let prefix = 8
    /// GATE: bits 4 and 5 choose the feature separator.
    static let separatorShift = 4
}

enum Format: Int {
    case spacy, gate, petrarch
}

let separators: [Character] = [":", "&", "\t", "|"]
let recordSeparator: UInt8 = 0x1E

let typeMappings: [Format: [String]] = [
    .spacy: ["EVENT=place/event", "DATE=skip", "GPE=city"],
    .gate: ["person_first=person", "location:region=skip", "title:male=organization/title"],
    .petrarch: ["???REB=group", "IGO*=skip", "EUR=place/region"],
]

let reservedIDs: Set<Entity.ID> = ["paris", "france", "chad", "entity", "apple-inc", "barack-obama", "x-entity"]

let root = scratchFolder("import")
let inputFolder = folder(root.appendingPathComponent("input", isDirectory: true))
let outputFile = folder(root.appendingPathComponent("output", isDirectory: true)).appendingPathComponent("imported.gaz")

func folder(_ url: URL) -> URL {
    do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
        fatalError("Cannot create \(url.path): \(error)")
    }
    return url
}

/// The files one input becomes: (name, bytes), lists.def first for GATE.
func files(of format: Format, _ body: ArraySlice<UInt8>) -> [(name: String, bytes: ArraySlice<UInt8>)] {
    switch format {
    case .spacy: return [("patterns.jsonl", body)]
    case .petrarch: return [("actors.txt", body)]
    case .gate:
        let parts = body.split(separator: recordSeparator, omittingEmptySubsequences: false)
        var result = [(name: "lists.def", bytes: parts[0])]
        var names: Set<String> = ["lists.def"]
        for part in parts.dropFirst() {
            let newline = part.firstIndex(of: UInt8(ascii: "\n")) ?? part.endIndex
            let name = String(decoding: part[..<newline], as: UTF8.self)
            guard isListName(name), names.insert(name).inserted else { continue }
            result.append((name, part[(newline < part.endIndex ? newline + 1 : newline)...]))
        }
        return result
    }
}

func isListName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 64 && !name.hasPrefix(".")
        && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0) || "._-".unicodeScalars.contains($0)) }
}

/// The input bytes of a seed: the format's byte, then its files.
func seed(_ format: Format, options: Int = 0, files: [(name: String, text: Data)]) -> Data {
    var data = Data([UInt8(format.rawValue + 3 * options)])
    for (index, file) in files.enumerated() {
        if index > 0 { data.append(recordSeparator); data.append(Data((file.name + "\n").utf8)) }
        data.append(file.text)
    }
    return data
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let seeds = ProcessInfo.processInfo.environment["FUZZ_SEED_DIR"],
          let fixtures = ProcessInfo.processInfo.environment["FUZZ_FIXTURES"] else { return 0 }
    func read(_ path: String) -> Data {
        let url = URL(fileURLWithPath: fixtures).appendingPathComponent(path)
        do { return try Data(contentsOf: url) } catch { fatalError("Cannot read the fixture \(url.path): \(error)") }
    }
    let definitions = read("gate/lists.def")
    let lists = String(decoding: definitions, as: UTF8.self).split(whereSeparator: \.isNewline)
        .compactMap { $0.split(separator: ":").first.map(String.init) }
    let gate = [("lists.def", definitions)] + lists.map { ($0, read("gate/\($0)")) }
    let made: [(String, Data)] = [
        ("spacy", seed(.spacy, files: [("patterns.jsonl", read("spacy/patterns.jsonl"))])),
        ("spacy-lower-mapped", seed(.spacy, options: OptionBit.folded | OptionBit.mappings | OptionBit.reserved,
                                    files: [("patterns.jsonl", read("spacy/patterns.jsonl"))])),
        ("gate", seed(.gate, files: gate)),
        ("gate-folded-mapped", seed(.gate, options: OptionBit.folded | OptionBit.mappings | OptionBit.prefix, files: gate)),
        ("petrarch", seed(.petrarch, files: [("actors.txt", read("petrarch/actors.txt"))])),
        ("petrarch-mapped", seed(.petrarch, options: OptionBit.mappings | OptionBit.reserved, files: [("actors.txt", read("petrarch/actors.txt"))])),
    ]
    for (name, data) in made {
        let url = URL(fileURLWithPath: seeds).appendingPathComponent("fixture-\(name)")
        do { try data.write(to: url) } catch { fatalError("Cannot write the seed \(url.path): \(error)") }
    }
    return 0
}

/// What one import gave, as bytes to compare: the .gaz text (or the error), the warnings and the counts.
func outcome(_ result: Result<ImportedGazetteer, any Error>) -> String {
    switch result {
    case .success(let imported):
        let text = (try? imported.gazetteerText(header: ["imported"])) ?? "(the writer refused)"
        return text + imported.warnings.map(\.description).joined(separator: "\n")
            + "\n\(imported.entriesRead) \(imported.entriesLeftOut) \(imported.entriesSkipped)"
    case .failure(let error):
        return "error: \(error)"
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    guard let first = bytes.first, let format = Format(rawValue: Int(first) % 3) else { return 0 }
    let bits = Int(first) / 3

    // Write the files afresh, so that nothing of an earlier input remains
    // (a lists.def may name any path, the last output's too).
    for name in (try? FileManager.default.contentsOfDirectory(atPath: inputFolder.path)) ?? [] {
        unlink(inputFolder.appendingPathComponent(name).path)
    }
    unlink(outputFile.path)
    var written: [String: String] = [:]
    let parts = files(of: format, Array(bytes)[1...])
    for part in parts {
        writeFile(part.bytes, to: inputFolder.appendingPathComponent(part.name))
        written[part.name] = String(decoding: part.bytes, as: UTF8.self)
    }
    let main = inputFolder.appendingPathComponent(parts[0].name)

    var options = ImportOptions()
    if bits & OptionBit.mappings != 0 {
        do { options.types = try typeMappings[format, default: []].map(ImportOptions.TypeMapping.init(parsing:)) } catch {
            fatalError("A type mapping of the target does not parse: \(error)")
        }
    }
    if bits & OptionBit.reserved != 0 { options.reservedIDs = reservedIDs }
    if bits & OptionBit.prefix != 0 { options.idPrefix = "x-" }
    let folded = bits & OptionBit.folded != 0
    func importOnce() -> Result<ImportedGazetteer, any Error> {
        Result {
            switch format {
            case .spacy: try SpacyPatternImporter(options: options, phraseAttribute: folded ? .lower : .orth).importFiles([main])
            case .gate: try GATEGazetteerImporter(options: options, featureSeparator: separators[(bits >> OptionBit.separatorShift) & 3],
                                                  caseInsensitive: folded).importFiles([main])
            case .petrarch: try PetrarchActorImporter(options: options).importFiles([main])
            }
        }
    }

    let result = importOnce()
    let again = importOnce()
    let (once, twice) = (outcome(result), outcome(again))
    invariant(once == twice, "import-deterministic",
              "The same files imported twice differ:\n--- first\n\(once)\n--- second\n\(twice)")

    let imported: ImportedGazetteer
    switch result {
    case .failure(let error):
        checkLoaderError(error, files: written, codes: ["malformed-import", "unmapped-label"])
        return 0
    case .success(let value): imported = value
    }

    let lines = written.mapValues(DirectiveReader.lines(of:))   // once: an input may give thousands of warnings
    for warning in imported.warnings {
        invariant(!warning.description.contains(where: \.isNewline), "warning-multiline",
                  "The warning spans several lines: \(swiftLiteral(warning.description))")
        checkPlace(file: warning.file, line: warning.line, column: warning.column, in: lines, id: "warning",
                   what: "The warning \(swiftLiteral(warning.description))")
    }
    invariant(imported.sources.count == imported.entities.count, "import-sources",
              "\(imported.sources.count) sources for \(imported.entities.count) entities")
    for source in imported.sources {
        let colon = source.lastIndex(of: ":")
        let line = colon.flatMap { Int(source[source.index(after: $0)...]) }
        invariant(line != nil, "source-place", "The source \(swiftLiteral(source)) is not file:line")
        guard let colon, let line else { continue }
        checkPlace(file: String(source[..<colon]), line: line, column: nil, in: lines, id: "source",
                   what: "The entity source \(swiftLiteral(source))")
    }
    invariant(imported.entriesSkipped <= imported.entriesLeftOut && imported.entriesLeftOut <= imported.entriesRead,
              "import-counts",
              "Entries: \(imported.entriesRead) read, \(imported.entriesLeftOut) left out, \(imported.entriesSkipped) skipped")

    // The round trip the importer promises: the entities render as .gaz, and the file loads back into them.
    let text: String
    do { text = try imported.gazetteerText(header: ["imported by the fuzz target"]) } catch {
        invariant(false, "writer-refuses", "GazetteerWriter refuses the imported entities: \(error)")
        return 0
    }
    writeFile(text.utf8, to: outputFile)
    let loaded: Gazetteer
    do { loaded = try Gazetteer.load([outputFile]) } catch {
        invariant(false, "roundtrip-load", "The written .gaz does not load: \(error)\n\(text)")
        return 0
    }
    let entities = Array(loaded.entities)
    invariant(entities.map(\.id) == imported.entities.map(\.id), "roundtrip-ids",
              "The .gaz loads with ids \(entities.map(\.id.rawValue)), imported \(imported.entities.map(\.id.rawValue))")
    for (read, made) in zip(entities, imported.entities) {
        invariant(read.aliases == made.aliases, "roundtrip-aliases",
                  "Entity \(made.id) loads with aliases \(read.aliases), imported \(made.aliases)")
        invariant(read == made, "roundtrip-entity", "Entity \(made.id) loads as \(read), imported \(made)")
    }
    return 0
}
