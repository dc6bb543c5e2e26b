import ChildProcesses
import Foundation

/// Locates and runs the built `ivr` binary for end-to-end tests.
enum IvrBinary {
    /// The `ivr` executable next to the test bundle in the build products folder.
    static var url: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("ivr")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/ivr")
    }

    /// Result of one run of `ivr`.
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `ivr` with `arguments`, optional standard input (a pipe either way, closed after the
    /// text), in `directory` (default: current); killed if it runs past `timeout` seconds.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, timeout: Double = 300) throws -> Result {
        let run = try ChildProcess.run(url.path, arguments, directory: directory?.path, input: stdin ?? "", timeout: timeout)
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }
}
