import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sign that a voicemail is being recorded right now, by a live process: an exclusive
/// `flock` on `voicemail/.NAME.wav.lock`, held by the recorder from before its WAV file is
/// created until after its row is completed (or deleted).
///
/// Why a lock and not a stored pid: the kernel drops a `flock` the moment its holder dies,
/// however it dies (`kill -9` included), so "locked" means "a live recorder" with no pid-reuse
/// window, across PID namespaces (a container next to the host) and between the lines of one
/// `ivr serve` (two open files conflict even inside one process).
///
/// The lock file appears already locked: it is created under a temporary name, locked, and
/// renamed into place, so no checker ever finds it unlocked while its recorder is alive. A
/// recorder unlinks it when done; one that died leaves it behind unlocked, and
/// `Store.recoverInterruptedVoicemails` removes it.
public final class VoicemailRecordingLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    private var descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Where the lock of `file` (relative to the data directory) lives.
    public static func url(of file: String, in directory: DataDirectory) -> URL {
        let recording = directory.resolve(relativePath: file)
        return recording.deletingLastPathComponent().appendingPathComponent("." + recording.lastPathComponent + ".lock")
    }

    /// Takes the lock for a recording about to be written at `file`; call before creating the file.
    /// - Throws: `StoreError.dataDirectory` if the lock file cannot be created.
    public static func acquire(for file: String, in directory: DataDirectory) throws -> VoicemailRecordingLock {
        let target = url(of: file, in: directory)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(target.lastPathComponent + ".\(getpid()).\(UInt32.random(in: .min ... .max))")
        let fd = open(temporary.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(temporary, "cannot create") }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = failure(temporary, "cannot lock")
                close(fd)
                unlink(temporary.path)
                throw error
            }
        }
        guard rename(temporary.path, target.path) == 0 else {
            let error = failure(target, "cannot create")
            close(fd)
            unlink(temporary.path)
            throw error
        }
        return VoicemailRecordingLock(url: target, descriptor: fd)
    }

    /// Tries to take the lock of an existing recording without waiting: nil when a live process
    /// holds it, else the lock (also when the lock file is gone: then nobody can be recording).
    static func tryAcquire(for file: String, in directory: DataDirectory) -> VoicemailRecordingLock? {
        let target = url(of: file, in: directory)
        let fd = open(target.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return VoicemailRecordingLock(url: target, descriptor: -1) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
        return VoicemailRecordingLock(url: target, descriptor: fd)
    }

    /// True when a live process holds the lock of `file`.
    public static func isHeld(for file: String, in directory: DataDirectory) -> Bool {
        guard let lock = tryAcquire(for: file, in: directory) else { return true }
        lock.unlockKeepingFile()
        return false
    }

    /// Removes the lock file, then lets go of the lock. Call once the row is complete or gone.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(url.path)
        close(descriptor)
        descriptor = -1
    }

    /// Lets go of the lock and leaves the file in place.
    func unlockKeepingFile() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func failure(_ url: URL, _ what: String) -> StoreError {
        .dataDirectory(url.deletingLastPathComponent().deletingLastPathComponent().path,
                       "\(what) \(url.path): \(String(cString: strerror(errno)))")
    }
}
