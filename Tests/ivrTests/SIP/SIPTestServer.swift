import Foundation
import Testing

/// An `ivr serve` with a `sip:` section on a free 127.0.0.1 port, in its own folder; stopped by PID.
final class SIPTestServer: @unchecked Sendable {
    let folder: URL
    let port: UInt16
    let process = Process()
    private let output = Pipe()
    private var logText = ""
    private let lock = NSLock()

    /// Starts `ivr serve` on `flow` (default: the store flow) with `sipExtra` keys under `sip:`.
    init(flow: String? = nil, sipExtra: String = "", at: String = "2026-11-23T10:00") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sip-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try FreePort.udp()
        let root = LiveCallCommandTests.root
        let config = """
            flow: \(flow ?? root.appendingPathComponent("flows/store.yaml").path)
            data: data
            prompts: \(root.appendingPathComponent("prompts").path)
            sip: {listen: "127.0.0.1:\(port)"\(sipExtra.isEmpty ? "" : ", " + sipExtra)}
            """
        try config.write(to: folder.appendingPathComponent("serve.yaml"), atomically: true, encoding: .utf8)
        process.executableURL = IvrBinary.url
        process.arguments = ["serve", path("serve.yaml"), "--at", at]
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            guard let self else { return }
            self.lock.withLock { self.logText += text }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !log.contains("serving ") && process.isRunning && Date() < deadline { usleep(20_000) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        output.fileHandleForReading.readabilityHandler = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// Everything the server printed so far.
    var log: String { lock.withLock { logText } }

    /// A path in the server's folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The data folder.
    var data: String { path("data") }

    /// Waits until the log contains `text` (or `seconds` pass); true if it did.
    func waitFor(_ text: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if log.contains(text) { return true }
            usleep(50_000)
        }
        return log.contains(text)
    }

    /// Stops the server with SIGINT (as Ctrl-C) and returns its exit status.
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Free loopback ports, found by binding port 0 and letting go.
enum FreePort {
    static func udp() throws -> UInt16 { try find(SOCK_DGRAM) }
    static func tcp() throws -> UInt16 { try find(SOCK_STREAM) }

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
    @discardableResult
    static func run(_ path: String, _ arguments: [String], in directory: URL? = nil, timeout: Double = 60) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        let box = OutputBox()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            box.data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        reader.start()
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        done.wait()
        return (process.terminationStatus, String(decoding: box.data, as: UTF8.self))
    }

    /// Whether the program is installed (scripts/setup installs it).
    static func exists(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
}

private final class OutputBox: @unchecked Sendable {
    var data = Data()
}
