import Foundation
import Testing
@testable import ActorGraph

/// `actorgraph extract` with the graph formats, `--merge` and `--output-dir`.
@Suite(.serialized) struct ExportCommandTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func oneArticleGoesToStandardOutputInEveryGraphFormat() throws {
        let dot = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27", "--format", "dot"])
        #expect(dot.status == 0 && dot.stderr.isEmpty)
        #expect(dot.stdout.hasPrefix("digraph \"000-seed\" {\n") && dot.stdout.contains("\"benny-gantz\" -> \"e"))
        let graphml = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27", "--format", "graphml"])
        #expect(graphml.status == 0 && graphml.stdout.hasPrefix("<?xml") && graphml.stdout.contains("<node id=\"benny-gantz\">"))
    }

    @Test func htmlReportsDrawTheGraphWithGraphvizOrTheBuiltInLayout() throws {
        let builtIn = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27", "--format", "html", "--no-graphviz"])
        #expect(builtIn.status == 0 && builtIn.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(builtIn.stdout.contains("data-node=\"benny-gantz\"") && builtIn.stdout.contains("built-in layout"))
        if GraphWriterTests.dot != nil {
            let drawn = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27", "--format", "html"])
            #expect(drawn.status == 0 && drawn.stdout.contains("<title>benny&#45;gantz</title>") && drawn.stdout.contains("Drawn by Graphviz"))
        }
        let corpus = try CommandLine_.run(["extract", "Tests/Corpus", "--merge", "--format", "html", "--no-graphviz"])
        #expect(corpus.status == 0 && corpus.stdout.contains("class=\"actor-row"))
    }

    @Test func severalArticlesNeedAFolderOrAMerge() throws {
        let refused = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "dot"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--format dot writes one file per document; name their folder with --output-dir, or add --merge"))
        let neo4j = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--format", "neo4j"])
        #expect(neo4j.status == 64 && neo4j.stderr.contains("--format neo4j writes several files; name their folder with --output-dir."))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "graphml", "--output-dir", folder.path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        let expected = GraphTests.corpusTexts.map { "\($0.dropLast(4)).graphml" }.sorted()
        #expect(try files(in: folder) == expected)
        let seed = try String(contentsOf: folder.appendingPathComponent("000-seed.graphml"), encoding: .utf8)
        let alone = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--format", "graphml"])
        #expect(seed == alone.stdout)
    }

    @Test func mergeGivesOneCorpusGraphWithOneNodePerEntity() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus", "--merge", "--date", "2021-07-27"])
        #expect(result.status == 0)
        let corpus = try JSONDecoder().decode(CorpusGraph.self, from: Data(result.stdout.utf8))
        #expect(corpus.schema == "actorgraph-corpus/1")
        #expect(corpus.documents.count == GraphTests.corpusTexts.count)
        #expect(Set(corpus.actors.map(\.id)).count == corpus.actors.count)
        let graphs = try GraphTests.corpusTexts.map { name in
            try extractor().extract(String(contentsOf: corpusFolder.appendingPathComponent(name), encoding: .utf8), date: "2021-07-27", id: String(name.dropLast(4)))
        }
        #expect(corpus == (try CorpusGraph(merging: graphs)))
        let dot = try CommandLine_.run(["extract", "Tests/Corpus", "--merge", "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph \"corpus\" {\n") && dot.stdout.contains("penwidth="))
    }

    @Test func mergeRenamesARepeatedIDAndSaysSo() throws {
        let input = """
            {"id": "a", "text": "Benny Gantz visited Paris.", "date": "2021-07-01"}
            {"id": "a", "text": "Benny Gantz met Emmanuel Macron.", "date": "2021-07-02"}
            {"id": "b", "text": 7}
            """
        let result = try CommandLine_.run(["extract", "--input", "jsonl", "--merge", "--format", "json"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("warning: <stdin>:2: the id \"a\" is taken by an earlier document; it is \"a-2\" in the corpus graph."))
        #expect(result.stderr.contains("error: <stdin>:3:21: The \"text\" is a number, not a string"))
        let corpus = try JSONDecoder().decode(CorpusGraph.self, from: Data(result.stdout.utf8))
        #expect(corpus.documents.map(\.id) == ["a", "a-2"])
        #expect(corpus.actor("benny-gantz")?.firstDate == "2021-07-01" && corpus.actor("benny-gantz")?.lastDate == "2021-07-02")
    }

    @Test func neo4jWritesTheImportFilesOfTheCorpus() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "neo4j", "-o", folder.path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try files(in: folder) == ["actors.csv", "documents.csv", "event-links.csv", "events.csv", "import.sh", "in-document.csv",
                                          "interactions.csv", "mentioned-in.csv", "relations.csv", "roles.csv"])
        let documents = try String(contentsOf: folder.appendingPathComponent("documents.csv"), encoding: .utf8)
        #expect(documents.split(separator: "\n").count == GraphTests.corpusTexts.count + 1)
    }

    @Test func anOutputFolderThatIsAFileIsAClearError() throws {
        let result = try CommandLine_.run(["extract", "Tests/Corpus", "--format", "dot", "-o", "Tests/Corpus/000-seed.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "actorgraph: error: --output-dir \"Tests/Corpus/000-seed.txt\" is a file; name a folder.\n")
    }

    @Test func outputNeverReplacesTheInputNorJoinsAFolderOfArticles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        let article = articles.appendingPathComponent("000-seed.txt")
        let seed = try Data(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"))
        try seed.write(to: article)
        // Text and brat write .txt files: into the folder read, refused before any work, however it is spelled.
        for arguments in [["--format", "text"], ["--format", "brat"], ["--merge", "--format", "text"]] {
            let refused = try CommandLine_.run(["extract", articles.path, "--output-dir", articles.path + "/../articles/"] + arguments)
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("is the input folder \"\(articles.path)\": the .txt files --format"))
        }
        // A file named as input is not replaced by its own output, and the other documents still come out.
        let notes = folder.appendingPathComponent("notes.json")
        try Data("Benny Gantz visited Paris.".utf8).write(to: notes)
        let result = try CommandLine_.run(["extract", article.path, notes.path, "--output-dir", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(": The output notes.json would replace the input file \"\(notes.path)\"; name another --output-dir.\n"))
        #expect(result.stderr.hasSuffix("actorgraph: 1 of 2 documents failed\n"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "Benny Gantz visited Paris.")
        #expect(try Data(contentsOf: article) == seed)
        #expect(try files(in: folder) == ["000-seed.json", "articles", "notes.json"])
    }

    @Test func documentsThatShareAnIdGetFilesOfTheirOwnWithAWarning() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = "{\"id\": \"x\", \"text\": \"Benny Gantz visited Paris.\"}\n{\"id\": \"x\", \"text\": \"Emmanuel Macron met Benny Gantz.\"}\n"
        let result = try CommandLine_.run(["extract", "--input", "jsonl", "--output-dir", folder.path], stdin: Data(lines.utf8))
        #expect(result.status == 0)
        #expect(result.stderr == "actorgraph: warning: <stdin>:2: an earlier document's files are named \"x\"; this one's are \"x-2\".\n")
        #expect(try files(in: folder) == ["x-2.json", "x.json"])
    }

    @Test func aLongIdIsShortenedToAFileNameTheSystemTakes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 180 Cyrillic letters are 360 bytes, past the 255 a file name holds.
        let id = String(repeating: "Кремль", count: 30)
        let line = "{\"id\": \"\(id)\", \"text\": \"Benny Gantz visited Paris.\"}\n"
        let result = try CommandLine_.run(["extract", "--input", "jsonl", "--output-dir", folder.path], stdin: Data(line.utf8))
        #expect(result.status == 0 && result.stderr.isEmpty)
        let names = try files(in: folder)
        #expect(names.count == 1 && names[0].hasPrefix("КремльКремль") && names[0].hasSuffix(".json") && names[0].utf8.count <= 205)
    }

    @Test func severalDocumentsAreAnArrayEvenWhenNoneCameOut() throws {
        let none = try CommandLine_.run(["extract", "--input", "jsonl"])
        #expect(none.status == 0 && none.stdout == "[]\n")
        let failed = try CommandLine_.run(["extract", "nope-1.txt", "nope-2.txt"])
        #expect(failed.status == 1 && failed.stdout == "[]\n")
        let one = try CommandLine_.run(["extract", "nope-1.txt"])
        #expect(one.status == 1 && one.stdout.isEmpty)
    }

    @Test func jsonLinesFilesAreReadLineByLineInEveryFormat() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("docs.jsonl")
        try Data("{\"id\": \"x\", \"text\": \"Benny Gantz visited Paris.\"}\n{\"id\": \"y\", \"text\": \"Emmanuel Macron met Benny Gantz.\"}\n".utf8).write(to: file)
        let result = try CommandLine_.run(["extract", file.path, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("x: 2 actors") && result.stdout.contains("\n\ny: 2 actors"))
    }
}

