import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes a child writes to one piped stream, collected by a thread of their own until the
/// pipe ends. The reader owns the descriptor and closes it exactly once, at the end.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    private var ended = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `descriptor` (the parent's end of the pipe) on a new thread.
    init(descriptor: Int32, name: String) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    lock.withLock { bytes.append(contentsOf: buffer[0..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            lock.withLock { ended = true }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Everything read so far.
    var data: Data { lock.withLock { bytes } }

    /// Everything read so far, as UTF-8 text.
    var text: String { String(decoding: data, as: UTF8.self) }

    /// Whether the pipe has ended (every writer closed it).
    var hasEnded: Bool { lock.withLock { ended } }

    /// Waits up to `seconds` for the end of the pipe; true if it ended.
    @discardableResult
    func waitForEnd(seconds: Double) -> Bool {
        if hasEnded { return true }
        guard finished.wait(timeout: .now() + seconds) == .success else { return false }
        finished.signal()                 // for the next waiter
        return true
    }

    /// Polls until the text read contains `text` (true), the pipe ends without it or `seconds`
    /// pass (false).
    func waitFor(_ text: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let (soFar, over) = lock.withLock { (bytes, ended) }
            if String(decoding: soFar, as: UTF8.self).contains(text) { return true }
            if over || Date() >= deadline { return false }
            usleep(10_000)
        }
    }
}

/// Writes to a child's standard input pipe without risking SIGPIPE for the test process.
enum InputPipe {
    /// Writes all of `bytes` to `descriptor`; false if the child closed its end (EPIPE) or
    /// another error ended the write. SIGPIPE is blocked on this thread meanwhile and a SIGPIPE the
    /// write raised is taken back before the old mask returns.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
