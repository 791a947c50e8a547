import Foundation
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
