import Foundation

/// Finding and reading the data files the loaders take: files, or folders of them.
package enum SourceFiles {
    /// `urls` with every folder replaced by its files ending in one of
    /// `extensions`, sorted by name (hidden files left out); a file named twice
    /// is read once. A folder without such files is an error.
    package static func expand(_ urls: [URL], extensions: [String]) throws -> [URL] {
        var files: [URL] = []
        var seen = Set<String>()
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw ActorGraphError(.unreadableInput, "\"\(displayName(url))\" does not exist; check the path.")
            }
            if isFolder.boolValue {
                let names: [String]
                do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
                    throw ActorGraphError(.unreadableInput, "The folder \"\(displayName(url))\" cannot be read; check its permissions.")
                }
                // Subfolders are not read, whatever their names.
                let matching = names.filter { name in
                    !name.hasPrefix(".") && extensions.contains { name.hasSuffix("." + $0) } && !SourceFiles.isFolder(url.appendingPathComponent(name))
                }.sorted()
                if matching.isEmpty {
                    throw ActorGraphError(.unreadableInput, "The folder \"\(displayName(url))\" holds no .\(extensions[0]) file; name the files or a folder that has them.")
                }
                files += matching.map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        return files.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// Whether `url` names a folder (links followed).
    package static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The text of a UTF-8 data file.
    /// - Throws: ``ActorGraphError`` for an unreadable file, or (with `code`)
    ///   for bytes that are not UTF-8, naming the line and column.
    package static func read(_ url: URL, code: ActorGraphError.Code) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ActorGraphError(.unreadableInput, "\"\(displayName(url))\" does not exist; check the path.")
            }
            throw ActorGraphError(.unreadableInput, "\"\(displayName(url))\" cannot be read; check that it is a file you may read.")
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        let valid = validPrefixLength(data)
        let before = String(decoding: data.prefix(valid), as: UTF8.self)
        let lines = DirectiveReader.lines(of: before)
        throw ActorGraphError(code, "The file is not valid UTF-8 here; save it as UTF-8.", file: displayName(url),
                              line: lines.count, column: (lines.last?.count ?? 0) + 1)
    }

    /// How many bytes at the start of `data` are valid UTF-8.
    package static func validPrefixLength(_ data: some Collection<UInt8>) -> Int {
        // Nearly all input is valid: the standard library checks that in one fast pass.
        if String(validating: data, as: UTF8.self) != nil { return data.count }
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    /// The name to show in messages: the path relative to the current folder when inside it.
    package static func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        // Bundled data is shown where it is edited: Gazetteers/…
        if let resources = path.range(of: "_ActorGraphGazetteers.resources/") {
            return "Gazetteers/" + path[resources.upperBound...]
        }
        let current = FileManager.default.currentDirectoryPath
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}
