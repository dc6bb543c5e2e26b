import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Web

/// An event stream lives only as long as the session that opened it: signing out ends the
/// desk's stream (the server closes the connection), while another user's stream stays open.
@Suite("Web event streams", .serialized)
struct WebEventStreamTests {
    @Test func signingOutEndsThatSessionsStreamAndNoOther() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let alice = try web.signIn("alice")
        let sue = try web.signIn("sue")
        let aliceStream = try OpenStream(port: web.port, path: "/api/desk/events?agent=alice", cookie: alice.cookie)
        defer { aliceStream.close() }
        let sueStream = try OpenStream(port: web.port, path: "/api/wallboard/events", cookie: sue.cookie)
        defer { sueStream.close() }
        #expect(aliceStream.head.hasPrefix("HTTP/1.1 200"), "the desk stream opened: \(aliceStream.head.prefix(60))")
        #expect(sueStream.head.hasPrefix("HTTP/1.1 200"), "the wallboard stream opened: \(sueStream.head.prefix(60))")

        let out = try web.client.request("POST", "/logout", headers: alice.headers)
        #expect(out.status == 303)
        // The next push (the sign-out's own change, or the 5 s heartbeat) finds no session.
        #expect(aliceStream.waitForClose(seconds: 20), "alice's desk stream is still open after she signed out")
        // Past a heartbeat (5 s), so a push to sue would have found her session gone too.
        #expect(!sueStream.waitForClose(seconds: 6), "sue's wallboard stream ended too")
        // And the signed-out cookie cannot open a new one.
        let again = try OpenStream(port: web.port, path: "/api/desk/events?agent=alice", cookie: alice.cookie)
        defer { again.close() }
        #expect(again.head.hasPrefix("HTTP/1.1 401"), "a stream for a signed-out cookie: \(again.head.prefix(60))")
    }
}

/// A Server-Sent Events request held open on a raw socket: `head` is what arrived up to the
/// first event (or the whole answer when the server refused).
private final class OpenStream {
    let fd: Int32
    private(set) var head = ""

    init(port: Int, path: String, cookie: String) throws {
        fd = try HTTPClient.connect(port: port)
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: ivr_session=\(cookie)\r\n\r\n"
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        // Read until the first event, or until the server has answered and closed.
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !text.contains("data: ") {
            guard let chunk = read(timeout: 1) else { continue }
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if text.hasPrefix("HTTP/1.1 4") && text.contains("\r\n\r\n") { break }
        }
        head = text
    }

    /// Bytes received within `timeout` seconds: nil when none came, empty when the server closed.
    private func read(timeout: Int) -> [UInt8]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 16384)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count <= 0 ? [] : Array(buffer[0..<count])
    }

    /// Whether the server ends the stream within `seconds`: the last chunk of its chunked body
    /// arrives (the connection itself may stay open for another request) or it closes the
    /// connection. Events and ticks read meanwhile are skipped.
    func waitForClose(seconds: Int) -> Bool {
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        var tail = Array(head.utf8.suffix(8))
        while Date() < deadline {
            guard let chunk = read(timeout: 1) else { continue }
            if chunk.isEmpty { return true }
            tail = Array((tail + chunk).suffix(8))
            if tail.count >= 7 && Array(tail.suffix(7)) == Array("\r\n0\r\n\r\n".utf8) { return true }
        }
        return false
    }

    func close() { Glibc.close(fd) }
}
