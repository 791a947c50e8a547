import ActorGraph
import Foundation

// rules: bytes -> a temporary .rules file alone in a folder -> RuleSet.load.
// A thrown ActorGraphError must be one line naming file:line(:column) inside
// the file. A rule set that loads is compiled into an Extractor (with a small
// role-free gazetteer, so no title is required) and run over a fixed article.

let folder = scratchFolder("rules")
let file = folder.appendingPathComponent("input.rules")

let smallGazetteer: Gazetteer = {
    do {
        var builder = Gazetteer.Builder()
        try builder.add(Entity(id: "israel", type: .country, name: "Israel",
                               aliases: [.init(text: "Israel", kind: .name), .init(text: "Israeli", kind: .demonym)], country: "ISR"))
        try builder.add(Entity(id: "france", type: .country, name: "France",
                               aliases: [.init(text: "France", kind: .name), .init(text: "French", kind: .demonym)], country: "FRA"))
        try builder.add(Entity(id: "nso-group", type: .organization, subtype: "company", name: "NSO Group",
                               aliases: [.init(text: "NSO Group", kind: .name), .init(text: "NSO", kind: .alias, caseSensitive: true)], country: "ISR"))
        try builder.add(Entity(id: "benny-gantz", type: .person, subtype: "politician", name: "Benny Gantz",
                               aliases: [.init(text: "Benny Gantz", kind: .name)], country: "ISR"))
        try builder.add(Entity(id: "florence-parly", type: .person, subtype: "politician", name: "Florence Parly",
                               aliases: [.init(text: "Florence Parly", kind: .name)], country: "FRA"))
        try builder.add(Entity(id: "pegasus", type: .product, name: "Pegasus", aliases: [.init(text: "Pegasus", kind: .name)]))
        try builder.add(Entity(id: "paris", type: .city, name: "Paris", aliases: [.init(text: "Paris", kind: .name)], country: "FRA"))
        return try builder.build()
    } catch { fatalError("Cannot build the small gazetteer: \(error)") }
}()

let article = """
    Israeli Defence Minister Benny Gantz will travel to Paris on Wednesday to meet his French counterpart Florence Parly, \
    his office said Tuesday. Gantz's trip comes after reports that NSO Group's Pegasus spyware was used to spy on \
    French President Emmanuel Macron. The company denied the report last week and said it would investigate.
    "We take this seriously," a spokesman for the Israeli ministry said. Parly did not confirm the meeting.
    • NSO sold the malware created by NSO Group to several governments, according to Amnesty International.
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    writeInput(bytes, to: file)
    let text = String(decoding: bytes, as: UTF8.self)
    let rules: RuleSet
    do { rules = try RuleSet.load([folder]) } catch {
        checkLoaderError(error, file: "input.rules", text: text, codes: ["malformed-rules"])
        return 0
    }
    let extractor: Extractor
    do { extractor = try Extractor(gazetteer: smallGazetteer, rules: rules) } catch {
        checkLoaderError(error, file: "input.rules", text: text, codes: ["malformed-rules"])
        return 0
    }
    for date in ["2021-07-27", nil] as [String?] {
        let graph: ArticleGraph
        do { graph = try extractor.extract(article, date: date) } catch {
            invariant(false, "extract-throws", "extract threw \(error)")
            return 0
        }
        checkGraph(graph, text: article)
    }
    return 0
}
