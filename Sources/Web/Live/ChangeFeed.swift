import Foundation
import Storage

/// Watches the store for changes (`StoreChangeWatcher`, every `pollInterval`) and tells every
/// subscriber, e.g. each open wallboard or desk's event stream. One poll serves all subscribers.
///
/// A subscriber also gets a tick every `heartbeat` seconds without a change, so pages showing
/// "time in state" and "longest wait" stay current and dead connections are noticed.
final class ChangeFeed: @unchecked Sendable {
    private let watcher: StoreChangeWatcher
    private let pollInterval: TimeInterval
    private let heartbeat: TimeInterval = 5
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var generation = 0
    private var task: Task<Void, Never>?

    init(watcher: StoreChangeWatcher, pollInterval: TimeInterval) {
        self.watcher = watcher
        self.pollInterval = pollInterval
    }

    /// The number of changes seen so far (increases by one per change).
    var current: Int { lock.withLock { generation } }

    /// How many streams are open.
    var subscriberCount: Int { lock.withLock { subscribers.count } }

    /// A stream of change numbers: the current one at once, then one per change (or heartbeat).
    func subscribe() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) } }
        lock.withLock {
            subscribers[id] = continuation
            continuation.yield(generation)
        }
        return stream
    }

    /// Starts polling (once).
    func start() {
        lock.withLock {
            guard task == nil else { return }
            task = Task.detached { [weak self] in await self?.poll() }
        }
    }

    /// Stops polling and ends every stream.
    func stop() {
        let (task, streams) = lock.withLock { () -> (Task<Void, Never>?, [AsyncStream<Int>.Continuation]) in
            defer { self.task = nil; subscribers = [:] }
            return (self.task, Array(subscribers.values))
        }
        task?.cancel()
        for stream in streams { stream.finish() }
    }

    private func poll() async {
        var last = (try? watcher.version()) ?? ""
        var quiet: TimeInterval = 0
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(pollInterval * 1_000_000_000))
            let version = (try? watcher.version()) ?? last
            quiet += pollInterval
            if version != last || quiet >= heartbeat {
                if version != last { lock.withLock { generation += 1 } }
                last = version
                quiet = 0
                let (number, streams) = lock.withLock { (generation, Array(subscribers.values)) }
                for stream in streams { stream.yield(number) }
            }
        }
    }
}
