import ActorGraph
import Foundation

// extract: bytes -> String(decoding:) -> one shared Extractor (bundled
// gazetteers and rules, built once) -> extract(date: 2021-07-27). Every
// mention, trigger, time, retelling and relation span's text must be the
// input's scalars start..<end, and the JSON must encode, parse and decode back.

let extractor: Extractor = {
    do { return try Extractor() } catch { fatalError("Cannot build the extractor from the bundled data: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    let graph: ArticleGraph
    do { graph = try extractor.extract(text, date: "2021-07-27") } catch {
        invariant(false, "extract-throws", "extract threw \(error)")
        return 0
    }
    checkGraph(graph, text: text)
    return 0
}
