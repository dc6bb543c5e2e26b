import Foundation

/// A headless baresip (Debian `baresip-core`) as a SIP phone on 127.0.0.1: its source is a WAV
/// file, its sndfile module records what it heard, and its ctrl_tcp socket takes commands and
/// reports events. Stopped by PID.
final class BaresipPeer: @unchecked Sendable {
    static let binary = "/usr/bin/baresip"
    let folder: URL
    let process = Process()
    private let controlPort: UInt16
    private var control: Int32 = -1
    private var received = ""
    private let lock = NSLock()
    private var reader: Thread?

    /// A phone for `user` (its From user part) that plays `source` once a call is up.
    init(user: String, source: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("baresip-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("snd"), withIntermediateDirectories: true)
        let sipPort = try FreePort.udp()
        controlPort = try FreePort.tcp()
        let config = """
            poll_method epoll
            sip_listen 127.0.0.1:\(sipPort)
            net_interface 127.0.0.1
            audio_player alsa,null
            audio_alert alsa,null
            audio_source aufile,\(source)
            module_path /usr/lib/baresip/modules
            module g711.so
            module aufile.so
            module alsa.so
            module sndfile.so
            module ctrl_tcp.so
            module_tmp account.so
            module_app menu.so
            snd_path \(folder.appendingPathComponent("snd").path)
            ctrl_tcp_listen 127.0.0.1:\(controlPort)

            """
        try config.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "<sip:\(user)@127.0.0.1>;regint=0;audio_codecs=PCMU\n"
            .write(to: folder.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts baresip dialling `uri` and connects to its control socket.
    func dial(_ uri: String) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["-f", folder.path, "-e", "/dial \(uri)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if connectControl() { return }
            usleep(100_000)
        }
        throw POSIXError(.ECONNREFUSED)
    }

    /// Sends one ctrl_tcp command (netstring of JSON), e.g. `sndcode 1` (an RFC 4733 key).
    func command(_ name: String, _ params: String) {
        let json = "{\"command\":\"\(name)\",\"params\":\"\(params)\",\"token\":\"t\"}"
        let message = "\(json.utf8.count):\(json),"
        _ = message.withCString { send(control, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Waits until baresip reported `event` (e.g. `CALL_ESTABLISHED`); true if it did.
    func waitFor(_ event: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if lock.withLock({ received.contains(event) }) { return true }
            usleep(50_000)
        }
        return false
    }

    /// The WAV of what baresip heard (sndfile's `-dec.wav`), once the call has ended.
    var heardPath: String? {
        let snd = folder.appendingPathComponent("snd")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: snd.path)) ?? []
        return names.first { $0.hasSuffix("-dec.wav") }.map { snd.appendingPathComponent($0).path }
    }

    /// Kills baresip by its PID.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        if control >= 0 { shutdown(control, Int32(SHUT_RDWR)) }
    }

    private func connectControl() -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = controlPort.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { close(fd); return false }
        control = fd
        let thread = Thread { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                guard count > 0, let self else { break }
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                self.lock.withLock { self.received += text }
            }
            close(fd)
        }
        reader = thread
        thread.start()
        return true
    }
}
