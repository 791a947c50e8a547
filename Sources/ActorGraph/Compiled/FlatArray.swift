import Foundation

/// A read-only array of plain values in memory that one owner keeps alive:
/// either a copy made from a Swift array or a slice of a memory-mapped file.
///
/// The matcher's tables are `FlatArray`s so that a compiled gazetteer is used
/// where the file was mapped, with nothing decoded or copied.
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    // Immutable after creation; the owner keeps `base` valid.
    private let owner: AnyObject?
    private let base: UnsafePointer<Element>?
    let count: Int

    init() {
        owner = nil
        base = nil
        count = 0
    }

    /// A copy of `array`.
    init(_ array: [Element]) {
        let storage = HeapStorage(byteCount: Swift.max(array.count, 1) * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        array.withUnsafeBytes { if let source = $0.baseAddress { storage.pointer.copyMemory(from: source, byteCount: $0.count) } }
        self.init(owner: storage, pointer: UnsafeRawPointer(storage.pointer), count: array.count)
    }

    /// `count` values at `pointer`, kept valid by `owner`; `pointer` must be aligned for `Element`.
    init(owner: AnyObject, pointer: UnsafeRawPointer, count: Int) {
        self.owner = owner
        self.base = count == 0 ? nil : pointer.assumingMemoryBound(to: Element.self)
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "FlatArray index out of range")
        return base.unsafelyUnwrapped[index]
    }

    /// The values' bytes, for writing a compiled file.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride)) }
    }

    /// The values as a buffer, valid while this array lives.
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }
}

/// Limits and filters shared by the flat hash tables (forms, trie edges, entity ids).
enum FlatTables {
    /// The most slots one lookup probes. Tables are built at most three
    /// quarters full, where a run this long does not occur; a forged compiled
    /// file with longer runs makes lookups miss, never spin.
    static let longestProbe = 4096

    /// A Bloom filter over keys given by their well-mixed hashes, in 64-bit
    /// words, two bits per key in one word (``filterProbe(for:)``): eight to
    /// sixteen bits per key, a power of two words long, so that a few lookups
    /// of a missing key in a hundred get past it, and it is an eighth of the
    /// size of the table it guards or less (form and edge tables take at least
    /// 128 bits a key). A phrase set's edges have one such filter per node
    /// (`PhraseSet.childFilters(keys:nodeCount:)`), sized the same way.
    static func filter(of hashes: some Sequence<Int>, count: Int) -> [UInt64] {
        var words = 1
        while words * 64 < count * 8 { words *= 2 }
        var filter = [UInt64](repeating: 0, count: words)
        for hash in hashes {
            let (word, bits) = filterProbe(for: hash)
            filter[word & (words - 1)] |= bits
        }
        return filter
    }

    /// The filter word (before masking) and the two bits of a key with the hash
    /// `hash`, from its high bits: the tables' slots and checks take the low ones.
    @inline(__always) static func filterProbe(for hash: Int) -> (word: Int, bits: UInt64) {
        let x = UInt64(bitPattern: Int64(hash))
        return (Int(truncatingIfNeeded: x >> 38), 1 << ((x >> 26) & 63) | 1 << ((x >> 32) & 63))
    }

    /// Whether `filter` (of ``filter(of:count:)``, not empty) may hold the key with the hash `hash`.
    @inline(__always) static func filter(_ filter: FlatArray<UInt64>, mayHold hash: Int) -> Bool {
        let (word, bits) = filterProbe(for: hash)
        return filter[word & (filter.count - 1)] & bits == bits
    }
}

/// Memory allocated for one `FlatArray` copy, freed with it.
private final class HeapStorage {
    let pointer: UnsafeMutableRawPointer
    init(byteCount: Int, alignment: Int) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: alignment)
    }
    deinit { pointer.deallocate() }
}

/// A file mapped read-only into memory, unmapped when the last user lets go.
final class MappedFile: @unchecked Sendable {
    // Immutable: the mapping is never written.
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// Maps `url` whole.
    /// - Throws: ``ActorGraphError`` (`unreadableInput`) when the file cannot be opened or mapped.
    init(_ url: URL, displayName: String) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ActorGraphError(.unreadableInput, "\"\(displayName)\" cannot be read; check that it is a file you may read.")
        }
        defer { close(descriptor) }
        isMapped = true
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ActorGraphError(.unreadableInput, "\"\(displayName)\" is not a regular file; give a compiled gazetteer file.")
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        // Populated at once: the loader reads every page for the checksum anyway.
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), address != MAP_FAILED else {
            throw ActorGraphError(.unreadableInput, "\"\(displayName)\" cannot be mapped into memory (errno \(errno)); check free memory and the file.")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Bytes already in memory (a file read another way, or a fuzzer's input), copied.
    init(copying data: UnsafeRawBufferPointer) {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
        if let base = data.baseAddress { pointer.copyMemory(from: base, byteCount: data.count) }
        bytes = UnsafeRawBufferPointer(start: pointer, count: data.count)
        isMapped = false
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
    }
}
