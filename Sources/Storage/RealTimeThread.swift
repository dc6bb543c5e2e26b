import Foundation

/// Marks the threads that must never block: a line's audio thread. The store refuses to run
/// on them (a debug-build assertion in every read and write), so a SQLite call that slips onto
/// an audio thread fails the tests instead of stalling a caller's audio for a busy timeout.
public enum RealTimeThread {
    private static let key = "switchboard.realtime"

    /// Marks the current thread as real-time until ``leave()``.
    public static func enter() { Thread.current.threadDictionary[key] = true }

    /// Clears the mark on the current thread.
    public static func leave() { Thread.current.threadDictionary.removeObject(forKey: key) }

    /// Whether the current thread is marked real-time.
    public static var isCurrent: Bool { Thread.current.threadDictionary[key] as? Bool == true }
}
