import Foundation
import Testing
@testable import ActorGraph

/// One extractor with the bundled data, built once for all tests.
let bundledExtractor: Result<Extractor, any Error> = Result { try Extractor() }

func extractor() throws -> Extractor { try bundledExtractor.get() }

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let corpusFolder = packageRoot.appendingPathComponent("Tests/Corpus")

/// A gazetteer parsed from text, as if from a file named `name`.
func gazetteer(_ text: String, name: String = "test.gaz") throws -> Gazetteer {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try Gazetteer.load([file])
}

/// The error a throwing call raised, as an ActorGraphError.
func actorGraphError(_ body: () throws -> Void) -> ActorGraphError? {
    do { try body() } catch let error as ActorGraphError { return error } catch { return nil }
    return nil
}

extension ArticleGraph {
    func actor(_ id: String) -> ActorNode? { actors.first { $0.id == id } }
}

/// Expects every span of `graph` to be inside `text` and equal to its scalars there.
func expectSpansMatch(_ graph: ArticleGraph, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let scalars = Array(text.unicodeScalars)
    func slice(_ start: Int, _ end: Int) -> String? {
        guard 0 <= start, start <= end, end <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start ..< end])
        return String(view)
    }
    #expect(graph.document.length == scalars.count, sourceLocation: sourceLocation)
    for actor in graph.actors {
        for mention in actor.mentions { #expect(slice(mention.start, mention.end) == mention.text, sourceLocation: sourceLocation) }
    }
    for event in graph.events {
        #expect(slice(event.trigger.start, event.trigger.end) == event.trigger.text, sourceLocation: sourceLocation)
        if let time = event.time { #expect(slice(time.start, time.end) == time.text, sourceLocation: sourceLocation) }
        for role in event.roles {
            #expect(graph.actor(role.actor) != nil && role.start < role.end && slice(role.start, role.end) != nil, sourceLocation: sourceLocation)
        }
    }
    for relation in graph.relations where relation.origin == .text {
        if let start = relation.start, let end = relation.end { #expect(slice(start, end) == relation.text, sourceLocation: sourceLocation) }
    }
}
