import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ChildProcess {
    /// A finished run of a program: how it ended and what it printed.
    public struct Completed: Sendable {
        /// How it ended.
        public var termination: Termination
        /// Its standard output (with standard error when they were merged).
        public var stdout: String
        /// Its standard error (empty when merged into standard output).
        public var stderr: String
        /// Its standard output as bytes.
        public var stdoutData: Data
        /// The exit status, or the signal's number.
        public var status: Int32 { termination.status }
    }

    /// Runs `executable` to the end and collects its output.
    ///
    /// - Parameters:
    ///   - input: standard input's text, through a pipe closed after it (nil: `/dev/null`).
    ///   - mergeErrors: standard error into standard output (`2>&1`), as one text in order.
    ///   - timeout: after this many seconds the program is killed (SIGKILL) and the run returns.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
                           directory: String? = nil, input: String? = nil, mergeErrors: Bool = false,
                           timeout: Double = 300) throws -> Completed {
        let child = try ChildProcess(executable, arguments, environment: environment, directory: directory,
                                     stdin: input == nil ? .null : .pipe, stdout: .pipe,
                                     stderr: mergeErrors ? .sameAsOutput : .pipe)
        if let input { child.write(input) }
        child.closeInput()
        let termination = child.wait(seconds: timeout) ?? child.stop(SIGKILL, grace: 0)
        // A grandchild that inherited the pipes could keep them open: the output so far is enough then.
        child.waitForEndOfOutput(seconds: 10)
        return Completed(termination: termination, stdout: child.output, stderr: child.errorOutput, stdoutData: child.outputData)
    }
}
