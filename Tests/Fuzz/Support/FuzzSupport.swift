import ActorGraph
import Foundation

// Shared by every fuzz target: invariant checks that stop the fuzzer with a
// readable message, the checks on loader errors and on extracted graphs.

/// The bytes of the input being run, for failure messages.
nonisolated(unsafe) var currentInput: [UInt8] = []

/// Invariant ids to tolerate (comma-separated in FUZZ_ALLOW), so that a known
/// failure does not hide the next one.
let allowedInvariants: Set<String> = Set(
    (ProcessInfo.processInfo.environment["FUZZ_ALLOW"] ?? "")
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
)

func beginInput(_ bytes: UnsafeBufferPointer<UInt8>) {
    currentInput = Array(bytes)
}

/// A Swift string literal of `text`, control and format characters escaped.
func swiftLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            let category = scalar.properties.generalCategory
            if scalar.value < 0x20 || scalar.value == 0x7F || category == .control || category == .format
                || category == .lineSeparator || category == .paragraphSeparator || category == .nonspacingMark
                || category == .enclosingMark || category == .spacingMark || category == .unassigned
                || category == .privateUse || category == .surrogate || (scalar.properties.isWhitespace && scalar != " ") {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// Stops the run (a crash libFuzzer records) unless `condition` holds or `id` is allowed.
func invariant(_ condition: @autoclosure () -> Bool, _ id: String, _ message: @autoclosure () -> String) {
    if condition() || allowedInvariants.contains(id) { return }
    let input = currentInput
    let shown = input.count <= 512 ? hex(input) : hex(Array(input.prefix(512))) + "…"
    let report = """

        ==== INVARIANT FAILED [\(id)] ====
        \(message())
        input (\(input.count) bytes, hex): \(shown)
        input (Swift literal, decoded): \(swiftLiteral(String(decoding: input.prefix(2048), as: UTF8.self)))
        (set FUZZ_ALLOW=\(id) to keep fuzzing past this one)

        """
    FileHandle.standardError.write(Data(report.utf8))
    fatalError("invariant [\(id)] failed")
}

/// Checks an error thrown while loading the data file `file`, whose bytes are the current input:
/// an `ActorGraphError` whose description is one line and starts with `file:line`,
/// the line inside the file and the column, if any, inside the line.
func checkLoaderError(_ error: any Error, file: String, text: String, codes: Set<String>) {
    checkLoaderError(error, files: [file: text], codes: codes)
}

/// Checks an error thrown while reading several data files written from the
/// current input (`files`: each file's name and text): one line, a code of
/// `codes`, and a place in one of them.
func checkLoaderError(_ error: any Error, files: [String: String], codes: Set<String>) {
    guard let error = error as? ActorGraphError else {
        invariant(false, "error-type", "Threw a \(type(of: error)), not an ActorGraphError: \(error)")
        return
    }
    let description = error.description
    let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}"]
    invariant(!description.unicodeScalars.contains(where: breaks.contains), "error-multiline",
              "The error description spans several lines: \(swiftLiteral(description))")
    invariant(!description.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }, "error-line-separator",
              "The error description holds U+2028/U+2029 (a line break to editors): \(swiftLiteral(description))")
    invariant(codes.contains(error.code.rawValue), "error-code",
              "Unexpected error code \(error.code) for a bad data file: \(swiftLiteral(description))")
    invariant(error.file != nil && error.line != nil, "error-no-place",
              "The error names no file:line: \(swiftLiteral(description)) (code \(error.code))")
    guard let errorFile = error.file, let line = error.line else { return }
    invariant(description.hasPrefix("\(errorFile):\(line)"), "error-format", "Description does not start with file:line: \(swiftLiteral(description))")
    checkPlace(file: errorFile, line: line, column: error.column, in: files.mapValues(DirectiveReader.lines(of:)),
               id: "error", what: swiftLiteral(description))
}

/// Checks that `file:line(:column)` lies inside one of `files` (each file's
/// name and its lines, split by `DirectiveReader.lines(of:)` as the loaders
/// count them). `file` may be a path that ends in the name. Broken checks are
/// `<id>-file`, `<id>-line-range` and `<id>-column-range`.
func checkPlace(file: String, line: Int, column: Int?, in files: [String: [Substring]], id: String, what: @autoclosure () -> String) {
    let name = files.keys.sorted().first { file == $0 || file.hasSuffix("/" + $0) }
    invariant(name != nil, "\(id)-file", "\(what()) names \(swiftLiteral(file)), not one of \(files.keys.sorted())")
    guard let name, let lines = files[name] else { return }
    invariant(line >= 1 && line <= lines.count, "\(id)-line-range",
              "Line \(line) is outside \(name)'s \(lines.count) lines: \(what())")
    if let column {
        invariant(column >= 1, "\(id)-column-range", "Column \(column) < 1: \(what())")
        if line >= 1 && line <= lines.count {
            var content = lines[line - 1]
            if line == 1, content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
            invariant(column <= content.count + 1, "\(id)-column-range",
                      "Column \(column) is past the end of line \(line) of \(name) (\(content.count) characters): \(what())")
        }
    }
}

