import CallQueue
import Foundation
import SoundIO
import Storage
import Testing
@testable import LiveRuntime

/// `ivr agent login|logout|break|ready` change the store; the running server follows it.
@Suite(.serialized) struct SharedQueueAgentSyncTests {
    static func agent(_ id: String, station: TemporaryDirectory? = nil, loggedIn: Bool) throws -> SharedQueue.Agent {
        var agent: SharedQueue.Agent
        if let dir = station {
            try RawFile.write([Int16](repeating: 0, count: 8000), to: dir.path("\(id)-capture.raw"))
            agent = SharedQueue.Agent(id: id, skills: [Skill(queue: "general")],
                                      playback: .rawFiles(playback: dir.path("\(id)-playback.raw"), name: "\(id)play"),
                                      capture: .rawFiles(capture: dir.path("\(id)-capture.raw"), name: "\(id)cap"))
        } else {
            agent = SharedQueue.Agent(id: id, skills: [Skill(queue: "general")], station: nil)
        }
        agent.loggedIn = loggedIn
        return agent
    }

    static func state(of id: String, in queue: SharedQueue) -> String? {
        queue.statusLines().first { $0.hasPrefix("agent \(id) ") }?.split(separator: " ").dropFirst(2).first.map(String.init)
    }

    @Test func storeStatesBecomeManagerInputs() throws {
        let dir = TemporaryDirectory()
        let store = try Store(directory: DataDirectory(url: dir.url.appendingPathComponent("data")))
        let queue = try SharedQueue(queues: ["general"], agents: [try Self.agent("bob", loggedIn: false)], store: store)
        #expect(Self.state(of: "bob", in: queue) == "logged-out")
        #expect(queue.statusLines().contains("agent bob logged-out (callbacks only)"))
        queue.syncAgents(["bob": .available])
        #expect(Self.state(of: "bob", in: queue) == "available")
        _ = queue.join(call: 3, queue: "general", topic: nil, caller: nil, control: LineControl())
        queue.settle()
        #expect(Self.state(of: "bob", in: queue) == "available", "no station: callbacks only, never a live caller")
        #expect(queue.statusLines().contains("queue general waiting 1"))
        queue.callEnded(call: 3)
        queue.settle()
        queue.syncAgents(["bob": .onBreak])
        #expect(Self.state(of: "bob", in: queue) == "on-break")
        queue.syncAgents(["bob": .available])
        #expect(Self.state(of: "bob", in: queue) == "available")
        queue.syncAgents(["bob": .loggedOut])
        #expect(Self.state(of: "bob", in: queue) == "logged-out")
        queue.syncAgents(["bob": .onBreak])                        // `ivr agent break` while logged out
        #expect(Self.state(of: "bob", in: queue) == "on-break")
        queue.syncAgents(["someone-else": .available])             // agents the server does not know: ignored
        #expect(Self.state(of: "bob", in: queue) == "on-break")
        // The store logs agent changes itself; the server writes none of its own.
        let log = (try? String(contentsOf: store.directory.queueLogURL, encoding: .utf8)) ?? ""
        #expect(!log.contains("AGENTLOGIN") && !log.contains("PAUSE"))
    }

    @Test func aLoginReachesAWaitingCallerAndALogoutWaitsForTheCallToEnd() throws {
        let dir = TemporaryDirectory()
        let queue = try SharedQueue(queues: ["general"], agents: [try Self.agent("alice", station: dir, loggedIn: false)])
        let control = LineControl()
        let answer = queue.join(call: 7, queue: "general", topic: nil, caller: nil, control: control)
        queue.settle()
        guard case .joined(let position, _) = answer else {
            Issue.record("the caller should be queued")
            return
        }
        #expect(position == 1)
        #expect(queue.statusLines().contains("queue general waiting 1"))
        #expect(queue.statusLines().contains("caller 7 queue general position 1 waited 0 s from withheld"))
        queue.syncAgents(["alice": .available])                    // `ivr agent login alice`
        #expect(queue.statusLines().contains("agent alice on-call call 7"))
        #expect(queue.statusLines().contains("queue general waiting 0"))
        queue.syncAgents(["alice": .loggedOut])                    // `ivr agent logout alice` mid-call
        #expect(Self.state(of: "alice", in: queue) == "on-call")
        let link = try #require(queue.lock.withLock { queue.talking.values.first })
        link.end(by: .agent)
        #expect(Self.state(of: "alice", in: queue) == "logged-out")
    }

    @Test func aLogoutAndLoginDuringOneCallLeaveTheAgentLoggedIn() throws {
        let dir = TemporaryDirectory()
        let queue = try SharedQueue(queues: ["general"], agents: [try Self.agent("alice", station: dir, loggedIn: true)])
        _ = queue.join(call: 5, queue: "general", topic: nil, caller: nil, control: LineControl())
        queue.settle()
        #expect(Self.state(of: "alice", in: queue) == "on-call")
        queue.syncAgents(["alice": .loggedOut])
        queue.syncAgents(["alice": .available])
        let link = try #require(queue.lock.withLock { queue.talking.values.first })
        link.end(by: .caller)
        #expect(Self.state(of: "alice", in: queue) == "logged-out", "the manager's logout was still pending")
        queue.syncAgents(["alice": .available])                    // the next re-read of the store
        #expect(Self.state(of: "alice", in: queue) == "available")
    }
}
