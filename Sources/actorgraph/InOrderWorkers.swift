import Foundation

/// Runs work on every core over a stream of items and hands the results back
/// in input order, on the calling thread.
///
/// The caller reads the next items and writes the finished ones while the
/// workers extract: no core waits for a batch's slowest document, nor for
/// reading and writing between batches.
final class InOrderWorkers<Item: Sendable, Outcome: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Items not yet taken by a worker, by input position; `queued` is the first.
    private var queue: [(position: Int, item: Item)] = []
    private var queued = 0
    /// Finished results not yet handed back, by input position.
    private var results: [Int: Outcome] = [:]
    private var closed = false

    /// Calls `work` on `workers` threads for every item `next` gives, and
    /// `deliver` with each item and its result in the order `next` gave them.
    /// At most `window` items are read ahead of the one to deliver next, which
    /// bounds the memory held. An error thrown by `deliver` ends the run: the
    /// workers finish the items already queued, and the error is rethrown.
    static func run(
        workers: Int, window: Int, next: () -> Item?, work: @escaping @Sendable (Item) -> Outcome,
        deliver: (Item, Outcome) throws -> Void
    ) rethrows {
        let pool = InOrderWorkers()
        let group = DispatchGroup()
        for _ in 0 ..< max(1, workers) {
            DispatchQueue.global().async(group: group) { pool.serve(work) }
        }
        defer {
            pool.close()
            group.wait()
        }
        var pending: [Int: Item] = [:]
        var read = 0, delivered = 0, exhausted = false
        while true {
            // Hand back what is finished, then read one more ahead; wait only when neither can be done.
            while delivered < read, let result = pool.result(at: delivered, waiting: false) {
                try deliver(pending.removeValue(forKey: delivered)!, result)
                delivered += 1
            }
            if !exhausted && read - delivered < max(1, window) {
                if let item = next() {
                    pending[read] = item
                    pool.enqueue(item, at: read)
                    read += 1
                    continue
                }
                exhausted = true
            }
            guard delivered < read else { return }
            let result = pool.result(at: delivered, waiting: true)!
            try deliver(pending.removeValue(forKey: delivered)!, result)
            delivered += 1
        }
    }

    private func enqueue(_ item: Item, at position: Int) {
        condition.lock()
        queue.append((position, item))
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the result of the item at `position`, once it is there if `waiting`, else if it is.
    private func result(at position: Int, waiting: Bool) -> Outcome? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results.removeValue(forKey: position) { return result }
            guard waiting else { return nil }
            condition.wait()
        }
    }

    /// A worker's loop: take the first queued item, work on it, keep its result; until closed.
    private func serve(_ work: @Sendable (Item) -> Outcome) {
        while true {
            condition.lock()
            while queued == queue.count && !closed { condition.wait() }
            guard queued < queue.count else {
                condition.unlock()
                return
            }
            let (position, item) = queue[queued]
            queued += 1
            if queued == queue.count {
                // Every queued item is taken: drop them, so the queue never grows past the window.
                queue.removeAll(keepingCapacity: true)
                queued = 0
            }
            condition.unlock()
            let result = work(item)
            condition.lock()
            results[position] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Lets the workers finish once the queue is empty.
    private func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
