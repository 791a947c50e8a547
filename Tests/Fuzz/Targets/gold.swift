import ActorGraph
import Foundation

// gold: bytes -> a temporary gold file -> GoldDocument.load and Coverage.Gold.load,
// which read it with the located JSON reader. A thrown ActorGraphError must be one
// line naming file:line(:column) inside the file; reading the same bytes twice
// gives the same gold or the same error.

let folder = scratchFolder("gold")
let file = folder.appendingPathComponent("input.gold.json")

/// What a load gave, to compare two loads of the same bytes.
func outcome<T: Equatable>(_ load: () throws -> T) -> Result<T, ActorGraphError> {
    do { return .success(try load()) } catch let error as ActorGraphError { return .failure(error) } catch {
        invariant(false, "error-type", "Threw a \(type(of: error)), not an ActorGraphError: \(error)")
        return .failure(ActorGraphError(.malformedGold, "\(error)"))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    writeInput(bytes, to: file)
    let text = String(decoding: bytes, as: UTF8.self)
    let document = outcome { try GoldDocument.load(file) }
    if case .failure(let error) = document { checkLoaderError(error, file: "input.gold.json", text: text, codes: ["malformed-gold"]) }
    invariant(outcome { try GoldDocument.load(file) } == document, "gold-same-twice", "Two loads of the same gold file differ")
    let coverage = outcome { try Coverage.Gold.load(file) }
    if case .failure(let error) = coverage { checkLoaderError(error, file: "input.gold.json", text: text, codes: ["malformed-gold"]) }
    return 0
}
