import ActorGraph
import Foundation

/// One article of the folder: its name, its text and, when it says so, its publication day.
struct Article {
    /// The file name without `.txt`: the document id.
    var name: String
    var text: String
    var date: Day?

    /// The paths of the `.txt` files of `folder`, in name order, hidden files left out.
    /// - Throws: ``ActorGraphError`` when the folder cannot be read or holds no article.
    static func paths(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ActorGraphError(.unreadableInput, "The folder \"\(folder)\" cannot be read; check that it exists.")
        }
        let articles = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
        guard !articles.isEmpty else {
            throw ActorGraphError(.unreadableInput, "The folder \"\(folder)\" holds no .txt article; give a folder of articles.")
        }
        return articles.map { (folder.hasSuffix("/") ? folder : folder + "/") + $0 }
    }

    /// Reads an article. A first line `Date: YYYY-MM-DD` gives its day and is
    /// left out of the text; invalid UTF-8 is read as U+FFFD, as `actorgraph` does.
    /// - Throws: ``ActorGraphError`` for an unreadable file, or a date line
    ///   that is not a day, naming the file, line and column.
    init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ActorGraphError(.unreadableInput, "\"\(path)\" cannot be read; check that it is a file you may read.")
        }
        name = url.deletingPathExtension().lastPathComponent
        text = String(decoding: data, as: UTF8.self)
        let prefix = "Date:"
        guard text.hasPrefix(prefix) else { return }
        let firstLine = text.prefix { !$0.isNewline }
        let value = firstLine.dropFirst(prefix.count).drop { $0 == " " }
        do {
            date = try Day(iso: String(value.trimmingCharacters(in: .whitespaces)))
        } catch let error as ActorGraphError {
            let column = firstLine.distance(from: firstLine.startIndex, to: value.startIndex) + 1
            throw ActorGraphError(error.code, error.message, file: path, line: 1, column: column)
        }
        text = String(text[firstLine.endIndex...].drop { $0.isNewline })
    }
}
