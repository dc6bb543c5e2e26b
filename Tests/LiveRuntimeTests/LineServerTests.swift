import Foundation
import SoundIO
import Testing
@testable import LiveRuntime

/// The control protocol of `ivr serve`: ring, hangup, status, on raw-file ALSA lines.
@Suite(.serialized) struct LineServerTests {
    func server(_ harness: LineHarness, capture: [Int16]) throws -> (LineServer, LogLines) {
        let path = harness.dir.path("capture.raw")
        try RawFile.write(capture, to: path)
        let playbackPath = harness.dir.path("playback.raw")
        let queue = try SharedQueue(queues: ["general"], agents: [])
        let log = LogLines()
        let setup = LineServer.Setup(program: harness.program, sounds: harness.sounds,
                                     lines: [.init(name: "line1", playback: "p", capture: "c")],
                                     records: CallRecords(store: harness.store), queue: queue)
        let server = LineServer(setup: setup, log: { log.add($0) }) { _, configuration in
            let sink = try ALSAPlayback(device: .rawFiles(playback: playbackPath, name: "p"), configuration: configuration)
            let source = try ALSACapture(device: .rawFiles(capture: path, name: "c"), configuration: configuration)
            return (PacedSource(source), sink)
        }
        return (server, log)
    }

    @Test func ringBusyHangUpStatus() throws {
        let harness = try LineHarness()
        let (server, log) = try server(harness, capture: [Int16](repeating: 0, count: 8000 * 600))
        #expect(server.handle("status").contains("line line1 idle"))
        #expect(server.handle("ring line9").hasPrefix("error no line 'line9'"))
        #expect(server.handle("ring line1 bob").hasPrefix("error caller 'bob' is not a number"))
        #expect(server.handle("ring line1 +441632960123").hasPrefix("ok line1 call"))
        #expect(server.handle("ring line1").hasPrefix("error line line1 is busy"))
        #expect(server.handle("status").contains("line line1 call 1 caller +441632960123"))
        #expect(server.handle("key line1 x").hasPrefix("error 'x' are not all keypad keys ('x')"))
        #expect(server.handle("key line1 1").hasPrefix("ok line1 pressed 1"))
        // Refused whole, with the reason, never cut short or called an unknown command.
        let tooMany = String(repeating: "1", count: 2000) + "#"
        #expect(server.handle("key line1 \(tooMany)") == "error 2001 keys in one command; at most \(LineServer.maxKeys): send them in several commands")
        #expect(server.handle("key line1 12 34") == "error keys '12 34' contain spaces: send them as one word (e.g. 1234)")
        #expect(server.handle("key line1").hasPrefix("error key line1: no keys given"))
        #expect(server.handle("key").hasPrefix("error key needs a line and keys"))
        #expect(server.handle("hangup line1").hasPrefix("ok line1 hanging up"))
        server.hangUpAll()
        #expect(server.handle("status").contains("line line1 idle"))
        #expect(server.handle("hangup line1").hasPrefix("error line line1 has no call"))
        #expect(server.handle("ring line1 (020) 7946-0018").hasPrefix("ok line1 call"), "a number written with spaces and dashes")
        #expect(server.handle("status").contains("caller +442079460018 answering") || server.handle("status").contains("caller +442079460018 step"),
                "E.164, as the store keeps it, not the national form the bridge sent")
        server.hangUpAll()
        #expect(server.handle("ring line1 020 79x6").hasPrefix("error caller '02079x6' is not a number"))
        #expect(server.handle("dance").hasPrefix("error unknown command"))
        #expect(log.lines.contains { $0.contains("digit        1 (keyed)") })
        #expect(log.lines.contains { $0.hasPrefix("line1 ended: ") })
    }
}

extension LineServerTests {
    @Test func busyDeviceIsReportedAndTheLineStaysIdle() throws {
        let harness = try LineHarness()
        let setup = LineServer.Setup(program: harness.program, sounds: harness.sounds,
                                     lines: [.init(name: "line1", playback: "plughw:1,0", capture: "plughw:1,0")],
                                     records: CallRecords(store: harness.store), queue: try SharedQueue(queues: ["general"], agents: []))
        let server = LineServer(setup: setup, log: { _ in }) { line, _ in
            throw LiveCallError.device(AudioLineError(kind: .busy, pcm: line.playback, operation: "open for playback",
                                                      alsa: "Device or resource busy", code: -16))
        }
        let reply = server.handle("ring line1 +441632960123")
        #expect(reply.hasPrefix("error ALSA PCM 'plughw:1,0': cannot open for playback: Device or resource busy; another program is using the device"))
        #expect(server.handle("status").contains("line line1 idle"))
    }
}

/// Slows a file-plugin capture to about real time, so a call is still running when the test hangs up.
final class PacedSource: AudioSource, @unchecked Sendable {
    let base: any AudioSource
    init(_ base: any AudioSource) { self.base = base }
    var name: String { base.name }
    var periodFrames: Int { base.periodFrames }
    var clock: SampleClock { base.clock }
    func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        usleep(20_000)
        return try base.read(into: buffer)
    }
    func close() { base.close() }
}