/// `actorgraph extract` with the formats that annotate the text.
@Suite(.serialized) struct AnnotationCommandTests {
    @Test func bratWritesTextAnnotationsAndOneConfigurationPerFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-brat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLine_.run(["extract", "Tests/Corpus", "--date", "2021-07-27", "--format", "brat", "--output-dir", folder.path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == (["annotation.conf"] + GraphTests.corpusTexts.flatMap { ["\($0.dropLast(4)).ann", $0] }).sorted())
        // The .txt is the input, byte for byte, so the .ann's offsets hold.
        let seed = try Data(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("000-seed.txt")) == seed)
        let alone = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27", "--format", "brat"])
        #expect(try String(contentsOf: folder.appendingPathComponent("000-seed.ann"), encoding: .utf8) == alone.stdout)
        let configuration = try String(contentsOf: folder.appendingPathComponent("annotation.conf"), encoding: .utf8)
        #expect(configuration.contains("[entities]") && configuration.contains("\nVisit\t"))
    }

    @Test func bioAndPloverStreamEveryDocument() throws {
        let bio = try CommandLine_.run(["extract", "Tests/Corpus", "--date", "2021-07-27", "--format", "bio"])
        #expect(bio.status == 0)
        #expect(bio.stdout.components(separatedBy: "-DOCSTART-\tO\n").count - 1 == GraphTests.corpusTexts.count)
        #expect(bio.stdout.contains("Gantz\tB-PER\n"))
        let plover = try CommandLine_.run(["extract", "Tests/Corpus/000-seed.txt", "--date", "2021-07-27", "--format", "plover"])
        #expect(plover.status == 0)
        let records = plover.stdout.split(separator: "\n")
        #expect(!records.isEmpty)
        for record in records {
            let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any]
            #expect(object?["event"] != nil && object?["source"] != nil && object?["event_text"] != nil && object?["date"] != nil)
        }
    }

    @Test func annotationFormatsRefuseMerge() throws {
        for format in ["brat", "bio", "plover"] {
            let result = try CommandLine_.run(["extract", "Tests/Corpus", "--merge", "--format", format])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--format \(format) annotates each document's text and has no corpus form; leave out --merge."))
        }
    }
}
