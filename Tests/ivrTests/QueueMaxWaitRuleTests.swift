import Foundation
import Testing

/// A queue's stored `max_wait` reaches callers whose flow's queue step states none, in every
/// driver: `ivr call --keys`, `ivr serve` and `ivr simulate`; a step that states one keeps it
/// (docs/QUEUE.md, "Queue settings and the flow's queue step").
@Suite("queue settings under the flow's queue step", .serialized)
struct QueueMaxWaitRuleTests {
    /// A flow whose queue step states `options` (nothing: the queue's settings decide).
    static func flow(_ options: String = "") -> String {
        """
        name: hold
        start: wait
        steps:
          wait:
            queue: general
            music: default
        \(options.isEmpty ? "" : "    " + options + "\n")    on_timeout: bye
          bye:
            hangup: completed
        """
    }

    static let prompts = LiveCallCommandTests.root.appendingPathComponent("prompts").path

    /// `ivr call FLOW --keys w1` on `data`; the `leave-queue` lines of its transcript.
    static func scriptedLeave(flow: String, data: String, in dir: URL) throws -> [String] {
        try flow.write(to: dir.appendingPathComponent("hold.yaml"), atomically: true, encoding: .utf8)
        let r = try IvrBinary.run(["call", "hold.yaml", "--keys", "w1", "--at", "2026-11-23T10:00", "--prompts", prompts,
                                   "--data", data], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").filter { $0.contains("leave-queue") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    }

    @Test func aScriptedCallLeavesAtTheQueuesMaxWaitUnlessTheFlowStatesOne() throws {
        let dir = try SimulateCommandTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        #expect(try Self.scriptedLeave(flow: Self.flow(), data: data, in: dir) == ["3600.00 leave-queue general abandon"],
                "no store yet: the default queue has no max wait, the caller holds until the scripted call's hour is up")
        let set = try IvrBinary.run(["queue", "set", "general", "--max-wait", "30s", "--data", data])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try Self.scriptedLeave(flow: Self.flow(), data: data, in: dir) == ["30.00 leave-queue general timeout"])
        #expect(try Self.scriptedLeave(flow: Self.flow("max_wait: 2m"), data: data, in: dir) == ["120.00 leave-queue general timeout"],
                "the flow's own max_wait overrides the queue's")
    }

    @Test func aServedCallLeavesAtTheMaxWaitSetWhileServing() throws {
        let server = try ServeFixture(stations: ["st1"], agents: "  alice: {station: st1}", storeAgents: [("alice", "Alice")],
                                      flow: Self.flow())
        #expect(try server.waitFor("agent alice logged-out"))
        let set = try server.ivr(["queue", "set", "general", "--max-wait", "3s"])
        #expect(set.status == 0, "\(set.stderr)")
        usleep(1_500_000)                                    // more than one re-read of the store
        #expect(try server.ivr(["line", "ring", "line1", "+441632960123"]).status == 0)
        // A file-plugin line runs faster than real time: wait for the queue's record of the leave.
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !((try? String(contentsOfFile: server.data + "/queue_log", encoding: .utf8)) ?? "").contains("|general|NONE|EXIT") {
            usleep(50_000)
        }
        #expect(try server.waitFor("line line1 idle"), "the call is over")
        let log = server.stop()
        let leave = log.split(separator: "\n").first { $0.contains("leave-queue") && $0.contains("general timeout") }
        let seconds = leave.flatMap { line in line.split(separator: " ").compactMap { Double($0) }.first }
        #expect(seconds.map { abs($0 - 3) <= 0.05 } == true, "left at the queue's 3 s (one audio period): \(leave ?? "no leave in \(log)")")
        let queueLog = try String(contentsOfFile: server.data + "/queue_log", encoding: .utf8)
        #expect(queueLog.contains("|general|NONE|EXITWITHTIMEOUT|"), "\(queueLog)")
    }

    /// `ivr simulate` with the flow above: one slow agent, so callers wait; wait_max_s and left_queue.
    static func simulate(flow: String, queues: String) throws -> (waitMax: Double, left: Double) {
        let dir = try SimulateCommandTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try flow.write(to: dir.appendingPathComponent("hold.yaml"), atomically: true, encoding: .utf8)
        try """
            name: hold
            duration: 4h
            seed: 5
            flow: hold.yaml
            arrivals: {per_hour: 60}
            handling: {dist: exponential, mean: 5m}
            agents: {count: 1}
            \(queues)
            """.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let r = try IvrBinary.run(["simulate", "s.yaml", "--json", "--no-timing"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (json["wait_max_s"] as? Double ?? -1, json["left_queue"] as? Double ?? -1)
    }

    @Test func aSimulatedCallerLeavesAtTheQueuesMaxWaitUnlessTheFlowStatesOne() throws {
        let free = try Self.simulate(flow: Self.flow(), queues: "")
        #expect(free.waitMax > 600 && free.left == 0, "no max wait anywhere: \(free)")
        let capped = try Self.simulate(flow: Self.flow(), queues: "queues: {general: {max_wait: 30s}}")
        #expect(capped.waitMax <= 30.001 && capped.waitMax > 25 && capped.left > 10, "the queue's 30 s: \(capped)")
        let stated = try Self.simulate(flow: Self.flow("max_wait: 2m"), queues: "queues: {general: {max_wait: 30s}}")
        #expect(stated.waitMax <= 120.001 && stated.waitMax > 100 && stated.left > 10, "the flow's 2 min: \(stated)")
    }
}
