import Foundation

/// The Unix control socket of `ivr serve`: one command per connection, one reply, then close.
///
/// Commands (one line, UTF-8): `ring LINE [CALLER]`, `hangup LINE|AGENT`, `key LINE KEYS`, `status`. Replies start
/// with `ok` or `error`; `status` continues with one line per line, queue and agent.
public final class ControlSocket: @unchecked Sendable {
    /// The socket's path.
    public let path: String
    private let descriptor: Int32

    /// Listens at `path` (a stale socket file there is replaced) and answers with `handler` on a
    /// dedicated thread.
    public init(path: String, handler: @escaping @Sendable (String) -> String) throws(LiveCallError) {
        self.path = path
        if Self.isAnswered(at: path) { throw Self.alreadyServing(path) }
        unlink(path)                                  // left by a server that died
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .device(.init(kind: .failed, pcm: path, operation: "create the control socket", alsa: String(cString: strerror(errno)))) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Foundation.close(fd)
            throw .store("\(path): error: the socket path is too long (over 107 bytes); use a shorter --data folder")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            Foundation.close(fd)
            throw .store("\(path): error: cannot listen on the control socket: \(reason)")
        }
        descriptor = fd
        let thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { break } }
                let reply: String
                if let request = Self.readLine(client) {
                    reply = handler(request.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n"
                } else {
                    reply = "error the command is longer than \(Self.maxCommandBytes) bytes: nothing was done\n"
                }
                _ = reply.withCString { write(client, $0, strlen($0)) }
                Foundation.close(client)
            }
        }
        thread.name = "switchboard.control"
        thread.start()
    }

    /// Stops listening and removes the socket file.
    public func close() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        Foundation.close(descriptor)
        unlink(path)
    }

    /// The longest command line the server reads; a longer one is refused whole, never cut.
    public static let maxCommandBytes = 4096

    /// One command line, or nil when it is longer than ``maxCommandBytes``.
    private static func readLine(_ fd: Int32) -> String? {
        var data = [UInt8]()
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != 10 {
            if data.count == maxCommandBytes { return nil }
            data.append(byte)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether a server answers on the socket at `path` (a file left by a dead server does not).
    public static func isAnswered(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path) && (try? send("status", to: path)) != nil
    }

    /// The error for a second server on the same data directory.
    public static func alreadyServing(_ path: String) -> LiveCallError {
        .store("\(path): error: another `ivr serve` is running on this data directory (its control socket answers); stop it first (Ctrl-C there) or give this one another --data")
    }

    /// Sends `command` to the socket at `path` and returns the reply.
    public static func send(_ command: String, to path: String) throws(LiveCallError) -> String {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .store("\(path): error: cannot create a socket") }
        defer { Foundation.close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in Array(path.utf8).prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            throw .store("\(path): error: no server is listening (\(String(cString: strerror(errno)))); start it with `ivr serve CONFIG`")
        }
        let line = command + "\n"
        _ = line.withCString { write(fd, $0, strlen($0)) }
        var reply = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            reply += buffer[0..<count]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
