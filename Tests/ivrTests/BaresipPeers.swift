import ChildProcesses
import Foundation

/// Picks free 127.0.0.1 ports for a test's peers.
enum FreePortPair {
    /// A TCP port free now on 127.0.0.1; with `pair`, the next one is free too (baresip binds SIP's port + 1 for TLS).
    static func pick(pair: Bool = false) throws -> Int {
        for _ in 0..<50 {
            let port = try bindAndRelease(0)
            if !pair || (try? bindAndRelease(port + 1)) != nil { return port }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    private static func bindAndRelease(_ port: Int) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw CocoaError(.fileWriteFileExists) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A child process whose output goes to a log file; stopped by PID by its owner.
struct Spawned {
    let process: ChildProcess

    init(_ executable: String, _ arguments: [String], environment: [String: String], log: String) throws {
        process = try ChildProcess(executable, arguments, environment: environment, stdin: .null, stdout: .file(log), stderr: .sameAsOutput)
    }

    /// Stops `process` by its PID: SIGTERM, then SIGKILL after 2 s (baresip 1.0 does not end on SIGTERM mid-call).
    static func stop(_ process: ChildProcess) {
        process.stop(SIGTERM, grace: 2)
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// Polls `condition` every 50 ms for up to `seconds`.
    static func wait(_ seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}

/// baresip's configuration folder and test audio.
enum Baresip {
    static func configure(folder: String, sip: Int, control: Int, player: String, source: String,
                          account: String, extra: String = "") throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            poll_method epoll
            sip_listen 127.0.0.1:\(sip)
            net_interface 127.0.0.1
            audio_player \(player)
            audio_source \(source)
            audio_alert alsa,null
            ausrc_srate 8000
            auplay_srate 8000
            ausrc_channels 1
            auplay_channels 1
            module_path /usr/lib/baresip/modules
            module g711.so
            module alsa.so
            module aufile.so
            \(extra)module_tmp account.so
            module_app menu.so
            module_app ctrl_tcp.so
            ctrl_tcp_listen 127.0.0.1:\(control)

            """.write(toFile: folder + "/config", atomically: true, encoding: .utf8)
        try (account + "\n").write(toFile: folder + "/accounts", atomically: true, encoding: .utf8)
    }

    /// Speech by espeak-ng at 8 kHz mono S16 (made in `path`).
    static func speech(_ text: String, in path: String) throws -> [Int16] {
        try run(["espeak-ng", "-w", path + ".raw.wav", text])
        try run(["sox", path + ".raw.wav", "-r", "8000", "-c", "1", "-b", "16", path])
        return try samples(ofWAV: path)
    }

    /// A WAV of `before` seconds of silence, `speech`, `after` seconds more.
    static func wav(silence before: Double, then speech: [Int16], silence after: Double, to path: String) throws {
        let all = [Int16](repeating: 0, count: Int(before * 8000)) + speech + [Int16](repeating: 0, count: Int(after * 8000))
        try write(all, to: path)
    }

    static func run(_ arguments: [String]) throws {
        let tool = try ChildProcess("/usr/bin/env", arguments)
        _ = tool.wait(seconds: 120) ?? tool.stop(SIGKILL)
    }

    /// The samples of a 16-bit PCM WAV (the first `data` chunk).
    static func samples(ofWAV path: String) throws -> [Int16] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var offset = 12
        while offset + 8 <= data.count {
            let id = String(decoding: data[offset..<offset + 4], as: UTF8.self)
            let size = Int(data[offset + 4]) | Int(data[offset + 5]) << 8 | Int(data[offset + 6]) << 16 | Int(data[offset + 7]) << 24
            if id == "data" {
                let end = min(data.count, offset + 8 + size)
                return data[(offset + 8)..<end].withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
            }
            offset += 8 + size + (size & 1)
        }
        return []
    }

    /// Writes mono 8 kHz S16 samples as a WAV.
    static func write(_ samples: [Int16], to path: String) throws {
        var data = Data()
        func le32(_ v: Int) { data.append(contentsOf: [UInt8(v & 255), UInt8(v >> 8 & 255), UInt8(v >> 16 & 255), UInt8(v >> 24 & 255)]) }
        func le16(_ v: Int) { data.append(contentsOf: [UInt8(v & 255), UInt8(v >> 8 & 255)]) }
        data.append(contentsOf: Array("RIFF".utf8)); le32(36 + samples.count * 2); data.append(contentsOf: Array("WAVEfmt ".utf8))
        le32(16); le16(1); le16(1); le32(8000); le32(16000); le16(2); le16(16)
        data.append(contentsOf: Array("data".utf8)); le32(samples.count * 2)
        samples.withUnsafeBufferPointer { data.append(Data(buffer: $0)) }
        try data.write(to: URL(fileURLWithPath: path))
    }
}

/// baresip's ctrl_tcp: netstrings of JSON.
final class BaresipControl {
    private let fd: Int32

    init(port: Int) throws {
        var connected: Int32 = -1
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if status == 0 { connected = fd; break }
            close(fd)
            usleep(100_000)
        }
        guard connected >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        fd = connected
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ command: String, _ params: String = "") {
        let payload = "{\"command\":\"\(command)\",\"params\":\"\(params)\",\"token\":\"test\"}"
        let message = "\(payload.utf8.count):\(payload),"
        _ = message.withCString { Foundation.send(fd, $0, strlen($0), 0) }
    }

    /// `listcalls`' answer (waits up to a second for the response, skipping events).
    func listCalls() -> String {
        send("listcalls")
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
            if text.contains("\"response\":true") { break }
        }
        return text
    }
}
