import Foundation
import Testing
@testable import ActorGraph

/// `actorgraph gazetteer import`, run as a user would: output that lints clean,
/// warnings on stderr, exit statuses, and the same bytes every time.
@Suite(.serialized) struct ImportCommandTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let formats: [(String, [String])] = [
        ("spacy", ["Tests/Import/spacy/patterns.jsonl"]),
        ("gate", ["Tests/Import/gate/lists.def"]),
        ("petrarch", ["Tests/Import/petrarch/actors.txt", "--type", "???REB=group"]),
    ]

    @Test(arguments: formats)
    func importedFilesLintWithoutErrorsAndLoadWithTheBundledGazetteer(_ format: String, _ arguments: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("imported.gaz").path
        let result = try CommandLine_.run(["gazetteer", "import", "--from", format] + arguments + ["-o", output])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("actorgraph: imported ") == true)
        let alone = try CommandLine_.run(["gazetteer", "lint", "--no-bundled", output])
        #expect(alone.status == 0)
        #expect(alone.stdout.contains("0 errors"))
        // Ids are kept clear of the bundled ones, so the file also loads on top of them.
        let together = try CommandLine_.run(["gazetteer", "lint", output])
        #expect(together.status == 0)
        #expect(together.stdout.contains("0 errors"))
    }

    @Test func withoutOutputTheGazetteerGoesToStandardOutputAndWarningsToStandardError() throws {
        let result = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", "Tests/Import/spacy/patterns.jsonl", "--no-bundled"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Imported by actorgraph gazetteer import --from spacy, from: Tests/Import/spacy/patterns.jsonl\n\n# from Tests/Import/spacy/patterns.jsonl:1\nentity apple-inc organization\n"))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("actorgraph: warning: Tests/Import/spacy/patterns.jsonl:8: The pattern is not imported: token 2 uses OP, which an alias cannot express; only tokens that are each one LOWER, ORTH or TEXT string can be imported."))
        #expect(lines.last == "actorgraph: imported 5 entities (7 aliases) from 10 entries; 2 not imported; 4 warnings")
    }

    @Test(arguments: [
        ("spacy", "Tests/Import/spacy/patterns.jsonl", "PERSON=person/politician"),
        ("gate", "Tests/Import/gate/lists.def", "location:city=city"),
        ("petrarch", "Tests/Import/petrarch/actors.txt", "???REB=group"),
    ])
    func aTypeMappingThatDecidesNothingIsAWarning(_ format: String, _ file: String, _ used: String) throws {
        let arguments = ["gazetteer", "import", "--from", format, file, "--no-bundled", "--type", used, "--type", "GEP=city"]
        let result = try CommandLine_.run(arguments)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        // Only the misspelled label is named.
        #expect(lines.filter { $0.contains("decided the type of no entry") }
                == ["actorgraph: warning: --type GEP=… decided the type of no entry; check the label's spelling in the files."])
        let strict = try CommandLine_.run(arguments + ["--strict"])
        #expect(strict.status == 1 && strict.stdout.isEmpty)
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let arguments = ["gazetteer", "import", "--from", "petrarch", "Tests/Import/petrarch/actors.txt"]
        let first = try CommandLine_.run(arguments), second = try CommandLine_.run(arguments)
        #expect(first.status == 0 && !first.stdout.isEmpty)
        #expect(first.stdout == second.stdout && first.stderr == second.stderr)
    }

    @Test func strictTurnsWarningsIntoAnErrorAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.gaz")
        let result = try CommandLine_.run(["gazetteer", "import", "--from", "gate", "Tests/Import/gate/lists.def", "--strict", "--no-bundled", "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("actorgraph: error: 3 warnings with --strict; nothing was written.\n"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func malformedInputIsAnErrorNamingItsPlace() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.jsonl")
        try #"{"label": "EVENT", "pattern": "Olympics"}"#.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "actorgraph: error: \(file.path):1: The label \"EVENT\" has no ActorGraph type; map it with --type EVENT=<type>[/<subtype>] (types: person, organization, country, city, place, product, group), or leave it out with --type EVENT=skip.\n")
        let mapped = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", file.path, "--type", "EVENT=place/event", "--no-bundled"])
        #expect(mapped.status == 0)
        #expect(mapped.stdout.contains("entity olympics place/event\n  name      Olympics\n  exact     Olympics\n"))
    }

    @Test func optionsOfAnotherFormatAreUsageErrors() throws {
        let result = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", "Tests/Import/spacy/patterns.jsonl", "--separator", "&"])
        #expect(result.status == 64)
        #expect(result.stderr == "actorgraph: error: --separator and --case-insensitive apply to --from gate only. (see 'actorgraph --help')\n")
    }

    @Test func badTypeMappingsAndIdPrefixesAreUsageErrors() throws {
        let cases = [
            (["--type", "ZZL=alien"], "Unknown type \"alien\"; use one of:"),
            // The label ends at the first "=": what follows it is the type.
            (["--type", "ORG=person=x"], "Unknown type \"person=x\"; use one of:"),
            (["--type", "ZZL"], "The type mapping \"ZZL\" is not LABEL=type[/subtype];"),
            (["--id-prefix", "Bad Prefix"], "The id prefix \"Bad Prefix\" may use only lowercase letters, digits and hyphens"),
        ]
        for (options, message) in cases {
            let result = try CommandLine_.run(["gazetteer", "import", "--from", "spacy", "Tests/Import/spacy/patterns.jsonl"] + options)
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("actorgraph: error: " + message) && result.stdout.isEmpty)
        }
    }
}
