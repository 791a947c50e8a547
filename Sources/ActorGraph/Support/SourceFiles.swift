import Foundation

/// Finding and reading the data files the loaders take: files, or folders of them.
enum SourceFiles {
    /// `urls` with every folder replaced by its files ending in `.ext`, sorted by name.
    static func expand(_ urls: [URL], extension ext: String) throws -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw ActorGraphError(.unreadableInput, "\"\(url.path)\" does not exist; check the path.")
            }
            if isFolder.boolValue {
                let names: [String]
                do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
                    throw ActorGraphError(.unreadableInput, "The folder \"\(url.path)\" cannot be read; check its permissions.")
                }
                files += names.filter { $0.hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        return files
    }

    /// The text of a UTF-8 file.
    static func read(_ url: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ActorGraphError(.unreadableInput, "\"\(url.path)\" cannot be read; check that it is a file you may read.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The name to show in messages: the path relative to the current folder when inside it.
    static func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}
