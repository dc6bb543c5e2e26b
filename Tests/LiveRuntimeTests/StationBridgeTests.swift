import CallQueue
import Foundation
import SoundIO
import Testing
@testable import LiveRuntime

/// A caller who asks for someone is bridged with an agent's station both ways, then wrap-up
/// (the queue's 1 s), after which the agent is available again.
@Suite(.serialized) struct StationBridgeTests {
    @Test func callerAndAgentHearEachOther() throws {
        let harness = try LineHarness()
        let callerSpeech = try Speech.say("Hello, I would like to change my delivery address.", in: harness.dir)
        let agentSpeech = try Speech.say("Good morning, Willow and Wren, Alice speaking.", in: harness.dir)
        var caller = CaptureScript()
        caller.silence(until: 0.8)
        caller.key("0")                                   // speak to someone: the general queue
        caller.silence(until: 3.0)
        caller.say(callerSpeech)
        caller.silence(until: caller.seconds + 30)
        var agent = CaptureScript()
        agent.silence(until: 0.5)
        agent.say(agentSpeech)
        agent.silence(until: agent.seconds + 30)
        let stationIn = harness.dir.path("station-capture.raw")
        let stationOut = harness.dir.path("station-playback.raw")
        try RawFile.write(agent.samples, to: stationIn)
        let station = SharedQueue.Agent(id: "alice", skills: [Skill(queue: "general")],
                                        playback: .rawFiles(playback: stationOut, name: "stplay"),
                                        capture: .rawFiles(capture: stationIn, name: "stcap"))
        let logged = LogLines()
        let queue = try SharedQueue(queues: ["general", "orders"], agents: [station], store: harness.store,
                                    configs: [QueueConfig(name: "general", wrapUp: 1)], log: { logged.add($0) })
        queue.startTicking()                    // as `ivr serve` does: ends ring timeouts, rests and wrap-ups
        let control = LineControl()
        let hangUpAt = Int(caller.seconds - 25) * 8000
        // The file plugin runs the line far faster than real time while the offer crosses the
        // queue's executor, so the caller's words wait until the agent is on the line.
        // "Connected" is logged once the line is bridged (the manager shows on-call a moment before).
        let connected = { logged.lines.contains { $0.hasPrefix("agent alice connected to call") } }
        let (result, playback) = try harness.run(capture: caller.samples, control: control, queues: queue) {
            ScriptedSource(LiveCallVoicemailTests.ProbeSource($0, after: Int(2.5 * 8000)) {
                let deadline = Date().addingTimeInterval(10)
                while !connected() && Date() < deadline { usleep(2_000) }
            }, after: hangUpAt, .hangUp(control))
        }
        #expect(result.transcript.events("agent-connected").count == 1)
        #expect(Locate.find(agentSpeech, in: playback) != nil, "the caller hears the agent")
        let heardByAgent = try RawFile.read(stationOut)
        #expect(Locate.find(callerSpeech, in: heardByAgent) != nil, "the agent hears the caller")
        #expect(logged.lines.contains { $0.contains("agent alice finished (caller hung up)") })
        #expect(queue.statusLines().contains { $0.hasPrefix("agent alice ") && !$0.hasSuffix("on-call") })
        // Wrap-up ends by itself (the queue's tick), with no `ivr agent ready`.
        let available = { queue.statusLines().contains { $0.hasPrefix("agent alice available") } }
        let deadline = Date().addingTimeInterval(10)
        while !available() && Date() < deadline { usleep(50_000) }
        #expect(available(), "after the 1 s wrap-up alice is available: \(queue.statusLines())")
        let record = try #require(try harness.store.callRecords().first)
        #expect(record.agentID == "alice")
        #expect(record.queue == "general")
        #expect((record.talkSeconds ?? 0) > 3)
        queue.settle()                          // the queue log is written on the queue's executor
        let queueLog = try String(contentsOf: harness.store.directory.queueLogURL, encoding: .utf8)
        #expect(queueLog.contains("|general|NONE|ENTERQUEUE||+441632960123|1\n"), "ENTERQUEUE carries the caller id and position")
        #expect(queueLog.contains("|general|alice|CONNECT|"))
        #expect(queueLog.contains("|general|alice|COMPLETECALLER|"))
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String] = []
    func add(_ line: String) { lock.withLock { kept.append(line) } }
    var lines: [String] { lock.withLock { kept } }
}
