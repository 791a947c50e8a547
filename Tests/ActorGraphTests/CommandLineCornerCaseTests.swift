import Foundation
import Testing
@testable import ActorGraph

/// What the command-line tool does in the corners a user may not think of:
/// links and devices as outputs, rule files and JSON Lines by another name,
/// UTF-16 text, articles without gold files, messages during the progress
/// line, help for a subcommand that does not exist.
@Suite(.serialized) final class CommandLineCornerCaseTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-corners-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func isSymbolicLink(_ path: String) throws -> Bool {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType == .typeSymbolicLink
    }

    @Test func compilingThroughASymbolicLinkWritesTheFileItNamesAndKeepsTheLink() throws {
        let source = try file("mine.gaz", "entity acme-corp organization/company\n  name Acme Corp\n")
        let real = try file("real.agz", "old")
        let link = folder.appendingPathComponent("link.agz").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let compile = try CommandLine_.run(["gazetteer", "compile", "--no-bundled", source, "-o", link])
        #expect(compile.status == 0)
        #expect(try isSymbolicLink(link))
        #expect(try Data(contentsOf: URL(fileURLWithPath: real)).starts(with: Data("ACTGAZ".utf8)))

        // A link to a device is written through too: here, to the tool's standard output.
        let toOutput = folder.appendingPathComponent("out.gaz").path
        try FileManager.default.createSymbolicLink(atPath: toOutput, withDestinationPath: "/proc/self/fd/1")
        let imported = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", "--no-bundled", "-o", toOutput,
                                             try file("patterns.jsonl", #"{"label": "ORG", "pattern": "Acme Corp"}"# + "\n")])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("  name      Acme Corp\n"))
        #expect(try isSymbolicLink(toOutput))
        #expect(imported.stderr.hasSuffix("imported 1 entity (1 alias) from 1 entry; 0 warnings\n"))
    }

    @Test func anOutputThatIsAFolderOrEmptyIsRefused() throws {
        let source = try file("mine.gaz", "entity acme-corp organization/company\n  name Acme Corp\n")
        let into = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: false)
        let compile = try CommandLine_.run(["gazetteer", "compile", "--no-bundled", source, "-o", into])
        #expect(compile.status == 1)
        #expect(compile.stderr == "actorgraph: error: \"\(into)\" is a folder; name a file to write, e.g. \(into)/names.agz.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: into).isEmpty)
        let empty = try CommandLine_.run(["gazetteer", "compile", "--no-bundled", source, "-o", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("actorgraph: error: -o is empty; name the file to write, e.g. names.agz."))
    }

    @Test func aRuleFileNamedWithAnotherExtensionIsRead() throws {
        let sentence = Data("Emmanuel Macron will serenade Benny Gantz.".utf8)
        let rules = try file("mine.txt", "rule meet.serenade meet\n  verb serenade\n  source subject\n  target object\n")
        let withRule = try CommandLine_.run(["extract", "--rules", rules, "--format", "text"], stdin: sentence)
        #expect(withRule.status == 0)
        #expect(withRule.stdout.hasPrefix("document: 2 actors, 1 event, 0 relations\n"))
        #expect(withRule.stdout.contains("e1 meet \"serenade\" [planned]: source Emmanuel Macron, target Benny Gantz"))
        let junk = try file("junk.txt", "garbage here\n")
        let refused = try CommandLine_.run(["extract", "--rules", junk, "--format", "text"], stdin: sentence)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("actorgraph: error: \(junk):1:1: Unknown directive \"garbage\""))
    }

    @Test func inputSaysWhatTheFilesNamedHold() throws {
        let lines = try file("docs.json", """
            {"id": "q", "text": "Emmanuel Macron spoke."}
            {"id": "r", "text": "Benny Gantz spoke."}

            """)
        let asLines = try CommandLine_.run(["extract", lines, "--input", "jsonl", "--format", "jsonl"])
        #expect(asLines.status == 0)
        let ids = asLines.stdout.split(separator: "\n").map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
                .flatMap { $0["document"] as? [String: Any] }?["id"] as? String
        }
        #expect(ids == ["q", "r"])
        // Without --input the file is one text document, named after the file.
        let asText = try CommandLine_.run(["extract", lines, "--format", "jsonl"])
        #expect(asText.stdout.split(separator: "\n").count == 1 && asText.stdout.contains(#""id":"docs""#))
        let withID = try CommandLine_.run(["extract", "--id", "x", "--format", "jsonl"], stdin: Data(#"{"id": "q", "text": "x"}"#.utf8))
        #expect(withID.status == 64)
        #expect(withID.stderr.hasPrefix("actorgraph: error: --id names a text document read from standard input; JSON Lines documents carry their own \"id\"."))
    }

    @Test func utf16TextWithAByteOrderMarkIsDecoded() throws {
        let text = "Benny Gantz met Florence Parly in Paris.\n"
        let utf8 = try file("article.txt", text)
        let sub = folder.appendingPathComponent("utf16")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let utf16 = sub.appendingPathComponent("article.txt")
        try text.data(using: .utf16)!.write(to: utf16)      // Foundation writes a byte-order mark first
        let expected = try CommandLine_.run(["extract", utf8, "--date", "2021-07-27"])
        let decoded = try CommandLine_.run(["extract", utf16.path, "--date", "2021-07-27"])
        #expect(decoded.status == 0 && decoded.stderr.isEmpty)
        #expect(decoded.stdout == expected.stdout)
        #expect(expected.stdout.contains("florence-parly"))

        let lines = sub.appendingPathComponent("docs.jsonl")
        try #"{"id": "a", "text": "Benny Gantz spoke."}"#.data(using: .utf16)!.write(to: lines)
        let refused = try CommandLine_.run(["extract", lines.path, "--format", "jsonl"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(lines.path) is UTF-16 (it starts with a byte-order mark); JSON Lines are UTF-8: convert it"))
    }

    @Test func aMissingFileIsReportedAsMissingWhateverTheFormat() throws {
        for format in ["json", "dot", "html", "graphml"] {
            let result = try CommandLine_.run(["extract", "no-such-article.txt", "--format", format])
            #expect(result.status == 1)
            #expect(result.stderr == "actorgraph: error: \"no-such-article.txt\" does not exist; check the path.\n")
        }
    }

    @Test func rulesWithoutTitlesAreNamedAsTheProblem() throws {
        let rules = try file("own.rules", "type greet plover=CONSULT\nrule greet.greet greet\n  verb greet\n  source subject\n")
        let result = try CommandLine_.run(["extract", "--no-bundled-rules", "--rules", rules], stdin: Data("Macron will greet Gantz.".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("actorgraph: error: The rules in use define no titles, and the gazetteer's roles need them"))
        #expect(result.stderr.contains("add the bundled titles.rules ("))
    }

    @Test func coverageRefusesAnArticleWithoutItsGoldFile() throws {
        let coverage = packageRoot.appendingPathComponent("Tests/Coverage")
        let names = try FileManager.default.contentsOfDirectory(atPath: coverage.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names.prefix(2) {
            try FileManager.default.copyItem(at: coverage.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let first = String(names[0].dropLast(4))
        try FileManager.default.copyItem(at: coverage.appendingPathComponent(first + ".actors.json"),
                                         to: folder.appendingPathComponent(first + ".actors.json"))
        let result = try CommandLine_.run(["eval", "--coverage", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"\(names[1])\" has no coverage gold file; write \(names[1].dropLast(4)).actors.json beside it"))
    }

    @Test func aMessageDuringTheProgressLineStartsALineOfItsOwn() throws {
        var lines = (1 ... 40).map { #"{"id": "d\#($0)", "text": "Benny Gantz spoke in Paris."}"# }
        lines[20] = "not json"
        let input = try file("docs.jsonl", lines.joined(separator: "\n") + "\n")
        let typescript = folder.appendingPathComponent("screen").path
        // `script` gives the command a terminal for standard error; standard output goes to a file.
        _ = try CommandLine_.shell("script -q -c \"'$0' extract '\(input)' --format jsonl > /dev/null\" '\(typescript)' > /dev/null")
        let screen = try String(contentsOf: URL(fileURLWithPath: typescript), encoding: .utf8)
        #expect(screen.contains("MB/s"))
        // Each message starts a line of its own: the progress line is cleared before it.
        let messages = screen.components(separatedBy: "actorgraph: ").dropFirst()
        #expect(messages.count == 2)
        for (before, _) in zip(screen.components(separatedBy: "actorgraph: "), messages) {
            #expect(before.hasSuffix("\r\u{1B}[K") || before.hasSuffix("\r\n"))     // a terminal ends lines with CR LF
        }
    }

    @Test func helpForASubcommandThatDoesNotExistIsAUsageError() throws {
        let unknown = try CommandLine_.run(["help", "gazetteer", "complie"])
        #expect(unknown.status == 64 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "actorgraph: error: Unknown subcommand 'complie' (see 'actorgraph --help')\n")
        let known = try CommandLine_.run(["help", "gazetteer", "compile"])
        #expect(known.status == 0 && known.stdout.hasPrefix("OVERVIEW: Compile gazetteers"))
    }

    @Test func aGraphvizThatFailsIsAWarningAndTheReportDrawsItsOwnGraph() throws {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: false)
        let dot = bin.appendingPathComponent("dot")
        try Data("#!/bin/sh\necho broken >&2\nexit 3\n".utf8).write(to: dot)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dot.path)
        let process = Process()
        process.executableURL = CommandLine_.binary
        process.arguments = ["extract", "Tests/Corpus/000-seed.txt", "--format", "html"]
        process.currentDirectoryURL = packageRoot
        // Only `PATH` changes: the sanitizers' settings, among others, must reach the tool.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let page = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(messages == "actorgraph: warning: \(dot.path) failed (exit status 3); the report of 000-seed, and every report drawn after it, uses the built-in layout.\n")
        let builtIn = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--format", "html", "--no-graphviz"])
        #expect(page == builtIn.stdout)
    }

    @Test func messagesAndHeadersStayOnOneLineWhateverTheIdHolds() throws {
        let lines = Data((#"{"id": "a\nb", "text": "Benny Gantz spoke."}"# + "\n" + #"{"id": "a\nb", "text": "x"}"#).utf8)
        let merged = try CommandLine_.run(["extract", "--input", "jsonl", "--format", "text", "--merge"], stdin: lines)
        #expect(merged.stderr == "actorgraph: warning: <stdin>:2: the id \"a<U+000A>b\" is taken by an earlier document; it is \"a<U+000A>b-2\" in the corpus graph.\n")
        let one = try CommandLine_.run(["extract", "--input", "jsonl", "--format", "text"], stdin: Data(#"{"id": "a\nb", "text": "x"}"#.utf8))
        #expect(one.stdout.hasPrefix("a b: 0 actors, 0 events, 0 relations\n"))
    }

    @Test func aMissingFileIsMissingForEveryCommandAndAFolderNamedLikeAnArticleIsNotOne() throws {
        for arguments in [["gazetteer", "import", "--from", "spacy", "no-such.jsonl"], ["eval", "--events", "no-such.tsv"],
                          ["gazetteer", "lint", "no-such.gaz"]] {
            let result = try CommandLine_.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr == "actorgraph: error: \"no-such.\(arguments.last!.split(separator: ".").last!)\" does not exist; check the path.\n")
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes.txt"), withIntermediateDirectories: false)
        _ = try file("article.txt", "Benny Gantz spoke.")
        let result = try CommandLine_.run(["extract", folder.path, "--format", "jsonl"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout.split(separator: "\n").count == 1 && result.stdout.contains(#""id":"article""#))
    }

    @Test func standardOutputRedirectedToAFileIsWrittenWhereTheOutputBeforeItStands() throws {
        let source = try file("mine.gaz", "entity acme-corp organization/company\n  name Acme Corp\n")
        let combined = folder.appendingPathComponent("combined.agz").path
        _ = try CommandLine_.shell("(echo HEADER; \"$0\" gazetteer compile --no-bundled '\(source)' -o /dev/stdout 2> /dev/null; echo TRAILER) > '\(combined)'")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: combined))
        #expect(bytes.starts(with: Data("HEADER\nACTGAZ".utf8)))
        #expect(bytes.suffix(8) == Data("TRAILER\n".utf8))
    }

    @Test func utf16ThatIsNotValidIsRepairedWithAWarning() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Array("Benny".utf16) + [0xD800] + Array(" Gantz met Florence Parly.".utf16) { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let url = folder.appendingPathComponent("lone.txt")
        try Data(bytes + [0x41]).write(to: url)
        let result = try CommandLine_.run(["extract", url.path, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stderr == "actorgraph: warning: \(url.path): the UTF-16 text holds bytes that are not UTF-16 (a lone surrogate, or an odd byte at the end); they were replaced with U+FFFD.\n")
        #expect(result.stdout.contains("Florence Parly (person/politician)"))
    }

    @Test func aJSONLinesFileReadAsTextIsOneDocument() throws {
        let lines = try file("docs.jsonl", #"{"id": "q", "text": "Benny Gantz spoke."}"# + "\n")
        let asText = try CommandLine_.run(["extract", lines, "--input", "text", "--format", "dot"])
        #expect(asText.status == 0)
        #expect(asText.stdout.hasPrefix("digraph"))
        let asLines = try CommandLine_.run(["extract", lines, "--format", "dot"])
        #expect(asLines.status == 64)
    }
}
