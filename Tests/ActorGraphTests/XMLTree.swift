import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page or drawing read with Foundation's XML parser into a small tree,
/// so tests can check the markup as a browser would see it. Parsing fails on
/// markup that is not well-formed.
final class XMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Child] = []

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        enum Child {
            case element(Element)
            case text(String)
        }

        subscript(attribute: String) -> String? { attributes[attribute] }

        var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

        /// All text inside, tags removed.
        var text: String {
            children.map { child in
                switch child {
                case .element(let element): element.text
                case .text(let text): text
                }
            }.joined()
        }

        /// This element and every element inside it, in document order.
        var descendants: [Element] {
            [self] + children.flatMap { child -> [Element] in
                if case .element(let element) = child { return element.descendants }
                return []
            }
        }

        /// The elements named `name` inside, with class `className` when one is given.
        func all(_ name: String, class className: String? = nil) -> [Element] {
            descendants.filter { element in element.name == name && (className.map { element.classes.contains($0) } ?? true) }
        }

        func element(id: String) -> Element? { descendants.first { $0["id"] == id } }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private var stack: [Element] = []
    private var root: Element?
    private var pendingText = ""

    /// The tree of `text`.
    /// - Throws: ``ParseError`` with the parser's line, column and message when the markup is not well-formed.
    static func parse(_ text: String) throws -> Element {
        let parser = XMLParser(data: Data(text.utf8))
        let tree = XMLTree()
        parser.delegate = tree
        guard parser.parse(), let root = tree.root else {
            throw ParseError(description: "line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    private func flushText() {
        guard !pendingText.isEmpty, let top = stack.last else { return }
        top.children.append(.text(pendingText))
        pendingText = ""
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        flushText()
        let element = Element(name: elementName, attributes: attributes)
        stack.last?.children.append(.element(element))
        if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        pendingText += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        pendingText += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        flushText()
        stack.removeLast()
    }
}
