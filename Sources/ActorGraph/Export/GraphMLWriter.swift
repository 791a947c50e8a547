/// Writes a ``NodeLinkGraph`` as GraphML, the XML graph format that Gephi,
/// yEd, Cytoscape and NetworkX read.
///
/// Every attribute is declared with a `<key>` of its type (`string`, `int`,
/// `double`) before the graph. Nodes carry `kind` (`actor` or `event`) and
/// `label`; edges carry `kind`, `label` and `weight`; the other attributes
/// are the node's or link's own. Edges are directed.
public struct GraphMLWriter: Sendable {
    /// The graph's id attribute.
    public var title: String

    public init(title: String) {
        self.title = title
    }

    /// The GraphML document of `graph`, ending with a line feed.
    public func render(_ graph: NodeLinkGraph) -> String {
        typealias Attribute = NodeLinkGraph.Attribute
        let nodeData = graph.nodes.map { node in
            [Attribute(key: "kind", value: .string(node.kind.rawValue)), Attribute(key: "label", value: .string(node.label))] + node.attributes
        }
        let linkData = graph.links.map { link in
            [Attribute(key: "kind", value: .string(link.kind.rawValue)), Attribute(key: "label", value: .string(link.label)),
             Attribute(key: "weight", value: .int(link.weight))] + link.attributes
        }
        let nodeKeys = Self.keys(nodeData)
        let linkKeys = Self.keys(linkData)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#
                + #"xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
        ]
        for (domain, keys, prefix) in [("node", nodeKeys, "n"), ("edge", linkKeys, "e")] {
            for (position, key) in keys.enumerated() {
                lines.append(#"  <key id="\#(prefix)\#(position)" for="\#(domain)" attr.name="\#(Markup.xml(key.name))" attr.type="\#(key.type)"/>"#)
            }
        }
        lines.append(#"  <graph id="\#(Markup.xml(title))" edgedefault="directed">"#)
        func data(_ attributes: [Attribute], keys: [Key], prefix: String) -> [String] {
            attributes.compactMap { attribute in
                keys.firstIndex { $0.name == attribute.key }.map { #"      <data key="\#(prefix)\#($0)">\#(Markup.xml(attribute.value.description))</data>"# }
            }
        }
        for (node, attributes) in zip(graph.nodes, nodeData) {
            lines.append(#"    <node id="\#(Markup.xml(node.id))">"#)
            lines += data(attributes, keys: nodeKeys, prefix: "n")
            lines.append("    </node>")
        }
        for (position, (link, attributes)) in zip(graph.links, linkData).enumerated() {
            lines.append(#"    <edge id="l\#(position + 1)" source="\#(Markup.xml(link.source))" target="\#(Markup.xml(link.target))">"#)
            lines += data(attributes, keys: linkKeys, prefix: "e")
            lines.append("    </edge>")
        }
        lines += ["  </graph>", "</graphml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A declared attribute: its name and GraphML type.
    private struct Key {
        let name: String
        let type: String
    }

    /// The attribute names in first-seen order, each with the type of its values.
    private static func keys(_ data: [[NodeLinkGraph.Attribute]]) -> [Key] {
        var keys: [Key] = []
        var seen = Set<String>()
        for attribute in data.joined() where seen.insert(attribute.key).inserted {
            let type = switch attribute.value {
            case .string: "string"
            case .int: "int"
            case .double: "double"
            }
            keys.append(Key(name: attribute.key, type: type))
        }
        return keys
    }
}
