import Foundation

/// Writes a ``CorpusGraph`` as the CSV files of a Neo4j bulk import
/// (`neo4j-admin database import full`), with Neo4j's header conventions:
/// `:ID(space)` and `:START_ID(space)`/`:END_ID(space)` columns, `:LABEL`
/// and `:TYPE` columns, typed properties (`name:int`, `date:date`) and
/// `;`-separated arrays (`documents:string[]`).
///
/// Nodes: `Actor`, `Event`, `Document`. Relationships: an event's roles from
/// the event to each actor (`SOURCE`, `TARGET`, `DESTINATION`, …), weighted
/// interactions between actors typed by event type (`MEET`, `ACCUSE`, …),
/// relations between actors (`MEMBER_OF`, `HOLDS_ROLE`, …), links between
/// events (`DENIES`, …), `IN_DOCUMENT` from events and `MENTIONED_IN` from actors.
///
/// Text fields are on one line: line breaks inside a trigger or name become
/// spaces, so the files import without `--multiline-fields`.
public struct Neo4jCSVWriter: Sendable {
    /// One file of the import.
    public struct File: Hashable, Sendable {
        /// The file name, such as `actors.csv`.
        public var name: String
        public var contents: String
    }

    public init() {}

    /// The node and relationship files of `corpus`, and `import.sh` with the `neo4j-admin` command that loads them.
    public func files(for corpus: CorpusGraph) -> [File] {
        let actors = table(["actorId:ID(Actor)", "name", "type", "subtype", "country", "origin", "sector", "mentions:int",
                            "documents:int", "firstDate:date", "lastDate:date", ":LABEL"],
                           corpus.actors.map { actor in
                               [actor.id, actor.name, actor.type.rawValue, actor.subtype, actor.country, actor.origin.rawValue,
                                actor.sector, String(actor.mentions), String(actor.documents.count), actor.firstDate, actor.lastDate,
                                "Actor;" + Self.label(actor.type.rawValue)]
                           })
        let events = table(["eventId:ID(Event)", "type", "plover", "cameo", "factuality", "trigger", "sentence:int", "date:date",
                            "time", "document", "attributedTo", "rule", "confidence:float", ":LABEL"],
                           corpus.events.map { event in
                               [event.id, event.type, event.plover, event.cameo, event.factuality.rawValue, event.trigger,
                                String(event.sentence), event.date, event.time, event.document, event.attributedTo, event.rule,
                                String(event.confidence), "Event"]
                           })
        let documents = table(["documentId:ID(Document)", "date:date", "length:int", "actors:int", "events:int", ":LABEL"],
                              corpus.documents.map { [$0.id, $0.date, String($0.length), String($0.actors), String($0.events), "Document"] })
        let actorIDs = Set(corpus.actors.map(\.id))
        let roles = table([":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
                          corpus.events.flatMap { event in
                              event.roles.filter { actorIDs.contains($0.actor) }.map { [event.id, $0.actor, Self.type($0.role.rawValue)] }
                          })
        let interactions = table([":START_ID(Actor)", ":END_ID(Actor)", "weight:int", "firstDate:date", "lastDate:date",
                                  "events:string[]", ":TYPE"],
                                 corpus.edges.map { edge in
                                     [edge.source, edge.target, String(edge.weight), edge.firstDate, edge.lastDate,
                                      edge.events.joined(separator: ";"), Self.type(edge.type)]
                                 })
        let eventIDs = Set(corpus.events.map(\.id))
        let relations = table([":START_ID(Actor)", ":END_ID(Actor)", "origin", "title", "documents:string[]", ":TYPE"],
                              corpus.relations.filter { actorIDs.contains($0.source) && actorIDs.contains($0.target) }.map { relation in
                                  [relation.source, relation.target, relation.origin.rawValue, relation.title,
                                   relation.documents.joined(separator: ";"), Self.type(relation.type)]
                              })
        let links = table([":START_ID(Event)", ":END_ID(Event)", "origin", ":TYPE"],
                          corpus.relations.filter { eventIDs.contains($0.source) && eventIDs.contains($0.target) }.map { link in
                              [link.source, link.target, link.origin.rawValue, Self.type(link.type)]
                          })
        let inDocument = table([":START_ID(Event)", ":END_ID(Document)", ":TYPE"],
                               corpus.events.map { [$0.id, $0.document, "IN_DOCUMENT"] })
        let mentionedIn = table([":START_ID(Actor)", ":END_ID(Document)", ":TYPE"],
                                corpus.actors.flatMap { actor in actor.documents.map { [actor.id, $0, "MENTIONED_IN"] } })
        let nodeFiles = [("actors.csv", actors), ("events.csv", events), ("documents.csv", documents)]
        let relationshipFiles = [("roles.csv", roles), ("interactions.csv", interactions), ("relations.csv", relations),
                                 ("event-links.csv", links), ("in-document.csv", inDocument), ("mentioned-in.csv", mentionedIn)]
        let command = ["neo4j-admin database import full"]
            + nodeFiles.map { "  --nodes=\"$here/\($0.0)\"" }
            + relationshipFiles.map { "  --relationships=\"$here/\($0.0)\"" }
            + ["  --array-delimiter=\";\" --overwrite-destination \"${1:-neo4j}\""]
        let script = """
            #!/bin/sh
            # Loads these files into a new Neo4j database (default name: neo4j; give another as the first argument).
            # Run it with the Neo4j server stopped, as the user that owns the database folder.
            set -e
            here=$(cd "$(dirname "$0")" && pwd)

            """ + command.joined(separator: " \\\n") + "\n"
        return (nodeFiles + relationshipFiles).map { File(name: $0.0, contents: $0.1) } + [File(name: "import.sh", contents: script)]
    }

    /// A CSV table: the header, then one line per row; a missing value is an empty field.
    private func table(_ header: [String], _ rows: [[String?]]) -> String {
        ([header] + rows).map { row in row.map { Self.field($0 ?? "") }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or leading or trailing space; line breaks become spaces.
    static func field(_ value: String) -> String {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let flat = String(String.UnicodeScalarView(value.unicodeScalars.map { breaks.contains($0) ? " " : $0 }))
        guard flat.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" }) || flat.first == " " || flat.last == " " else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A relationship type in Neo4j's style: `member-of` → `MEMBER_OF`.
    static func type(_ name: String) -> String {
        String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A node label in Neo4j's style: `organization` → `Organization`.
    static func label(_ name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
