import CChildSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where one standard stream of a child process goes.
public enum Redirect: Sendable, Equatable {
    /// `/dev/null`.
    case null
    /// The test process's own stream.
    case inherit
    /// A file: opened for reading as standard input; created (or truncated) for output.
    case file(String)
    /// A pipe: standard input the test writes (``ChildProcess/write(_:)``), or output collected
    /// in memory by a reader thread (``ChildProcess/output``).
    case pipe
    /// Standard error only: wherever standard output goes (`2>&1`).
    case sameAsOutput
}

/// Why a child process could not be started.
public struct SpawnError: Error, CustomStringConvertible {
    /// The program.
    public let executable: String
    /// What failed.
    public let operation: String
    /// The error number.
    public let code: Int32
    public var description: String { "cannot start \(executable): \(operation): \(String(cString: strerror(code)))" }
}

/// `posix_spawn` with the file actions and attributes every test child gets.
enum Spawn {
    /// A started child: its PID and the parent's ends of its piped streams (-1 where none).
    struct Started {
        var pid: pid_t
        var input: Int32
        var output: Int32
        var error: Int32
    }

    /// Starts `executable` (an absolute path) with `arguments`.
    ///
    /// The child gets only the descriptors it is given: the pipes are created close-on-exec and
    /// every descriptor from 3 up is closed in the child (`closefrom`), so a child never holds
    /// another child's pipe open. It runs in its own process group (as Foundation's `Process`
    /// does), with no blocked signals and the usual signals at their default action.
    /// `environment` nil: the test process's environment. `directory`: its working directory.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]?, directory: String?,
                      stdin: Redirect, stdout: Redirect, stderr: Redirect) throws -> Started {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        var parentEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        func fail(_ operation: String, _ code: Int32) -> SpawnError {
            for fd in parentEnds { close(fd) }
            return SpawnError(executable: executable, operation: operation, code: code)
        }

        /// Adds the actions for stream `target`; returns the parent's end of a pipe, or -1.
        func redirect(_ target: Int32, _ how: Redirect) throws -> Int32 {
            var result: Int32 = 0
            var parentEnd: Int32 = -1
            switch how {
            case .inherit:
                return -1
            case .null:
                result = posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                result = posix_spawn_file_actions_addopen(&actions, target, path,
                                                          target == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .sameAsOutput:
                precondition(target == 2, "only standard error can follow standard output")
                result = posix_spawn_file_actions_adddup2(&actions, 1, 2)
            case .pipe:
                var ends: [Int32] = [-1, -1]
                guard child_spawn_pipe_cloexec(&ends) == 0 else { throw fail("pipe", errno) }
                let (childEnd, ourEnd) = target == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
                childEnds.append(childEnd)
                parentEnds.append(ourEnd)
                parentEnd = ourEnd
                result = posix_spawn_file_actions_adddup2(&actions, childEnd, target)
            }
            guard result == 0 else { throw fail("redirect descriptor \(target)", result) }
            return parentEnd
        }

        let input = try redirect(0, stdin)
        let output = try redirect(1, stdout)
        let error = try redirect(2, stderr)
        if let directory {
            let result = child_spawn_add_chdir(&actions, directory)
            guard result == 0 else { throw fail("chdir \(directory)", result) }
        }
        let closed = child_spawn_add_closefrom(&actions, 3)
        guard closed == 0 else { throw fail("closefrom", closed) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw fail("posix_spawn", result) }
        return Started(pid: pid, input: input, output: output, error: error)
    }
}
