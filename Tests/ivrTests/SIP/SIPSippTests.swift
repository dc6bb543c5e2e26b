import Foundation
import Testing

/// sipp (Debian `sip-tester`) against `ivr serve`'s SIP side: OPTIONS, unsupported offers,
/// CANCEL before the answer, a call the IVR hangs up, and a full server.
@Suite("SIP: sipp against ivr serve", .serialized)
struct SIPSippTests {
    static let available = Tool.exists(SippScenarios.binary)

    @Test(.enabled(if: available)) func optionsAndUnsupportedOffers() throws {
        let server = try SIPTestServer()
        defer { _ = server.stop() }
        let options = try SippScenarios.run(SippScenarios.options, named: "options", port: server.port, in: server.folder)
        #expect(options.status == 0, "\(options.output)")
        let g729 = try SippScenarios.run(SippScenarios.unsupported("audio [media_port] RTP/AVP 18"), named: "g729",
                                         port: server.port, in: server.folder)
        #expect(g729.status == 0, "\(g729.output)")
        let video = try SippScenarios.run(SippScenarios.unsupported("video [media_port] RTP/AVP 96"), named: "video",
                                          port: server.port, in: server.folder)
        #expect(video.status == 0, "\(video.output)")
        #expect(server.log.contains("none of PCMU, PCMA offered (488)"))
        #expect(server.log.contains("no audio stream offered (488)"))  // the video-only offer
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: available)) func cancelBeforeTheAnswer() throws {
        let server = try SIPTestServer(sipExtra: "ring_seconds: 5")
        defer { _ = server.stop() }
        let result = try SippScenarios.run(SippScenarios.cancel, named: "cancel", port: server.port, in: server.folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(server.waitFor("caller gave up before the answer", seconds: 5), "\(server.log)")
        #expect(!server.log.contains("step         check-hours"))
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: available)) func theIVRHangsUpWithBye() throws {
        let flowFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sipflow-\(UUID())")
        try FileManager.default.createDirectory(at: flowFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: flowFolder) }
        let flow = flowFolder.appendingPathComponent("short.yaml")
        try "name: short\nstart: hello\nsteps:\n  hello:\n    play: goodbye\n    next: hangup\n"
            .write(to: flow, atomically: true, encoding: .utf8)
        let server = try SIPTestServer(flow: flow.path, sipExtra: "max_calls: 1")
        defer { _ = server.stop() }
        let result = try SippScenarios.run(SippScenarios.byeFromIVR, named: "bye", port: server.port, in: server.folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(server.waitFor("hanging up (BYE)", seconds: 5), "\(server.log)")
        // From says anonymous; P-Asserted-Identity carries the national number, stored in E.164.
        #expect(server.log.contains("from +442079460018 to ivr codec PCMU"), "\(server.log)")
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: available)) func holdWithAReInviteKeepsTheCall() throws {
        let server = try SIPTestServer()
        defer { _ = server.stop() }
        let result = try SippScenarios.run(SippScenarios.hold, named: "hold", port: server.port, in: server.folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(server.log.contains("re-INVITE, media now recvonly on our side"), "\(server.log)")
        #expect(server.waitFor("sip-1 ended: hung-up", seconds: 5), "\(server.log)")
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: available)) func aFullServerRefusesWith503AndRetryAfter() throws {
        let server = try SIPTestServer(sipExtra: "max_calls: 1")
        defer { _ = server.stop() }
        // One call holds the only place (sipp's built-in caller, 6 s), a second is refused.
        let first = Process()
        first.executableURL = URL(fileURLWithPath: SippScenarios.binary)
        first.arguments = ["-sn", "uac", "127.0.0.1:\(server.port)", "-i", "127.0.0.1", "-p", String(try FreePort.udp()),
                           "-m", "1", "-d", "6000", "-timeout", "30", "-nostdin"]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(server.waitFor("step         check-hours", seconds: 10))
        let refused = try SippScenarios.run(SippScenarios.unsupported("audio [media_port] RTP/AVP 0")
            .replacingOccurrences(of: "response=\"488\"", with: "response=\"503\""), named: "full", port: server.port, in: server.folder)
        #expect(refused.status == 0, "\(refused.output)")
        #expect(server.log.contains("1 calls in progress (503, retry after 10 s)"))
        let status = try IvrBinary.run(["line", "status", "--data", server.data])
        #expect(status.stdout.contains(" caller withheld step "), "\(status.stdout)")
        #expect(status.stdout.contains("codec PCMU packets "))
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(server.stop() == 0)
    }
}