/// Checks an extracted graph against the text it came from: every span's
/// `text` is the input's scalars `start ..< end`, and the JSON round-trips.
func checkGraph(_ graph: ArticleGraph, text: String) {
    let scalars = Array(text.unicodeScalars)
    invariant(graph.document.length == scalars.count, "document-length",
              "document.length \(graph.document.length) != \(scalars.count) scalars")
    func span(_ what: String, _ start: Int, _ end: Int, _ spanText: String?) {
        invariant(0 <= start && start <= end && end <= scalars.count, "span-bounds",
                  "\(what): \(start)..<\(end) is outside 0..<\(scalars.count)")
        guard 0 <= start && start <= end && end <= scalars.count else { return }
        invariant(start < end, "span-empty", "\(what): empty span at \(start)")
        guard let spanText else { return }
        let actual = Array(scalars[start ..< end])
        invariant(Array(spanText.unicodeScalars) == actual, "span-text",
                  "\(what): text \(swiftLiteral(spanText)) != input scalars \(start)..<\(end) \(swiftLiteral(String(String.UnicodeScalarView(actual))))")
    }
    for actor in graph.actors {
        invariant(!actor.mentions.isEmpty, "actor-no-mention", "Actor \(actor.id) has no mention")
        for mention in actor.mentions {
            span("mention of \(actor.id) (\(mention.rule))", mention.start, mention.end, mention.text)
            invariant(mention.sentence >= 0, "sentence-index", "mention sentence \(mention.sentence)")
        }
    }
    let actorIDs = Set(graph.actors.map(\.id))
    for event in graph.events {
        span("trigger of \(event.id) (\(event.rule))", event.trigger.start, event.trigger.end, event.trigger.text)
        for role in event.roles {
            span("\(role.role) of \(event.id)", role.start, role.end, nil)
            invariant(actorIDs.contains(role.actor), "event-actor", "\(event.id) names actor \(role.actor), which the graph lacks")
        }
        if let time = event.time { span("time of \(event.id)", time.start, time.end, time.text) }
        for retelling in event.retellings ?? [] {
            span("retelling of \(event.id)", retelling.start, retelling.end, retelling.text)
        }
        invariant(event.confidence >= 0 && event.confidence <= 1, "confidence", "\(event.id) confidence \(event.confidence)")
    }
    for relation in graph.relations {
        if let start = relation.start, let end = relation.end {
            span("relation \(relation.type) \(relation.source)->\(relation.target)", start, end, relation.text)
        }
    }
    for pretty in [true, false] {
        let data: Data
        do { data = try graph.jsonData(pretty: pretty) } catch {
            invariant(false, "json-encode", "jsonData(pretty: \(pretty)) threw \(error)")
            return
        }
        do {
            let object = try JSONSerialization.jsonObject(with: data)
            invariant(object is [String: Any], "json-parse", "The JSON is not an object")
        } catch {
            invariant(false, "json-parse", "JSONSerialization cannot parse the JSON: \(error)")
        }
        do {
            let decoded = try JSONDecoder().decode(ArticleGraph.self, from: data)
            invariant(decoded == graph, "json-roundtrip", "The JSON decodes to a different graph")
        } catch {
            invariant(false, "json-roundtrip", "JSONDecoder cannot decode the JSON: \(error)")
        }
    }
}

/// A folder of its own for this process's scratch files.
func scratchFolder(_ name: String) -> URL {
    let base = ProcessInfo.processInfo.environment["FUZZ_SCRATCH"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.temporaryDirectory
    let folder = base.appendingPathComponent("actorgraph-fuzz-\(name)-\(getpid())", isDirectory: true)
    try? FileManager.default.removeItem(at: folder)
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
        fatalError("Cannot create the scratch folder \(folder.path): \(error)")
    }
    return folder
}

/// Writes the current input to `url`.
func writeInput(_ bytes: UnsafeBufferPointer<UInt8>, to url: URL) {
    writeFile(bytes, to: url)
}

/// Writes `bytes` to `url` with plain POSIX calls. `Data.write` syncs every
/// file to disk, which left the targets waiting on a busy disk for scratch
/// files that only this process reads.
func writeFile(_ bytes: some Collection<UInt8>, to url: URL) {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { fatalError("Cannot write \(url.path): errno \(errno)") }
    defer { close(descriptor) }
    let buffer = Array(bytes)
    var written = 0
    while written < buffer.count {
        let count = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, buffer.count - written) }
        guard count > 0 else { fatalError("Cannot write \(url.path): errno \(errno)") }
        written += count
    }
}
