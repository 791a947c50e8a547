import Foundation

/// Where the bundled gazetteers and event rules are installed.
///
/// They are looked for in the folder that `ACTORGRAPH_RESOURCES` names, when
/// it is set, and only there. Otherwise, in this order: in the resource bundle beside the running
/// executable (where SwiftPM puts it, and where it must travel with a copied
/// binary); beside the executable's real file when it was started through a
/// symbolic link; and in this source tree. When none has them, the folders
/// are `nil`, and the loaders say the bundled data is missing instead of
/// stopping the program.
public enum BundledData {
    /// The folder of bundled entity files (`*.gaz`).
    public static var entities: URL? { folder("entities") }

    /// The folder of bundled rule files (`*.rules`).
    public static var rules: URL? { folder("rules") }

    /// The name of the resource bundle SwiftPM builds for this target.
    static let bundleName = "ActorGraph_ActorGraphGazetteers.resources"

    /// The folders that may hold `entities` and `rules`, most specific first.
    static let candidates: [URL] = {
        if let override = ProcessInfo.processInfo.environment["ACTORGRAPH_RESOURCES"], !override.isEmpty {
            return [URL(fileURLWithPath: override)]
        }
        var folders = [Bundle.main.bundleURL.appendingPathComponent(bundleName)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        return folders
    }()

    private static func folder(_ name: String) -> URL? {
        for base in candidates {
            let url = base.appendingPathComponent(name, isDirectory: true)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue { return url }
        }
        return nil
    }
}
