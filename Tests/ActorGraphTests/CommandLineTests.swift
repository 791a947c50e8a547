import Foundation
import Testing
@testable import ActorGraph

/// Runs the built `actorgraph` executable, as a user would.
struct CommandLine_ {
    static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" { folder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return folder.appendingPathComponent("actorgraph")
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs a bash script with `$0` set to the `actorgraph` binary; returns its status and standard output.
    static func shell(_ script: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, binary.path]
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite(.serialized) struct CommandLineTests {
    private func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func extractsTheSeedAsJSON() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "actorgraph/1")
        #expect((object?["document"] as? [String: Any])?["id"] as? String == "000-seed")
    }

    @Test func readsJSONLinesFromStandardInputInOrder() throws {
        let input = """
            {"id": "a", "text": "Benny Gantz will travel to Paris.", "date": "2021-07-27"}
            not json
            {"id": "c", "text": "Angela Merkel met Joe Biden.", "date": "2021-02-30"}
            {"id": "d", "text": "NSO rejected the claims."}
            """
        let result = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 4)
        #expect((lines[0]?["document"] as? [String: Any])?["id"] as? String == "a")
        #expect(lines[1]?["error"] as? String == "The line is not a JSON object; write {\"id\": \"…\", \"text\": \"…\"}.")
        #expect(lines[1]?["line"] as? Int == 2)
        #expect(lines[2]?["id"] as? String == "c")
        #expect(lines[2]?["error"] as? String == "\"2021-02-30\" is not a day of the calendar; check the month and the day.")
        #expect((lines[3]?["document"] as? [String: Any])?["id"] as? String == "d")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("actorgraph: 2 of 4 documents failed\n"))
    }

    @Test func missingFileIsAOneLineError() throws {
        let result = try CommandLine_.run(["extract", "no-such-file.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "actorgraph: error: \"no-such-file.txt\" does not exist; check the path.\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func invalidDateIsAUsageError() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-02-30"])
        #expect(result.status != 0)
        #expect(result.status == 64)
        #expect(result.stderr == "actorgraph: error: --date: \"2021-02-30\" is not a day of the calendar; check the month and the day. (see 'actorgraph --help')\n")
    }

    @Test func badPathsFailAloneAndTheOtherDocumentsStillComeOut() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "nope.txt", "--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr == "actorgraph: error: \"nope.txt\" does not exist; check the path.\nactorgraph: 1 of 2 documents failed\n")
    }

    @Test func jsonLinesFieldsOfTheWrongKindAreReported() throws {
        let input = "{\"id\": true, \"text\": \"a\"}\n{\"id\": \"b\", \"text\": \"x\", \"date\": 20210727}\n{\"id\": 7, \"text\": \"NSO said so.\"}\n"
        let result = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 3)
        #expect(lines[0]?["error"] as? String == "The \"id\" is true, not a non-empty string or a whole number; fix it or leave it out.")
        #expect(lines[1]?["error"] as? String == "The \"date\" is a number, not a string; write it as \"YYYY-MM-DD\".")
        #expect(lines[1]?["column"] as? Int == 34)
        #expect(lines[1]?["id"] as? String == "b")
        #expect((lines[2]?["document"] as? [String: Any])?["id"] as? String == "7")
        let textless = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data("{\"id\": \"x\"}\n".utf8))
        #expect(textless.stdout == "{\"error\":\"The line has no \\\"text\\\" string; add the article's text.\",\"id\":\"x\",\"line\":1}\n")
        let kinds = "{\"id\": \"n\", \"text\": 5}\n{\"id\": \"s\", \"text\": \"a\\ud800b\"}\n"
        let wrong = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data(kinds.utf8))
        #expect(wrong.stderr.contains("<stdin>:1:21: The \"text\" is a number, not a string; write the article's text as a JSON string.\n"))
        #expect(wrong.stderr.contains("<stdin>:2:23: Malformed JSON: \\ud800 is half of a surrogate pair"))
    }

    @Test func aWrongValueIsToldWithTheValuesThatAreRight() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr == "actorgraph: error: The value 'xml' is invalid for '--format <format>'. Please provide one of the following: "
                + "json, jsonl, text, dot, graphml, html, brat, bio, plover, neo4j (see 'actorgraph --help')\n")
        let brat = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "brat"])
        #expect(brat.stderr == "actorgraph: error: --format brat writes one file per document; name their folder with --output-dir. (see 'actorgraph --help')\n")
    }

    @Test func compilingOrImportingOverASourceIsRefused() throws {
        let source = try temporaryFile("mine.gaz", Data("entity acme-corp organization/company\n  name Acme Corp\n".utf8))
        let text = try String(contentsOf: source, encoding: .utf8)
        let over = try CommandLine_.run(["gazetteer", "compile", source.path, "--no-bundled", "-o", source.path])
        #expect(over.status == 64)
        #expect(over.stderr.hasPrefix("actorgraph: error: -o \"\(source.path)\" would replace the input file \"\(source.path)\"; name another file"))
        let folder = source.deletingLastPathComponent().path
        let inside = try CommandLine_.run(["gazetteer", "compile", folder, "--no-bundled", "-o", folder + "/mine.agz"])
        #expect(inside.status == 64)
        #expect(inside.stderr.hasPrefix("actorgraph: error: -o \"\(folder)/mine.agz\" would put mine.agz into the input folder \"\(folder)\", which reads it as input next time;"))
        let imported = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", source.path, "-o", source.path])
        #expect(imported.status == 64 && imported.stderr.contains("would replace the input file"))
        #expect(try String(contentsOf: source, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["mine.gaz"])
    }

    @Test func idIsOnlyForStandardInput() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--id", "x"])
        #expect(result.status == 64)
        #expect(result.stderr == "actorgraph: error: --id names the document read from standard input; files take their file names as ids. (see 'actorgraph --help')\n")
    }

    @Test func emptyFileGivesAnEmptyGraph() throws {
        let file = try temporaryFile("empty.txt", Data())
        let result = try CommandLine_.run(["extract", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"length\" : 0"))
    }

    @Test func binaryJunkIsReadWithReplacementAndReported() throws {
        let file = try temporaryFile("junk.txt", Data([0x47, 0x61, 0x6E, 0x74, 0x7A, 0x20, 0xFF, 0xFE, 0x00, 0x80, 0x20, 0x50, 0x61, 0x72, 0x69, 0x73]))
        let result = try CommandLine_.run(["extract", file.path, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stderr == "actorgraph: warning: \(file.path): invalid UTF-8 from byte 6 on was replaced with U+FFFD; offsets refer to the text as read.\n")
    }

    @Test func folderStandsForItsTextFiles() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "jsonl"])
        #expect(result.status == 0)
        let texts = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".txt") }
        #expect(result.stdout.split(separator: "\n").count == texts.count)
    }

    @Test func anOutputFileThatCannotBeWrittenFailsAloneAndTheOthersAreWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-unwritable-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the first document's file would go: no file can be opened there, even by root.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("000-seed.json"), withIntermediateDirectories: true)
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "Tests/Corpus/001-baerbock-kyiv.txt", "--output-dir", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder.path)/000-seed.json cannot be written; check the folder's permissions and free space.\n"))
        #expect(result.stderr.hasSuffix("actorgraph: 1 of 2 documents failed\n"))
        let written = try Data(contentsOf: folder.appendingPathComponent("001-baerbock-kyiv.json"))
        let text = try String(contentsOf: corpusFolder.appendingPathComponent("001-baerbock-kyiv.txt"), encoding: .utf8)
        #expect(written == (try extractor().extract(text, id: "001-baerbock-kyiv").jsonData()) + Data("\n".utf8))
    }

    @Test func parallelBatchOutputIsInInputOrderAndEqualsTheLibrary() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let result = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "jsonl", "--date", "2021-07-27"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == names.count)
        for (name, line) in zip(names, lines) {
            let text = try String(contentsOf: corpusFolder.appendingPathComponent(name), encoding: .utf8)
            let expected = try extractor().extract(text, date: "2021-07-27", id: String(name.dropLast(4))).jsonData(pretty: false)
            #expect(line == String(decoding: expected, as: UTF8.self), "\(name)")
        }
    }

    /// Many more documents than the workers read ahead, long ones among short ones so that they finish out
    /// of order, and failures among them: every line comes out, in input order, as the library gives it.
    @Test func manyDocumentsComeOutInInputOrder() throws {
        let seed = try String(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"), encoding: .utf8)
        let short = ["Benny Gantz will travel to Paris.", "Angela Merkel met Joe Biden in Berlin.", "NSO rejected the claims."]
        var input = "", expected: [String] = []
        for index in 0 ..< 120 {
            let text = index % 15 == 0 ? String(repeating: seed + "\n", count: 3) : short[index % short.count]
            let line = ["id": "d\(index)", "text": text, "date": index % 40 == 7 ? "2021-13-01" : "2021-07-27"]
            input += String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self) + "\n"
            expected.append(line["date"] == "2021-13-01" ? "error" : String(decoding: try extractor().extract(text, date: "2021-07-27", id: "d\(index)").jsonData(pretty: false), as: UTF8.self))
        }
        let result = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 120)
        for (index, (line, wanted)) in zip(lines, expected).enumerated() {
            if wanted == "error" {
                let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(record?["error"] is String && record?["id"] as? String == "d\(index)", "line \(index + 1): \(line.prefix(80))")
            } else {
                #expect(line == wanted, "line \(index + 1): \(line.prefix(80))")
            }
        }
        #expect(result.stderr.hasSuffix("actorgraph: 3 of 120 documents failed\n"))
    }

    @Test func malformedUserGazetteerNamesFileLineAndColumn() throws {
        let file = try temporaryFile("mine.gaz", Data("entity acme organization\n  name Acme\n  alais ACME\n".utf8))
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--gazetteer", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "actorgraph: error: \(file.path):3:3: Unknown key \"alais\"; use one of: name, alias, exact, demonym, country, wikidata, geonames, id, role, relation.\n")
    }

    @Test func unknownRoleTitleNamesTheEntityAndItsLine() throws {
        let file = try temporaryFile("mine.gaz", Data("entity jane-roe person\n  name Jane Roe\n  role Presidnet | of=france\n".utf8))
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--gazetteer", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("actorgraph: error: \(file.path):1: The role title \"Presidnet\" of \"jane-roe\" is not a title of titles.rules; use one of: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func gazetteerFolderWithoutGazetteersIsAnError() throws {
        let folder = try temporaryFile("notes.txt", Data("nothing".utf8)).deletingLastPathComponent()
        let result = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--gazetteer", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "actorgraph: error: The folder \"\(folder.path)\" holds no .gaz file; name the files or a folder that has them.\n")
    }

    @Test func userGazetteerAddsActors() throws {
        let file = try temporaryFile("mine.gaz", Data("entity acme-corp organization/company\n  name Acme Corp\n".utf8))
        let result = try CommandLine_.run(["extract", "--gazetteer", file.path, "--format", "text"], stdin: Data("Acme Corp denied the report.".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Acme Corp (organization/company) ×1"))
    }

    @Test func outputDoesNotDependOnTheOrderOfUserGazetteers() throws {
        let first = try temporaryFile("a.gaz", Data("entity zorg-a organization\n  name Zorg Alpha\n  alias Zorg\n".utf8))
        let second = try temporaryFile("b.gaz", Data("entity zorg-b organization\n  name Zorg Beta\n  alias Zorg\n".utf8))
        let text = Data("Zorg said so.".utf8)
        let one = try CommandLine_.run(["extract", "--gazetteer", first.path, "--gazetteer", second.path], stdin: text)
        let other = try CommandLine_.run(["extract", "--gazetteer", second.path, "--gazetteer", first.path], stdin: text)
        #expect(one.status == 0 && one.stdout == other.stdout)
    }

    @Test func userRulesAddATriggerWithoutRecompiling() throws {
        let rules = "rule attack.zap attack\n  verb zap\n  source subject\n  target object\n"
        let file = try temporaryFile("mine.rules", Data(rules.utf8))
        let text = Data("Russia zapped Ukraine on Monday.".utf8)
        let before = try CommandLine_.run(["extract", "--format", "text", "--date", "2022-03-01"], stdin: text)
        #expect(!before.stdout.contains("attack"))
        let after = try CommandLine_.run(["extract", "--rules", file.path, "--format", "text", "--date", "2022-03-01"], stdin: text)
        #expect(after.status == 0)
        #expect(after.stdout.contains("e1 attack \"zapped\" [asserted]: source Russia, target Ukraine"))
        #expect(after.stdout.contains("rule attack.zap"))
        let broken = try temporaryFile("broken.rules", Data("rule attack.zap attack\n  verb zap\n  sorce subject\n".utf8))
        let failed = try CommandLine_.run(["extract", "--rules", broken.path], stdin: text)
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("actorgraph: error: \(broken.path):3:3:"))
    }

    @Test func progressGoesToATerminalOnlyAndNeverIntoTheOutput() throws {
        let typescript = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-progress-\(UUID().uuidString)")
        let output = typescript.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: typescript); try? FileManager.default.removeItem(at: output) }
        // `script` gives the command a terminal for standard error; standard output goes to a file.
        let run = try CommandLine_.shell("script -q -e -c \"'$0' extract Tests/Corpus --format jsonl > '\(output.path)'\" '\(typescript.path)' > /dev/null; echo $?")
        #expect(run.output == "0\n")
        let screen = try String(contentsOf: typescript, encoding: .utf8)
        #expect(screen.contains(" document") && screen.contains("MB/s") && screen.contains("%"))
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == GraphTests.corpusTexts.count && lines.allSatisfy { $0.hasPrefix("{") })
        let quiet = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "jsonl"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test func missingBundledDataIsAClearErrorNotACrash() throws {
        let result = try CommandLine_.shell("echo 'Benny Gantz visited Paris.' | ACTORGRAPH_RESOURCES=/nonexistent \"$0\" extract 2>&1; echo status $?")
        #expect(result.output == "actorgraph: error: The bundled rules are missing; keep the ActorGraph_ActorGraphGazetteers.resources folder beside the executable, or name a copy of it in ACTORGRAPH_RESOURCES.\nstatus 1\n")
    }

    @Test func closedStandardOutputIsAClearError() throws {
        let result = try CommandLine_.shell("\"$0\" extract Tests/Corpus/000-seed.txt 2>&1 >&-")
        #expect(result.status == 1)
        #expect(result.output == "actorgraph: error: cannot write to standard output; check that it is open and writable.\n")
    }

    @Test func aReaderThatStopsEarlyEndsTheRunWithoutACrash() throws {
        let piped = try CommandLine_.shell("\"$0\" extract Tests/Corpus --format jsonl 2>/tmp/actorgraph-pipe.err | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}")
        #expect(piped.output == "1\n")
        let errors = (try? String(contentsOfFile: "/tmp/actorgraph-pipe.err", encoding: .utf8)) ?? ""
        #expect(errors == "actorgraph: error: cannot write to standard output; check that it is open and writable.\n")
    }

    @Test func lintPassesOnTheBundledGazetteer() throws {
        let result = try CommandLine_.run(["gazetteer", "lint"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("0 errors, 0 warnings, "), "\(result.stdout)")
    }

    @Test func lintReportsSeededDefectsWithFileAndLine() throws {
        let gaz = """
            entity land country
              name Zandia
              country ZND
            entity anna person
              name Anna Roe
              role President | of=land | from=2010-01-01 | to=2016-01-01
            entity bert person
              name Bert Poe
              alias Anna Roe
              alias Ã‰lise
              role President | of=land | from=2015-01-01
            entity turkey-bird product
              name Turkey
            entity cara person
              name Cara Doe
              role Presidnet | of=land
            entity springfield-a city
              name Zorbaville
              country USA
            entity springfield-b city
              name Zorbaville
              country AUS
            """
        let file = try temporaryFile("seeded.gaz", Data(gaz.utf8))
        let result = try CommandLine_.run(["gazetteer", "lint", "--no-bundled", file.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // A finding about one alias or role names its line and column, not the entity's.
        #expect(lines.contains("\(file.path):10:9: error: The alias \"Ã‰lise\" of \"bert\" looks like mojibake (UTF-8 read as Latin-1); retype it."))
        #expect(lines.contains("\(file.path):11:8: error: \"anna\" and \"bert\" both hold President of land from 2015-01-01 to 2016-01-01; check the dates."))
        #expect(lines.contains { $0.hasPrefix("\(file.path):4: warning: The alias \"anna roe\" belongs to anna, bert, which do not each have their own country") })
        #expect(lines.contains("\(file.path):13:8: warning: The alias \"Turkey\" of \"turkey-bird\" is a common word; write it with `exact` so that only \"Turkey\" matches."))
        #expect(lines.contains { $0.hasPrefix("\(file.path):16:8: error: The role title \"Presidnet\" of \"cara\" is not a title of titles.rules;") })
        #expect(!lines.contains { $0.contains("zorbaville") })
        #expect(lines.last == "3 errors, 2 warnings, 1 note")
        let withNotes = try CommandLine_.run(["gazetteer", "lint", "--no-bundled", "--notes", file.path])
        #expect(withNotes.stdout.contains("\(file.path):17: note: The alias \"zorbaville\" belongs to springfield-a, springfield-b; the resolver takes"))
        let dangling = try temporaryFile("dangling.gaz", Data("entity zed place\n  name Zed\n  relation part-of nowhere\nentity zed place\n  name Zed Two\n".utf8))
        let malformed = try temporaryFile("malformed.gaz", Data("entity yon place\n  nme Yon\n".utf8))
        let broken = try CommandLine_.run(["gazetteer", "lint", "--no-bundled", dangling.path, malformed.path])
        #expect(broken.status == 1)
        // Every problem is listed, not only the first, in the documented `file:line:column: error: …` form.
        #expect(broken.stdout == """
            \(dangling.path):4:8: error: The entity id "zed" is already defined in \(dangling.path):1; give each entity its own id.
            \(malformed.path):2:3: error: Unknown key "nme"; use one of: name, alias, exact, demonym, country, wikidata, geonames, id, role, relation.
            \(dangling.path):3:20: error: No loaded gazetteer defines "nowhere"; add the entity or fix the id.
            3 errors, 0 warnings, 0 notes

            """)
    }

    @Test func statsCountsByType() throws {
        let result = try CommandLine_.run(["gazetteer", "stats"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("person "))
        #expect(result.stdout.contains("entities "))
    }

    @Test func evalPrintsScores() throws {
        let result = try CommandLine_.run(["eval", "Tests/Corpus"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("total (micro)"))
    }

    @Test func evalGoldFileMistakesAreOneLineErrorsWithTheirPlace() throws {
        let gold = try temporaryFile("000-seed.gold.json", Data("""
            {"date": "2021-07-27", "actors": [],
             "events": [{"type": "teleport", "trigger": "trip"}]}
            """.utf8))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Corpus/000-seed.txt"),
                                         to: gold.deletingLastPathComponent().appendingPathComponent("000-seed.txt"))
        defer { try? FileManager.default.removeItem(at: gold.deletingLastPathComponent()) }
        let result = try CommandLine_.run(["eval", gold.deletingLastPathComponent().path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("actorgraph: error: \(gold.path):2:22: \"events[0].type\": \"teleport\" is not an event type of the rules; use one of: "))
        #expect(result.stderr.split(separator: "\n").count == 1)

        try Data("{\"date\": \"2021-07-27\", \"mentions\": [\n".utf8).write(to: gold.deletingLastPathComponent().appendingPathComponent("000-seed.actors.json"))
        let coverage = try CommandLine_.run(["eval", "--coverage", gold.deletingLastPathComponent().path])
        #expect(coverage.status == 1)
        #expect(coverage.stderr == "actorgraph: error: \(gold.deletingLastPathComponent().path)/000-seed.actors.json:2:1: Malformed JSON: expected a value, found the end of the file; fix the JSON here.\n")
    }

    @Test func evalEventCaseMistakesAreOneLineErrorsWithTheirLine() throws {
        let lines = try String(contentsOf: packageRoot.appendingPathComponent("Tests/Events/cases.tsv"), encoding: .utf8).split(separator: "\n").map(String.init)
        let table = try temporaryFile("cases.tsv", Data((lines[0 ..< 3] + [lines[3].replacingOccurrences(of: "\t2023-07-10\t", with: "\t2023-13-01\t")]).joined(separator: "\n").utf8))
        defer { try? FileManager.default.removeItem(at: table.deletingLastPathComponent()) }
        let badDate = try CommandLine_.run(["eval", "--events", table.path])
        #expect(badDate.status == 1)
        #expect(badDate.stderr == "actorgraph: error: \(table.path):4:10: \"2023-13-01\" is not a day of the calendar; check the month and the day.\n")

        try Data(lines[0].utf8).write(to: table)
        let empty = try CommandLine_.run(["eval", "--events", table.path])
        #expect(empty.status == 1)
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr == "actorgraph: error: \(table.path): The table holds no cases; add one a line below the header, as Tests/Events/README.md describes.\n")
    }
}

extension CommandLineTests {
    @Test func aCompiledGazetteerExtractsLikeItsSources() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("extra.gaz")
        try "entity strel-prize organization\n  name Strel Prize\n".write(to: source, atomically: true, encoding: .utf8)
        let compiled = folder.appendingPathComponent("all.agz").path
        let compile = try CommandLine_.run(["gazetteer", "compile", source.path, "-o", compiled])
        #expect(compile.status == 0)
        #expect(compile.stderr.contains("entities"))
        let article = "Tests/Corpus/000-seed.txt"
        let fromText = try CommandLine_.run(["extract", "--gazetteer", source.path, article])
        let fromCompiled = try CommandLine_.run(["extract", "--gazetteer", compiled, article])
        #expect(fromText.status == 0 && fromCompiled.status == 0)
        #expect(fromText.stdout == fromCompiled.stdout)

        // Compiled again with --no-bundled from a file that holds the bundled entities, it still holds them, and is used alone.
        let again = folder.appendingPathComponent("again.agz").path
        #expect(try CommandLine_.run(["gazetteer", "compile", "--no-bundled", compiled, "-o", again]).status == 0)
        let fromAgain = try CommandLine_.run(["extract", "--gazetteer", again, article])
        #expect(fromAgain.status == 0 && fromAgain.stderr.isEmpty)
        #expect(fromAgain.stdout == fromCompiled.stdout)

        try Data("ACTGAZ\r\n\u{1}".utf8).write(to: URL(fileURLWithPath: compiled))
        let broken = try CommandLine_.run(["extract", "--gazetteer", compiled, article])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("all.agz: The compiled gazetteer is truncated"))
    }
}

extension CommandLineTests {
    @Test(arguments: [
        (["gazetteer", "lint", ""], "A gazetteer PATH"),
        (["gazetteer", "stats", "--no-bundled", ""], "A gazetteer PATH"),
        (["gazetteer", "lint", "--rules", ""], "--rules"),
        (["extract", "Tests/Corpus/000-seed.txt", "--gazetteer", ""], "--gazetteer"),
        (["extract", "Tests/Corpus/000-seed.txt", "--rules", ""], "--rules"),
        (["eval", "Tests/Corpus", "--gazetteer", ""], "--gazetteer"),
        (["extract", ""], "A FILE"),
        (["eval", ""], "The corpus folder"),
        (["gazetteer", "import", "--from", "spacy", ""], "The path of a file to import"),
    ])
    func anEmptyPathIsAUsageErrorNotTheCurrentFolder(arguments: [String], option: String) throws {
        let result = try CommandLine_.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == "actorgraph: error: \(option) is an empty path; name a file or folder, or \".\" for the current folder. (see 'actorgraph --help')\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aCompiledFileGivenWithWhatItHoldsSaysWhichFileAndWhatToDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("good.gaz").path
        try "entity strel-prize organization\n  name Strel Prize\n".write(toFile: source, atomically: true, encoding: .utf8)
        let full = folder.appendingPathComponent("full.agz").path, small = folder.appendingPathComponent("small.agz").path
        #expect(try CommandLine_.run(["gazetteer", "compile", "-o", full]).status == 0)
        #expect(try CommandLine_.run(["gazetteer", "compile", "--no-bundled", source, "-o", small]).status == 0)
        let entities = try Gazetteer.bundled().entities
        let withBundled = """
            actorgraph: error: \(full): The entity id "\(entities[0].id)" and \(entities.count - 1) more come twice: \(full) already holds \
            the bundled gazetteer, which is read as well; give \(full) alone, with your other gazetteers compiled into it \
            (actorgraph gazetteer compile FILE… -o \(full)), or, to lint or count them, add --no-bundled.

            """
        let extract = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--gazetteer", full, "--gazetteer", source])
        #expect(extract.status == 1)
        #expect(extract.stderr == withBundled)
        let stats = try CommandLine_.run(["gazetteer", "stats", full, source])
        #expect(stats.status == 1)
        #expect(stats.stderr == withBundled)
        // The way out the message gives.
        let alone = try CommandLine_.run(["gazetteer", "stats", "--no-bundled", full, source])
        #expect(alone.status == 0)
        #expect(alone.stdout.contains("entities      \(entities.count + 1)\n"))

        let withSource = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--gazetteer", small, "--gazetteer", source])
        #expect(withSource.status == 1)
        #expect(withSource.stderr == """
            actorgraph: error: \(small): The entity id "strel-prize" comes twice: \(small) was compiled from \(source), which is read as well; \
            leave out one of the two (and compile \(small) again after editing \(source)).

            """)
    }

    @Test func lintListsADamagedOrTruncatedCompiledFileAsAFindingWithTheCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full.agz")
        #expect(try CommandLine_.run(["gazetteer", "compile", "-o", full.path]).status == 0)
        var data = try Data(contentsOf: full)
        let truncated = folder.appendingPathComponent("truncated.agz"), damaged = folder.appendingPathComponent("damaged.agz")
        try data.prefix(3000).write(to: truncated)
        data[5000] ^= 0xFF
        try data.write(to: damaged)
        for (file, problem) in [(truncated, "truncated (3000 of \(data.count) bytes)"), (damaged, "damaged (its checksum does not match)")] {
            let result = try CommandLine_.run(["gazetteer", "lint", file.path])
            #expect(result.status == 1)
            #expect(result.stderr.isEmpty)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "\(file.path): error: The compiled gazetteer is \(problem); compile it again with `actorgraph gazetteer compile`.")
            #expect(lines.last?.hasPrefix("1 error, 0 warnings, ") == true)
        }
    }
}
