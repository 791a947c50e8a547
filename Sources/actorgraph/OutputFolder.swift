import ActorGraph
import Foundation

/// The folder given with `--output-dir`: one file per document, named after
/// the document's id, or the files of a corpus graph.
struct OutputFolder {
    let url: URL
    /// What the run reads: no file written here may replace it or join it.
    private let inputs: InputPaths
    /// The file stems given so far, so that two documents never share a file.
    private var taken = Set<String>()

    /// Creates the folder if it does not exist.
    init(path: String, inputs: InputPaths) throws {
        url = URL(fileURLWithPath: path)
        self.inputs = inputs
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw ActorGraphError(.unwritableOutput, "--output-dir \"\(path)\" is a file; name a folder.")
            }
        } else {
            do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw ActorGraphError(.unwritableOutput, "--output-dir \"\(path)\" cannot be created; check the path and its permissions.")
            }
        }
    }

    /// A file stem for document `id` that no earlier document has: the id with
    /// characters that file names cannot hold replaced by `_`, and `-2`, `-3`, … when
    /// taken; `taken` is then the stem an earlier document has.
    mutating func stem(for id: String?, position: Int) -> (stem: String, taken: String?) {
        var base = String((id ?? "document-\(position)").map { $0 == "/" || $0 == "\\" || $0.isNewline || $0 == "\0" ? "_" : $0 })
        if base.isEmpty || base.hasPrefix(".") { base = "_" + base }
        // File names hold 255 bytes: 200 leave room for a suffix and the longest extension.
        var kept = 0
        base = String(base.prefix { character in
            kept += character.utf8.count
            return kept <= 200
        })
        var stem = base, suffix = 2
        while !taken.insert(stem).inserted {
            stem = "\(base)-\(suffix)"
            suffix += 1
        }
        return (stem, stem == base ? nil : base)
    }

    /// Writes `data` to `name` in the folder.
    func write(_ data: Data, to name: String) throws {
        let file = url.appendingPathComponent(name)
        if let harm = inputs.harm(writing: file.path) {
            throw ActorGraphError(.unwritableOutput, "The output \(name) would \(harm); name another --output-dir.")
        }
        guard OutputFile.writeInPlace(data, toPath: file.path) else {
            throw ActorGraphError(.unwritableOutput, "\(file.path) cannot be written; check the folder's permissions and free space.")
        }
    }
}
