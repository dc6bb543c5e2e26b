import Foundation

/// The stop flag and completion signal a line thread shares with its owner. Internal.
final class LineThreadState: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var done = false

    var shouldStop: Bool { lock.withLock { stopping } }

    func requestStop() { lock.withLock { stopping = true } }

    func markFinished() {
        lock.withLock { done = true }
        finished.signal()
    }

    var isFinished: Bool { lock.withLock { done } }

    /// Blocks until the thread has finished; returns at once if it already has.
    func wait() {
        guard !isFinished else { return }
        finished.wait()
        finished.signal()
    }

    /// Starts `body` on a new dedicated thread (not the Swift concurrency pool).
    static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.qualityOfService = .userInteractive
        thread.start()
    }
}
