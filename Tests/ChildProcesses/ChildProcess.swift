import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process for tests (a server, a peer, a short run of a tool), started with
/// `posix_spawn` and waited for by its own PID only.
///
/// Why not Foundation's `Process`: on Linux it learns of a child's exit from one watcher thread
/// for the whole test process, which wakes when a socket it shares with the child reports
/// end-of-file and then calls a *blocking* `waitpid` for that child. Anything that makes the
/// socket readable early (e.g. a `shutdown` on a stale descriptor number the socket had taken
/// over) parks that thread in `waitpid` on a live server, and every `waitUntilExit()` in the
/// test process waits behind it. Here each caller polls `waitpid(pid, WNOHANG)` for its own
/// child, so one child can never hold up another's wait.
///
/// The PID is signalled only until the child is reaped (under a lock), so a reused PID is never
/// signalled. Releasing the object kills (SIGKILL) and reaps a child still running.
public final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal (this number) ended it.
        case signalled(Int32)

        /// The exit status, or the signal's number (as Foundation's `terminationStatus`).
        public var status: Int32 {
            switch self {
            case .exited(let status), .signalled(let status): status
            }
        }

        /// Whether a signal ended it.
        public var wasSignalled: Bool { if case .signalled = self { true } else { false } }

        public var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }

        /// Decodes a `waitpid` status word.
        init(waitStatus: Int32) {
            let signal = waitStatus & 0x7f
            self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
        }
    }

    /// The child's PID.
    public let pid: pid_t
    /// The program.
    public let executable: String
    private let lock = NSLock()
    private var reaped: Termination?
    private var input: Int32
    private let stdout: CapturedOutput?
    private let stderr: CapturedOutput?

    /// Starts `executable` (an absolute path) with `arguments`; `environment` nil: the test
    /// process's; `directory` nil: the test process's. See ``Redirect`` for the streams.
    public init(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
                directory: String? = nil, stdin: Redirect = .null, stdout: Redirect = .null, stderr: Redirect = .null) throws {
        let started = try Spawn.start(executable, arguments, environment: environment, directory: directory,
                                      stdin: stdin, stdout: stdout, stderr: stderr)
        self.executable = executable
        pid = started.pid
        input = started.input
        let name = (executable as NSString).lastPathComponent
        self.stdout = started.output >= 0 ? CapturedOutput(descriptor: started.output, name: "\(name) \(pid) stdout") : nil
        self.stderr = started.error >= 0 ? CapturedOutput(descriptor: started.error, name: "\(name) \(pid) stderr") : nil
    }

    deinit {
        stop(SIGKILL, grace: 0)
        closeInput()
    }

    // MARK: Exit

    /// How the child ended, or nil while it runs (reaps it once it has ended).
    public var termination: Termination? {
        lock.withLock {
            if reaped == nil {
                var status: Int32 = 0
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid {
                    reaped = Termination(waitStatus: status)
                } else if result < 0 && errno == ECHILD {
                    reaped = .exited(-1)          // reaped by someone else: nothing left to wait for
                }
            }
            return reaped
        }
    }

    /// Whether the child is still running.
    public var isRunning: Bool { termination == nil }

    /// Waits up to `seconds` for the child to end; how it ended, or nil if it still runs.
    public func wait(seconds: Double) -> Termination? {
        let deadline = Date().addingTimeInterval(seconds)
        var pause: useconds_t = 1000
        while true {
            if let ended = termination { return ended }
            if Date() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
    }

    /// Waits for the child to end, however long that takes (this child only).
    public func waitForExit() -> Termination {
        while true {
            if let ended = wait(seconds: 3600) { return ended }
        }
    }

    /// Sends `signal` to the child by its PID, if it has not been reaped yet.
    public func signal(_ signal: Int32) {
        lock.withLock {
            if reaped == nil { _ = kill(pid, signal) }
        }
    }

    /// Stops the child by its PID: `first` (SIGTERM unless told), then SIGKILL if it still runs
    /// after `grace` seconds; waits for it and returns how it ended. A child already ended is
    /// only reaped.
    @discardableResult
    public func stop(_ first: Int32 = SIGTERM, grace: Double = 3) -> Termination {
        if let ended = termination { return ended }
        signal(first)
        if first != SIGKILL, let ended = wait(seconds: grace) { return ended }
        signal(SIGKILL)
        return waitForExit()
    }

    // MARK: Streams

    /// Writes `text` to the child's standard input (a ``Redirect/pipe``); false if it could not.
    @discardableResult
    public func write(_ text: String) -> Bool {
        let descriptor = lock.withLock { input }
        guard descriptor >= 0 else { return false }
        return InputPipe.write(Array(text.utf8), to: descriptor)
    }

    /// Closes the child's standard input pipe (it reads end-of-file); closing twice does nothing.
    public func closeInput() {
        let descriptor = lock.withLock { () -> Int32 in
            let descriptor = input
            input = -1
            return descriptor
        }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Standard output read so far (with standard error when that is ``Redirect/sameAsOutput``);
    /// empty unless it is a ``Redirect/pipe``.
    public var output: String { stdout?.text ?? "" }

    /// Standard output read so far, as bytes.
    public var outputData: Data { stdout?.data ?? Data() }

    /// Standard error read so far; empty unless it is a ``Redirect/pipe``.
    public var errorOutput: String { stderr?.text ?? "" }

    /// Waits until standard output contains `text` (true), or it ends without it, or `seconds` pass.
    public func waitForOutput(_ text: String, seconds: Double) -> Bool {
        stdout?.waitFor(text, seconds: seconds) ?? false
    }

    /// Waits until standard error contains `text` (true), or it ends without it, or `seconds` pass.
    public func waitForErrorOutput(_ text: String, seconds: Double) -> Bool {
        stderr?.waitFor(text, seconds: seconds) ?? false
    }

    /// Waits up to `seconds` for the piped output streams to end (the child, and any child of
    /// its that inherited them, closed them); true if they did.
    @discardableResult
    public func waitForEndOfOutput(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        let outEnded = stdout?.waitForEnd(seconds: seconds) ?? true
        let errEnded = stderr?.waitForEnd(seconds: max(0, deadline.timeIntervalSinceNow)) ?? true
        return outEnded && errEnded
    }
}
