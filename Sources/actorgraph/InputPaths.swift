import ArgumentParser
import Foundation

/// The files and folders a command reads, so that what it writes never
/// replaces one of them, nor lands in a folder that reads it as input the
/// next time.
struct InputPaths {
    /// The paths given, resolved (symbolic links followed, `..` removed), by kind.
    private var files: [String: String] = [:]
    private var folders: [String: String] = [:]
    /// The extensions a folder's files are read by, e.g. `txt`.
    private let extensions: [String]

    /// `paths` as the user gave them; a folder among them reads its files ending in one of `extensions`.
    init(_ paths: [String], folderExtensions extensions: [String]) {
        self.extensions = extensions
        for path in paths where !path.isEmpty {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            // The first spelling given of a path is the one messages name.
            let key = Self.resolved(path)
            if isFolder.boolValue {
                if folders[key] == nil { folders[key] = path }
            } else if files[key] == nil {
                files[key] = path
            }
        }
    }

    /// What writing the file at `path` would do to the input, as the end of a
    /// sentence ("replace the input file \"a.gaz\""); `nil` when nothing.
    func harm(writing path: String) -> String? {
        let target = Self.resolved(path)
        if let input = files[target] { return "replace the input file \"\(input)\"" }
        let folder = (target as NSString).deletingLastPathComponent
        if let input = folders[folder], extensions.contains(where: { target.hasSuffix("." + $0) }) {
            return "put \((target as NSString).lastPathComponent) into the input folder \"\(input)\", which reads it as input next time"
        }
        return nil
    }

    /// Refuses an empty path among `paths`: `URL(fileURLWithPath: "")` is the
    /// current folder, so an empty string would silently read every file in it.
    /// - Parameter option: The option or argument, as the message names it (`--gazetteer`).
    /// - Throws: `ValidationError`, a usage error, as for an empty `--output-dir`.
    static func refuseEmpty(_ paths: [String], of option: String) throws {
        if paths.contains("") {
            throw ValidationError("\(option) is an empty path; name a file or folder, or \".\" for the current folder.")
        }
    }

    /// The input folder (as given) that `folder` is, if it is one.
    func inputFolder(_ folder: String) -> String? {
        folders[Self.resolved(folder)]
    }

    /// The absolute path of `path` with symbolic links followed; a file that
    /// does not exist yet is named inside its folder's resolved path.
    private static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }
}
