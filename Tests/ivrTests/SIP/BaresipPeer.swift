import ChildProcesses
import Foundation

/// A headless baresip (Debian `baresip-core`) as a SIP phone on 127.0.0.1: its source is a WAV
/// file, its sndfile module records what it heard, and its ctrl_tcp socket takes commands and
/// reports events. Stopped by PID.
///
/// The control socket has one owner: the reader thread only reads it; `stop()` shuts it down,
/// waits for the reader to finish and closes it, once. (It used to be closed by the reader when
/// baresip hung up and then shut down again by `stop()` and `deinit` through the stale number,
/// which by then could belong to another test's socket or pipe: a `shutdown` there makes it
/// read end-of-file, e.g. a socket Foundation's `Process` watches for a child's exit.)
final class BaresipPeer: @unchecked Sendable {
    static let binary = "/usr/bin/baresip"
    let folder: URL
    /// baresip, once ``dial(_:)`` started it.
    private(set) var process: ChildProcess?
    private let controlPort: UInt16
    /// Where it takes calls (`sip:USER@127.0.0.1:PORT`).
    let sipPort: UInt16
    private var control: Int32 = -1
    private var received = ""
    private let lock = NSLock()
    private let readerDone = DispatchSemaphore(value: 0)

    /// A phone for `user` (its From user part) that plays `source` once a call is up; with
    /// `autoAnswer` it answers incoming calls at once.
    init(user: String, source: String, autoAnswer: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("baresip-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("snd"), withIntermediateDirectories: true)
        sipPort = try Self.freeSIPPort()
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
        try "<sip:\(user)@127.0.0.1>;regint=0;audio_codecs=PCMU\(autoAnswer ? ";answermode=auto" : "")\n"
            .write(to: folder.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
    }

    /// A port free for baresip's SIP: UDP and TCP on it, and TCP on the next (its TLS listener).
    private static func freeSIPPort() throws -> UInt16 {
        for _ in 0..<50 {
            let port = try FreePort.udp()
            if port < UInt16.max, FreePort.isFree(port, SOCK_STREAM), FreePort.isFree(port + 1, SOCK_STREAM) { return port }
        }
        throw POSIXError(.EADDRINUSE)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts baresip dialling `uri` (nil: waiting for calls) and connects to its control socket.
    func dial(_ uri: String?) throws {
        process = try ChildProcess(Self.binary, ["-f", folder.path] + (uri.map { ["-e", "/dial \($0)"] } ?? []))
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if connectControl() { return }
            usleep(100_000)
        }
        throw POSIXError(.ECONNREFUSED)
    }

    /// Whether baresip is running.
    var isRunning: Bool { process?.isRunning ?? false }

    /// Sends one ctrl_tcp command (netstring of JSON), e.g. `sndcode 1` (an RFC 4733 key).
    func command(_ name: String, _ params: String) {
        let json = "{\"command\":\"\(name)\",\"params\":\"\(params)\",\"token\":\"t\"}"
        let message = "\(json.utf8.count):\(json),"
        lock.withLock {
            guard control >= 0 else { return }
            _ = message.withCString { send(control, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
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

    /// Stops baresip by its PID (SIGTERM, SIGKILL after 3 s), then closes the control socket.
    func stop() {
        process?.stop(SIGTERM, grace: 3)
        let fd = lock.withLock { () -> Int32 in
            let fd = control
            control = -1
            return fd
        }
        guard fd >= 0 else { return }
        shutdown(fd, Int32(SHUT_RDWR))          // the reader's recv returns 0
        readerDone.wait()
        close(fd)
    }

    private func connectControl() -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = controlPort.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { close(fd); return false }
        lock.withLock { control = fd }
        let done = readerDone
        let thread = Thread { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count < 0 && errno == EINTR { continue }
                guard count > 0, let self else { break }
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                self.lock.withLock { self.received += text }
            }
            done.signal()                        // stop() closes the socket
        }
        thread.start()
        return true
    }
}
