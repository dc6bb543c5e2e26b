import CallQueue
import Foundation
import SoundIO
import Storage
import Testing
@testable import LiveRuntime

/// Offers ring a station until answered or the queue's ring timeout (then the next agent).
@Suite(.serialized) struct SharedQueueRingingTests {
    static func ringing(_ ids: [String], timeout: Double, dir: TemporaryDirectory, store: Store? = nil) throws -> SharedQueue {
        var agents: [SharedQueue.Agent] = []
        for id in ids {
            var agent = try SharedQueueAgentSyncTests.agent(id, station: dir, loggedIn: true)
            agent.autoAnswer = false
            agents.append(agent)
        }
        return try SharedQueue(queues: ["general"], agents: agents, store: store, ringTimeouts: ["general": timeout])
    }

    static func state(_ id: String, _ queue: SharedQueue) -> String? { SharedQueueAgentSyncTests.state(of: id, in: queue) }

    /// Waits past the ring timeout, then runs what the server's tick runs.
    static func letRingOut(_ queue: SharedQueue, seconds: Double) {
        usleep(UInt32(seconds * 1_000_000))
        queue.expireRinging()
        queue.dispatch()
    }

    @Test func anUnansweredOfferGoesToTheNextAgent() throws {
        let dir = TemporaryDirectory()
        let store = try Store(directory: DataDirectory(url: dir.url.appendingPathComponent("data")))
        let queue = try Self.ringing(["carol", "dave"], timeout: 0.2, dir: dir, store: store)
        _ = queue.join(call: 1, queue: "general", topic: nil, caller: "+441632960123", control: LineControl())
        queue.settle()
        let first = try #require(["carol", "dave"].first { Self.state($0, queue) == "ringing" })
        let second = first == "carol" ? "dave" : "carol"
        #expect(Self.state(second, queue) == "available")
        #expect(queue.statusLines().contains("agent \(first) ringing call 1"))
        #expect(queue.statusLines().contains("caller 1 queue general ringing waited 0 s from +441632960123"))
        queue.expireRinging()                                      // not yet: still ringing
        #expect(Self.state(first, queue) == "ringing")

        Self.letRingOut(queue, seconds: 0.3)
        #expect(Self.state(first, queue) == "available")
        #expect(Self.state(second, queue) == "ringing")
        #expect(queue.answerAgent(first) == "error agent \(first) is not ringing")
        #expect(queue.answerAgent(second) == "ok agent \(second) answered call 1")
        #expect(Self.state(second, queue) == "on-call")
        #expect(queue.statusLines().contains("queue general waiting 0"))
        let log = try String(contentsOf: store.directory.queueLogURL, encoding: .utf8)
        let missed = try #require(log.split(separator: "\n").first { $0.contains("|RINGNOANSWER|") })
        #expect(missed.contains("|1|general|\(first)|RINGNOANSWER|"))
        let ringMilliseconds = try #require(Int(missed.split(separator: "|").last ?? ""))
        #expect(ringMilliseconds >= 200 && ringMilliseconds < 2000)
        #expect(log.contains("|1|general|\(second)|CONNECT|"))
    }

    @Test func maxNoAnswerPutsTheAgentOnBreakInTheStoreToo() throws {
        let dir = TemporaryDirectory()
        let store = try Store(directory: DataDirectory(url: dir.url.appendingPathComponent("data")))
        try store.addAgent(id: "carol", name: "Carol", skills: try AgentSkill.parse("general:1", agentID: "carol"), now: Date())
        try store.setAgentState("carol", to: .available, now: Date())
        let queue = try Self.ringing(["carol"], timeout: 0.05, dir: dir, store: store)
        _ = queue.join(call: 4, queue: "general", topic: nil, caller: nil, control: LineControl())
        queue.settle()
        for _ in 0..<2 {
            #expect(Self.state("carol", queue) == "ringing")
            Self.letRingOut(queue, seconds: 0.1)
        }
        #expect(Self.state("carol", queue) == "ringing", "after two misses she is offered the caller again")
        Self.letRingOut(queue, seconds: 0.1)
        #expect(Self.state("carol", queue) == "on-break", "the third miss in a row: max-no-answer")
        let deadline = Date().addingTimeInterval(5)
        while try store.agent("carol").state != .onBreak && Date() < deadline { usleep(10_000) }
        #expect(try store.agent("carol").state == .onBreak)
        queue.syncAgents(["carol": .onBreak])                      // what the store says now: no change
        #expect(Self.state("carol", queue) == "on-break")
        queue.syncAgents(["carol": .available])                    // `ivr agent ready carol`
        #expect(Self.state("carol", queue) == "ringing")
    }

    @Test func aCallerWhoHangsUpWhileRingingWithdrawsTheOffer() throws {
        let dir = TemporaryDirectory()
        let queue = try Self.ringing(["carol"], timeout: 15, dir: dir)
        _ = queue.join(call: 9, queue: "general", topic: nil, caller: nil, control: LineControl())
        queue.settle()
        #expect(Self.state("carol", queue) == "ringing")
        queue.callEnded(call: 9)
        queue.settle()
        #expect(Self.state("carol", queue) == "available")
        #expect(queue.answerAgent("carol") == "error agent carol is not ringing")
        #expect(queue.answerAgent("zed") == "error no agent 'zed' with a station")
    }

    @Test func autoAnswerConnectsAtOnce() throws {
        let dir = TemporaryDirectory()
        let agent = try SharedQueueAgentSyncTests.agent("alice", station: dir, loggedIn: true)
        let queue = try SharedQueue(queues: ["general"], agents: [agent])
        _ = queue.join(call: 2, queue: "general", topic: nil, caller: nil, control: LineControl())
        queue.settle()
        #expect(Self.state("alice", queue) == "on-call")
    }
}
