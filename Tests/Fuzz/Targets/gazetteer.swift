import ActorGraph
import Foundation

// gazetteer: bytes -> a temporary .gaz file -> Gazetteer.load. A thrown
// ActorGraphError must be one line naming file:line(:column) inside the file.
// A gazetteer that loads is compiled into an Extractor with the bundled rules
// and run over text made of its own names, and the graph is checked.

let folder = scratchFolder("gazetteer")
let file = folder.appendingPathComponent("input.gaz")
let bundledRules: RuleSet = {
    do { return try RuleSet.bundled() } catch { fatalError("Cannot load the bundled rules: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    writeInput(bytes, to: file)
    let text = String(decoding: bytes, as: UTF8.self)
    let gazetteer: Gazetteer
    do { gazetteer = try Gazetteer.load([file]) } catch {
        checkLoaderError(error, file: "input.gaz", text: text, codes: ["malformed-gazetteer"])
        return 0
    }
    let extractor: Extractor
    do { extractor = try Extractor(gazetteer: gazetteer, rules: bundledRules) } catch {
        // A role title that titles.rules lacks: must still name the entity's file and line.
        checkLoaderError(error, file: "input.gaz", text: text, codes: ["malformed-gazetteer"])
        return 0
    }
    // Text made of the gazetteer's own names, so that the matcher and resolver see them.
    var article = ""
    let entities = gazetteer.entities.prefix(40)
    for (index, entity) in entities.enumerated() {
        let other = entities[(index + 1) % entities.count]
        for alias in entity.aliases.prefix(4) {
            article += "\(alias.text) met \(other.name) in Paris on Tuesday, the \(other.name.lowercased()) spokesman said.\n"
        }
    }
    let graph: ArticleGraph
    do { graph = try extractor.extract(article, date: "2021-07-27") } catch {
        invariant(false, "extract-throws", "extract threw \(error) on \(swiftLiteral(article))")
        return 0
    }
    checkGraph(graph, text: article)
    return 0
}
