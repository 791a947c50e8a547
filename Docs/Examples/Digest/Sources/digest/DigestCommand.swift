import ActorGraph
import Foundation

/// `digest FOLDER`: the digest of the folder's `.txt` articles on standard output.
@main
struct DigestCommand {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 1, let folder = arguments.first, !folder.hasPrefix("-") else {
            fail("usage: digest FOLDER (a folder of .txt articles; a first line \"Date: YYYY-MM-DD\" dates one)", status: 64)
        }
        do {
            let extractor = try Extractor()       // loads the bundled gazetteers and rules once
            var digest = Digest()
            for path in try Article.paths(in: folder) {
                let article = try Article(path: path)
                let graph = try extractor.extract(article.text, day: article.date, id: article.name)
                print(digest.add(graph).joined(separator: "\n"), terminator: "\n\n")
            }
            print(digest.summary().joined(separator: "\n"))
        } catch {
            fail("\(error)")
        }
    }

    /// One line on standard error, then exit: ActorGraph's errors read `file:line:column: message`.
    static func fail(_ message: String, status: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("digest: \(message)\n".utf8))
        exit(status)
    }
}
