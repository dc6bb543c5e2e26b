import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a file, held while a closure runs.
enum FileLock {
    /// Runs `body` while holding an exclusive lock on `url` (created if missing).
    static func holding<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError.dataDirectory(url.deletingLastPathComponent().path,
                                           "cannot open \(url.lastPathComponent): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw StoreError.dataDirectory(url.deletingLastPathComponent().path,
                                               "cannot lock \(url.lastPathComponent): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
