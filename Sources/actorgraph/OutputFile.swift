import ActorGraph
import Foundation

/// Writes output files where the user named them.
///
/// - A regular file is replaced atomically (a new file renamed over it): a
///   process that has the old one memory-mapped (a compiled gazetteer) keeps
///   reading it whole, and a failed write leaves it as it was.
/// - A symbolic link is written through: the file it names is replaced, and
///   the link stays a link.
/// - Standard output or error (`/dev/stdout`, or a path to the file one of them
///   was redirected to) is written to that stream, where the output before it
///   stands and the output after it follows.
/// - Another device or pipe is written in place.
enum OutputFile {
    /// Writes `data` to `path` (`-o` of a command).
    /// - Parameter example: A file name for the message when `path` is a folder, e.g. `names.agz`.
    /// - Throws: ``ActorGraphError`` (`unwritableOutput`) when `path` is a folder or cannot be written.
    static func write(_ data: Data, to path: String, example: String) throws {
        let cannotWrite = ActorGraphError(.unwritableOutput, "\"\(path)\" cannot be written; check that its folder exists and that you may write to it.")
        var target = stat()
        guard stat(path, &target) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0 {
                // A link to a file not made yet: write through it, which makes the file.
                guard writeInPlace(data, toPath: path) else { throw cannotWrite }
                return
            }
            do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch { throw cannotWrite }
            return
        }
        if let stream = standardStream(target) {
            guard write(data, to: stream) else { throw cannotWrite }
            return
        }
        switch target.st_mode & S_IFMT {
        case S_IFDIR:
            throw ActorGraphError(.unwritableOutput, "\"\(path)\" is a folder; name a file to write, e.g. \((path as NSString).appendingPathComponent(example)).")
        case S_IFREG:
            // The file the path names, links followed, is the one replaced.
            guard let resolved = realpath(path, nil) else { throw cannotWrite }
            defer { free(resolved) }
            do { try data.write(to: URL(fileURLWithPath: String(cString: resolved)), options: .atomic) } catch { throw cannotWrite }
        default:
            guard writeInPlace(data, toPath: path) else { throw cannotWrite }
        }
    }

    /// Writes `data` to `path` without a temporary file (created with mode
    /// 0666 less the umask, as `Data.write` does) and without the `fsync` that
    /// `Data.write` makes on Linux, which would make a folder of thousands of
    /// outputs wait on the disk for each file; also for a device.
    static func writeInPlace(_ data: Data, toPath path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = write(data, to: descriptor)
        return close(descriptor) == 0 && written
    }

    /// The standard stream (output or error) open on the file `target` describes, if one is.
    private static func standardStream(_ target: stat) -> Int32? {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] {
            var stream = stat()
            if fstat(descriptor, &stream) == 0 && stream.st_dev == target.st_dev && stream.st_ino == target.st_ino { return descriptor }
        }
        return nil
    }

    /// Writes all of `data` to an open descriptor.
    private static func write(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#else
private let systemWrite = Darwin.write
#endif
