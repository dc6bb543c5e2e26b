import ChildProcesses
import Foundation
import Testing

/// Hostile datagrams at `ivr serve`'s SIP port while a call is in progress: the server keeps
/// running, keeps answering, and the call completes.
@Suite("SIP: fuzzed messages at a running server", .serialized)
struct SIPFuzzTests {
    /// A seeded generator (SplitMix64), so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func base(_ port: UInt16, _ index: Int) -> [String] {
        let sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 101\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
        func request(_ method: String, body: String = "", type: String = "") -> String {
            "\(method) sip:ivr@127.0.0.1:\(port) SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK\(index)\r\n"
                + "From: <sip:fuzz@127.0.0.1>;tag=\(index)\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: fuzz-\(index)\r\n"
                + "CSeq: 1 \(method)\r\nMax-Forwards: 70\r\n\(type)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        }
        return [request("INVITE", body: sdp, type: "Content-Type: application/sdp\r\n"), request("OPTIONS"),
                request("BYE"), request("REGISTER"), request("INFO", body: "Signal=5\r\n", type: "Content-Type: application/dtmf-relay\r\n")]
    }

    /// One mutated message: truncated, huge Content-Length, bad SDP, flipped bytes, junk, long or repeated headers.
    static func mutate(_ text: String, _ random: inout Generator) -> [UInt8] {
        var bytes = Array(text.utf8)
        switch Int.random(in: 0..<8, using: &random) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 1: bytes = Array(text.replacingOccurrences(of: "Content-Length: ", with: "Content-Length: 99999999").utf8)
        case 2: bytes = Array(text.replacingOccurrences(of: "m=audio 9 RTP/AVP 0 101",
                                                        with: ["m=", "m=audio x RTP", "m=audio 9 RTP/AVP", "c=IN IP9 ::::", "v=7"]
                                                            .randomElement(using: &random)!).utf8)
        case 3:
            for _ in 0..<Int.random(in: 1...20, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 4: bytes = (0..<Int.random(in: 1...1400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 5: bytes = Array(text.replacingOccurrences(of: "Max-Forwards: 70", with: "X-Long: " + String(repeating: "A", count: 1300)).utf8)
        case 6: bytes = Array(text.replacingOccurrences(of: "\r\n", with: ["\n", "\r", "\r\n\r\n", ""].randomElement(using: &random)!).utf8)
        default: bytes = Array(text.replacingOccurrences(of: "Via:", with: "Via: SIP/2.0/UDP ;;;;,,,\r\nVia:").utf8)
        }
        return bytes
    }

    @Test(.enabled(if: Tool.exists(SippScenarios.binary))) func thousandsOfMutatedMessagesDuringACall() throws {
        let server = try SIPTestServer(sipExtra: "max_calls: 500")
        defer { _ = server.stop() }
        // A call in progress throughout: sipp's built-in caller holds 8 s, then hangs up.
        let call = try ChildProcess(SippScenarios.binary, ["-sn", "uac", "127.0.0.1:\(server.port)", "-i", "127.0.0.1",
                                                           "-p", String(try FreePort.udp()), "-m", "1", "-d", "8000", "-timeout", "40",
                                                           "-timeout_error", "-nostdin"])
        defer { call.stop(SIGKILL) }
        #expect(server.waitFor("sip: call 1 established", seconds: 10))

        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = server.port.bigEndian
        var random = Generator(state: 11)
        var sent = 0
        for index in 0..<3000 {
            let bases = Self.base(server.port, index)
            let message = Self.mutate(bases[index % bases.count], &random)
            let count = message.withUnsafeBytes { bytes in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            if count >= 0 { sent += 1 }
            if index % 100 == 99 { usleep(20_000) }  // about 5,000 messages a second
        }
        #expect(sent > 2900)
        #expect(server.process.isRunning, "\(server.log)")

        #expect(call.wait(seconds: 60) == .exited(0), "the call in progress failed")
        #expect(server.waitFor("sip-1 ended: hung-up", seconds: 10), "\(server.log)")
        let options = try SippScenarios.run(SippScenarios.options, named: "after", port: server.port, in: server.folder)
        #expect(options.status == 0, "\(options.output)")
        let status = try IvrBinary.run(["line", "status", "--data", server.data])
        #expect(status.status == 0)
        #expect(server.stop() == 0)
    }
}
