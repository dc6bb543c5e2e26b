import Foundation

/// A mutex with priority inheritance (`PTHREAD_PRIO_INHERIT`), for state the real-time media
/// sender shares with ordinary threads: a line or SIP thread holding it is raised to the sender's
/// priority until it lets go, so the sender never waits behind threads that merely happen to be
/// runnable (a compiler, sipp, 500 line threads). Hold it only for a few instructions.
final class PriorityInheritanceLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// An unlocked mutex (a plain one if the system refuses priority inheritance).
    init() {
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        _ = pthread_mutexattr_setprotocol(&attributes, Int32(PTHREAD_PRIO_INHERIT))
        if pthread_mutex_init(mutex, &attributes) != 0 { pthread_mutex_init(mutex, nil) }
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` holding the mutex.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
