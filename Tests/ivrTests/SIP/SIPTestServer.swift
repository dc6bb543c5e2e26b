import ChildProcesses
import Foundation
import Testing

/// An `ivr serve` with a `sip:` section on a free 127.0.0.1 port, in its own folder; stopped by PID.
final class SIPTestServer: @unchecked Sendable {
    let folder: URL
    let port: UInt16
    /// `ivr serve`, its standard output and error collected together (``log``).
    let process: ChildProcess

    /// Starts `ivr serve` on `flow` (default: the store flow) with `sipExtra` keys under `sip:` and
    /// `extraConfig` (e.g. `agents:`) at the end of serve.yaml; `prepare` runs on the data folder first.
    init(flow: String? = nil, sipExtra: String = "", extraConfig: String = "", at: String = "2026-11-23T10:00",
         prepare: (String) throws -> Void = { _ in }) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sip-\(UUID())")
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try FreePort.udp()
        let root = LiveCallCommandTests.root
        let config = """
            flow: \(flow ?? root.appendingPathComponent("flows/store.yaml").path)
            data: data
            prompts: \(root.appendingPathComponent("prompts").path)
            sip: {listen: "127.0.0.1:\(port)"\(sipExtra.isEmpty ? "" : ", " + sipExtra)}
            \(extraConfig)
            """
        try config.write(to: folder.appendingPathComponent("serve.yaml"), atomically: true, encoding: .utf8)
        try prepare(folder.appendingPathComponent("data").path)
        process = try ChildProcess(IvrBinary.url.path, ["serve", folder.appendingPathComponent("serve.yaml").path, "--at", at],
                                   stdout: .pipe, stderr: .sameAsOutput)
        _ = process.waitForOutput("serving ", seconds: 30)
    }

    deinit {
        process.stop(SIGKILL)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Everything the server printed so far.
    var log: String { process.output }

    /// A path in the server's folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The data folder.
    var data: String { path("data") }

    /// Waits until the log contains `text` (or `seconds` pass, or the server's output ends); true if it did.
    func waitFor(_ text: String, seconds: Double = 30) -> Bool {
        process.waitForOutput(text, seconds: seconds)
    }

    /// Stops the server with SIGINT (as Ctrl-C; SIGKILL if it still runs 15 s later) and returns its exit status.
    func stop() -> Int32 {
        process.stop(SIGINT, grace: 15).status
    }
}

/// Free loopback ports, found by binding port 0 and letting go.
enum FreePort {
    static func udp() throws -> UInt16 { try find(SOCK_DGRAM) }
    static func tcp() throws -> UInt16 { try find(SOCK_STREAM) }

    /// Whether `port` can be bound on 127.0.0.1 now.
    static func isFree(_ port: UInt16, _ type: __socket_type) -> Bool {
        let fd = socket(AF_INET, Int32(type.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func find(_ type: __socket_type) throws -> UInt16 {
        let fd = socket(AF_INET, Int32(type.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// Runs a helper program (sipp, espeak-ng, sox) and returns its status and output.
enum Tool {
    /// Runs `path` with standard input from /dev/null, standard output and error collected
    /// together; killed (SIGKILL) after `timeout` seconds.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], in directory: URL? = nil, timeout: Double = 60) throws
        -> (status: Int32, output: String) {
        let run = try ChildProcess.run(path, arguments, directory: directory?.path, mergeErrors: true, timeout: timeout)
        return (run.status, run.stdout)
    }

    /// Whether the program is installed (scripts/setup installs it).
    static func exists(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
}
