import Foundation
import Synchronization

/// Marks the threads that must never block: a line's audio thread. Every store read and write
/// checks it: a SQLite call that slips onto an audio thread is counted in ``violations`` and
/// reported once on standard error with its call stack, so a test can show the audio thread
/// makes no SQLite call (and a live server keeps running instead of stalling or dying).
public enum RealTimeThread {
    private static let key = "switchboard.realtime"
    private static let count = Atomic<Int>(0)

    /// Marks the current thread as real-time until ``leave()``.
    public static func enter() { Thread.current.threadDictionary[key] = true }

    /// Clears the mark on the current thread.
    public static func leave() { Thread.current.threadDictionary.removeObject(forKey: key) }

    /// Whether the current thread is marked real-time.
    public static var isCurrent: Bool { Thread.current.threadDictionary[key] as? Bool == true }

    /// Store calls made on a real-time thread since the process started.
    public static var violations: Int { count.load(ordering: .relaxed) }

    /// Counts a store call `what` made on a real-time thread (the first is reported with its stack).
    static func check(_ what: String) {
        guard isCurrent else { return }
        if count.add(1, ordering: .relaxed).oldValue == 0 {
            let stack = Thread.callStackSymbols.prefix(12).joined(separator: "\n")
            FileHandle.standardError.write(Data("switchboard: \(what) on an audio thread\n\(stack)\n".utf8))
        }
    }
}
