import ChildProcesses
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

    @Test(.enabled(if: available)) func aMenuTimeoutWaitsWhileTheCallerHolds() throws {
        let flowFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sipflow-\(UUID())")
        try FileManager.default.createDirectory(at: flowFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: flowFolder) }
        let flow = flowFolder.appendingPathComponent("menu.yaml")
        // A 0.5 s menu prompt, 2 s to answer, once: unheld, the IVR would hang up 2.5 s in.
        try """
            name: menu
            start: m
            steps:
              m:
                menu: digit-1
                timeout: 2s
                max_no_input: 1
                choices: {"1": bye}
                on_no_input: bye
              bye:
                hangup: completed
            """.write(to: flow, atomically: true, encoding: .utf8)
        let server = try SIPTestServer(flow: flow.path)
        defer { _ = server.stop() }
        let box = ResultHolder()
        let caller = Thread {
            box.result = try? SippScenarios.run(SippScenarios.holdThenWaitForBye(seconds: 4), named: "hold-menu",
                                                port: server.port, in: server.folder)
        }
        caller.start()
        #expect(server.waitFor("  hold\n", seconds: 15), "\(server.log)")
        let status = try IvrBinary.run(["line", "status", "--data", server.data]).stdout
        #expect(status.contains(" held step m codec PCMU ") || server.log.contains("  resume\n"), "\(status)")
        let deadline = Date().addingTimeInterval(30)
        while box.result == nil && Date() < deadline { usleep(50_000) }
        let result = try #require(box.result, "sipp did not finish")
        #expect(result.status == 0, "no BYE while held, one after the resume: \(result.output)\n\(server.log)")
        #expect(server.waitFor("sip-1 ended: completed", seconds: 5), "\(server.log)")
        // The prompt stopped at the hold and played again after the resume, then the timeout ran.
        let log = server.log
        let hold = try #require(log.range(of: "  hold\n"), "\(log)")
        let resume = try #require(log.range(of: "  resume\n"), "\(log)")
        #expect(hold.lowerBound < resume.lowerBound)
        #expect(log[resume.upperBound...].contains("prompt       digit-1"), "played again after the resume: \(log)")
        #expect(log[resume.upperBound...].contains("timeout      first-digit"), "the timeout ran after the resume: \(log)")
        #expect(server.stop() == 0)
    }

    /// Packets sent on the first SIP call, from `ivr line status` (`packets RX/TX`).
    static func packetsSent(_ server: SIPTestServer) throws -> Int? {
        let status = try IvrBinary.run(["line", "status", "--data", server.data]).stdout
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("sip ") && $0.contains(" packets ") }),
              let range = line.range(of: " packets ") else { return nil }
        let counts = line[range.upperBound...].prefix { $0 != " " }.split(separator: "/")
        return counts.count == 2 ? Int(counts[1]) : nil
    }

    @Test(.enabled(if: available)) func aHeldCallSendsNothingUntilResumed() throws {
        let server = try SIPTestServer()
        defer { _ = server.stop() }
        let box = ResultHolder()
        let caller = Thread {
            box.result = try? SippScenarios.run(SippScenarios.holdAndResume(seconds: 8), named: "hold-resume", port: server.port, in: server.folder)
        }
        caller.start()
        #expect(server.waitFor("(held: not sending)", seconds: 15), "\(server.log)")
        usleep(500_000)
        let heldStart = try #require(try Self.packetsSent(server))
        usleep(1_500_000)
        let heldEnd = try #require(try Self.packetsSent(server))
        // The hold lasts 8 s, so both readings fall inside it even when `ivr line status` is slow.
        let stillHeld = !server.log.contains("re-INVITE, media now sendrecv on our side")
        try #require(stillHeld, "the hold ended before the two readings: \(server.log)")
        #expect(heldEnd == heldStart, "no RTP while held: \(heldStart) then \(heldEnd)")
        #expect(server.waitFor("re-INVITE, media now sendrecv on our side", seconds: 10), "\(server.log)")
        usleep(300_000)
        let resumedStart = try #require(try Self.packetsSent(server))
        usleep(1_000_000)
        let resumedEnd = try #require(try Self.packetsSent(server))
        #expect(resumedEnd >= resumedStart + 25, "sending again after the resume: \(resumedStart) then \(resumedEnd)")
        #expect(server.waitFor("sip-1 ended: hung-up", seconds: 10), "the call went on through the hold: \(server.log)")
        let deadline = Date().addingTimeInterval(10)
        while box.result == nil && Date() < deadline { usleep(50_000) }
        #expect(box.result?.status == 0, "\(box.result?.output ?? "sipp did not finish")")
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: available)) func optionsAndACallOverTCP() throws {
        let server = try SIPTestServer(sipExtra: "tcp: true")
        defer { _ = server.stop() }
        #expect(server.log.contains("sip: listening on udp+tcp 127.0.0.1:\(server.port)"), "\(server.log)")
        let options = try SippScenarios.run(SippScenarios.options, named: "options-tcp", port: server.port, in: server.folder,
                                            extra: ["-t", "t1"])
        #expect(options.status == 0, "\(options.output)")
        let call = try SippScenarios.run(SippScenarios.waitingCaller(seconds: 1), named: "call-tcp", port: server.port,
                                         in: server.folder, extra: ["-t", "t1"])
        #expect(call.status == 0, "\(call.output)")
        #expect(server.waitFor("sip-1 ended: ", seconds: 10), "\(server.log)")
        let status = try IvrBinary.run(["line", "status", "--data", server.data]).stdout
        #expect(status.contains("sip listening udp+tcp 127.0.0.1:\(server.port)"), "\(status)")
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: available)) func aFullServerRefusesWith503AndRetryAfter() throws {
        let server = try SIPTestServer(sipExtra: "max_calls: 1")
        defer { _ = server.stop() }
        // One call holds the only place (sipp's built-in caller, 6 s), a second is refused.
        let first = try ChildProcess(SippScenarios.binary, ["-sn", "uac", "127.0.0.1:\(server.port)", "-i", "127.0.0.1",
                                                            "-p", String(try FreePort.udp()), "-m", "1", "-d", "6000", "-timeout", "30", "-nostdin"])
        defer { first.stop(SIGKILL) }
        #expect(server.waitFor("step         check-hours", seconds: 10))
        let refused = try SippScenarios.run(SippScenarios.unsupported("audio [media_port] RTP/AVP 0")
            .replacingOccurrences(of: "response=\"488\"", with: "response=\"503\""), named: "full", port: server.port, in: server.folder)
        #expect(refused.status == 0, "\(refused.output)")
        #expect(server.log.contains("1 calls in progress (503, retry after 10 s)"))
        let status = try IvrBinary.run(["line", "status", "--data", server.data])
        #expect(status.stdout.contains(" caller withheld step "), "\(status.stdout)")
        #expect(status.stdout.contains("codec PCMU packets "))
        #expect(first.wait(seconds: 60) == .exited(0))
        #expect(server.stop() == 0)
    }
}

/// sipp's result handed from the thread that ran it.
private final class ResultHolder: @unchecked Sendable {
    var result: (status: Int32, output: String)?
}
