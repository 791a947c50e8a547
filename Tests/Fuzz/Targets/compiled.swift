import ActorGraph
import Foundation

// compiled: bytes -> the compiled-gazetteer loader, once with the checksum
// checked and once without, so that mutations reach the structural checks
// behind it. A refusal must be a one-line malformed-gazetteer error naming
// the file; a file that loads must decode and match without fault.
// Seeds: with FUZZ_SEED_DIR set, small bundled gazetteers are compiled into it
// at start-up.

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let folder = ProcessInfo.processInfo.environment["FUZZ_SEED_DIR"],
          let data = ProcessInfo.processInfo.environment["ACTORGRAPH_DATA_DIR"] else { return 0 }
    for name in ["products", "people", "us-states"] {
        let source = URL(fileURLWithPath: data).appendingPathComponent("entities/\(name).gaz")
        var problems: [ActorGraphError] = []        // references to other files are expected here
        guard let gazetteer = try? Gazetteer.load([source], problems: &problems) else { fatalError("Cannot load \(source.path)") }
        let seed = URL(fileURLWithPath: folder).appendingPathComponent("\(name).agz")
        do { try gazetteer.compiledData(includesBundled: false).write(to: seed) } catch { fatalError("Cannot write \(seed.path)") }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    var loaded: Gazetteer?
    for verify in [true, false] {
        do {
            loaded = try Gazetteer.compiled(bytes: UnsafeRawBufferPointer(bytes), verifyChecksum: verify)
        } catch let error as ActorGraphError {
            invariant(error.code == .malformedGazetteer, "compiled-error-code", "refused with code \(error.code): \(error)")
            invariant(error.file == "input.agz" && !error.description.contains("\n"), "compiled-error-place",
                      "the refusal does not name the file on one line: \(error)")
        } catch {
            invariant(false, "compiled-error-type", "threw a non-ActorGraph error: \(error)")
        }
    }
    guard let gazetteer = loaded else { return 0 }
    // Without the checksum, a file may load with tables that disagree (an id
    // table that misses an id): wrong answers from a forged file are possible,
    // faults are not. Every entity decodes, every lookup ends, every match
    // lies inside the text.
    var article = ""
    for (index, entity) in gazetteer.entities.enumerated() {
        _ = gazetteer[entity.id]
        _ = gazetteer.location(of: entity.id)
        if index < 40 { article += "\(entity.name) met \(entity.aliases.first?.text ?? "them") in Paris on Tuesday.\n" }
    }
    guard let tokenized = try? Tokenizer().tokenize(article) else { return 0 }
    for mention in EntityMatcher(gazetteer: gazetteer, policy: .all).matches(in: tokenized) {
        invariant(mention.tokens.upperBound <= tokenized.tokens.count && !mention.tokens.isEmpty && !mention.candidates.isEmpty,
                  "compiled-mention", "a mention outside the text: \(mention)")
        _ = tokenized.string(ofTokens: mention.tokens)
    }
    return 0
}
