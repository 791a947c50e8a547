import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ActorGraph

@Suite struct GraphWriterTests {
    func seed() throws -> ArticleGraph {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"), encoding: .utf8)
        return try extractor().extract(text, date: "2021-07-27", id: "000-seed")
    }

    /// Graphviz's `dot`, when installed.
    static let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func articleGraphHasActorsAndEventsAsNodesAndRolesAsLinks() throws {
        let graph = try seed()
        let nodes = NodeLinkGraph(graph)
        #expect(nodes.nodes.filter { $0.kind == .actor }.map(\.id) == graph.actors.map(\.id))
        #expect(nodes.nodes.filter { $0.kind == .event }.map(\.id) == graph.events.map(\.id))
        let roles = nodes.links.filter { $0.kind == .role }
        #expect(roles.count == graph.events.reduce(0) { $0 + Set($1.roles.map { "\($0.role) \($0.actor)" }).count })
        // Source actors point into their events; the other roles point out of them.
        for link in roles { #expect((link.label == "source") == graph.actors.contains { $0.id == link.source }) }
        let ids = Set(nodes.nodes.map(\.id))
        #expect(nodes.links.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }

    @Test func dotQuotesEveryNameAndRendersWithoutWarnings() throws {
        let hostile = try extractor().extract("Benny Gantz visited Paris.", id: "a \"quoted\" \\ id\nwith a break")
        let text = DOTWriter(title: hostile.document.id!).render(NodeLinkGraph(hostile))
        #expect(text.hasPrefix("digraph \"a \\\"quoted\\\" \\\\ id\\nwith a break\" {\n"))
        #expect(!text.contains("\nwith"))
        #expect(DOTWriter.quoted("a\r\nb") == "\"a\\nb\"")
        guard let dot = Self.dot else { return }
        for source in [text, DOTWriter(title: "000-seed").render(NodeLinkGraph(try seed())),
                       DOTWriter(title: "corpus").render(NodeLinkGraph(try CorpusGraph(merging: [try seed(), hostile])))] {
            let result = try run(dot, ["-Tsvg"], input: source)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty, "dot warned: \(result.stderr)")
            #expect(result.stdout.contains("<svg"))
        }
    }

    @Test func graphMLDeclaresEveryAttributeItUses() throws {
        let text = GraphMLWriter(title: "000-seed").render(NodeLinkGraph(try seed()))
        let document = try XMLDocument(xmlString: text)
        let elements = Self.elements(of: try #require(document.rootElement()))
        let keys = elements.filter { $0.localName == "key" }
        let declared = Dictionary(keys.map { (Self.attribute("id", of: $0) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(declared.count == keys.count && !keys.isEmpty)
        let data = elements.filter { $0.localName == "data" }
        #expect(!data.isEmpty)
        for element in data {
            let key = try #require(declared[Self.attribute("key", of: element) ?? ""])
            #expect(Self.attribute("for", of: key) == (element.parent as? XMLElement)?.localName)
            switch Self.attribute("attr.type", of: key) {
            case "int": #expect(Int(element.stringValue ?? "") != nil)
            case "double": #expect(Double(element.stringValue ?? "") != nil)
            default: #expect(Self.attribute("attr.type", of: key) == "string")
            }
        }
        let graph = try seed()
        #expect(elements.filter { $0.localName == "node" }.count == graph.actors.count + graph.events.count)
        #expect(elements.filter { $0.localName == "edge" }.count == NodeLinkGraph(graph).links.count)
    }

    @Test func graphMLEscapesMarkupAndControlCharacters() throws {
        #expect(Markup.xml("a<b & \"c\"\u{1}\n") == "a&lt;b &amp; &quot;c&quot;\u{FFFD}&#10;")
        let graph = try extractor().extract("Benny Gantz visited Paris.", id: "<&>")
        #expect(throws: Never.self) { try XMLDocument(xmlString: GraphMLWriter(title: "<&>").render(NodeLinkGraph(graph))) }
    }

    @Test func neo4jFilesFollowTheImportHeaderConventions() throws {
        let corpus = try CorpusGraph(merging: [try seed(), try extractor().extract("Benny Gantz met Emmanuel Macron in Paris.", date: "2021-08-02", id: "b")])
        let files = Dictionary(Neo4jCSVWriter().files(for: corpus).map { ($0.name, $0.contents) }, uniquingKeysWith: { first, _ in first })
        #expect(files.keys.sorted() == ["actors.csv", "event-links.csv", "events.csv", "documents.csv", "import.sh", "in-document.csv",
                                        "interactions.csv", "mentioned-in.csv", "relations.csv", "roles.csv"].sorted())
        func rows(_ name: String) throws -> [[String]] { try #require(files[name]).split(separator: "\n").map { Self.csvFields(String($0)) } }
        let actors = try rows("actors.csv"), events = try rows("events.csv"), roles = try rows("roles.csv")
        #expect(actors[0].first == "actorId:ID(Actor)" && actors[0].last == ":LABEL")
        #expect(actors.count == corpus.actors.count + 1 && events.count == corpus.events.count + 1)
        #expect(actors.dropFirst().allSatisfy { $0.count == actors[0].count })
        #expect(events.dropFirst().allSatisfy { $0.count == events[0].count })
        #expect(actors.contains { $0.first == "benny-gantz" && $0.last == "Actor;Person" })
        #expect(roles[0] == [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"])
        #expect(roles.contains { $0 == ["b#e1", "emmanuel-macron", "TARGET"] })
        let interactions = try rows("interactions.csv")
        #expect(interactions[0].contains("weight:int") && interactions.contains { $0.first == "benny-gantz" && $0.last == "MEET" })
        #expect(try rows("relations.csv").contains { $0.last == "HOLDS_ROLE" })
        #expect(try rows("event-links.csv").contains { $0.last == "DENIES" })
        // Every id a relationship names is a node of its id space.
        let eventIDs = Set(events.dropFirst().map { $0[0] }), actorIDs = Set(actors.dropFirst().map { $0[0] })
        #expect(roles.dropFirst().allSatisfy { eventIDs.contains($0[0]) && actorIDs.contains($0[1]) })
        #expect(try #require(files["import.sh"]).contains("--nodes=\"$here/actors.csv\""))
        #expect(Neo4jCSVWriter.field("say \"no\", twice\nthen") == "\"say \"\"no\"\", twice then\"")
        #expect(Neo4jCSVWriter.type("member-of") == "MEMBER_OF" && Neo4jCSVWriter.label("news-agency") == "NewsAgency")
    }

    /// The value of an element's attribute (looked up by name, which works with any namespace setting).
    static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// An element and all elements inside it, in document order.
    static func elements(of element: XMLElement) -> [XMLElement] {
        [element] + (element.children ?? []).compactMap { $0 as? XMLElement }.flatMap { elements(of: $0) }
    }

    /// The fields of one CSV line with `"` quoting.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character? = nil
        for character in line {
            if character == "\"" {
                if quoted && previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if character == "," && !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return fields + [field]
    }

    private func run(_ program: String, _ arguments: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
