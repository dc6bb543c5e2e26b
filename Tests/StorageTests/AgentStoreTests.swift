import CallQueue
import Foundation
import Testing
@testable import Storage

@Suite struct AgentStoreTests {
    @Test func addAndListRoundTrip() throws {
        let store = try TestDataDirectory().open()
        let skills = try AgentSkill.parse("orders:1, payments:2", agentID: "alice")
        try store.addAgent(id: "alice", name: "Alice Smith", skills: skills, now: TestTime.tuesday10)
        try store.addAgent(id: "bob", name: "Bob", skills: [], now: TestTime.tuesday10)
        let agents = try store.agents()
        #expect(agents.map(\.id) == ["alice", "bob"])
        #expect(agents[0].skills == ["orders": 1, "payments": 2])
        #expect(agents[0].state == .loggedOut)
        #expect(agents[1].skills.isEmpty)
    }

    @Test func skillsParsing() throws {
        #expect(try AgentSkill.parse("orders", agentID: "a").map(\.level) == [1])
        for bad in ["", "orders:0", "orders:x", "orders:1:2", "orders,orders", ":1"] {
            #expect(throws: StoreError.self, "\(bad)") { try AgentSkill.parse(bad, agentID: "a") }
        }
    }

    @Test func badInputChangesNothing() throws {
        let dir = TestDataDirectory()
        let store = try dir.open()
        try store.addAgent(id: "alice", name: "Alice", skills: [], now: TestTime.tuesday10)
        #expect(throws: StoreError.duplicateAgent("alice")) {
            try store.addAgent(id: "alice", name: "Other", skills: [], now: TestTime.tuesday10)
        }
        #expect(throws: StoreError.self) {
            try store.addAgent(id: "bob", name: "Bob",
                               skills: [AgentSkill(agentID: "bob", queue: "orders", level: 1),
                                        AgentSkill(agentID: "bob", queue: "shoes", level: 2)], now: TestTime.tuesday10)
        }
        #expect(throws: StoreError.invalidAgentID("bad id")) {
            try store.addAgent(id: "bad id", name: "X", skills: [], now: TestTime.tuesday10)
        }
        #expect(throws: StoreError.unknownAgent("zed")) { try store.setAgentState("zed", to: .available, now: TestTime.tuesday10) }
        #expect(try store.agents().map(\.name) == ["Alice"])
        #expect(dir.text("queue_log").isEmpty)
    }

    @Test func stateChangesWriteQueueLogLines() throws {
        let dir = TestDataDirectory()
        let store = try dir.open()
        try store.addAgent(id: "alice", name: "Alice", skills: try AgentSkill.parse("payments:2,orders:1", agentID: "alice"),
                           now: TestTime.tuesday10)
        try store.setAgentState("alice", to: .available, now: TestTime.at(1))
        try store.setAgentState("alice", to: .available, now: TestTime.at(2))
        try store.setAgentState("alice", to: .onBreak, now: TestTime.at(3))
        try store.setAgentState("alice", to: .available, now: TestTime.at(4))
        try store.setAgentState("alice", to: .loggedOut, now: TestTime.at(5))
        let epoch = 1_795_514_400
        #expect(dir.text("queue_log") == """
            \(epoch + 1)|NONE|NONE|alice|AGENTLOGIN|Agent/alice
            \(epoch + 3)|NONE|orders|alice|PAUSE|break
            \(epoch + 3)|NONE|payments|alice|PAUSE|break
            \(epoch + 4)|NONE|orders|alice|UNPAUSE|
            \(epoch + 4)|NONE|payments|alice|UNPAUSE|
            \(epoch + 5)|NONE|NONE|alice|AGENTLOGOFF|Agent/alice|4

            """)
        let json = dir.text("queue_log.jsonl").split(separator: "\n")
        #expect(json.count == 4)
        #expect(json.first == #"{"time":1795514401,"epoch":1795514401,"event":"AGENTLOGIN","agent":"alice"}"#)
    }

    @Test func callbackEventsAreLogged() throws {
        let dir = TestDataDirectory()
        let store = try CallbackStoreTests.storeWithAgent(dir)
        let number = try PhoneNumber(parsing: "020 7946 0018")
        _ = try store.requestCallback(CallbackRequest(number: number, queue: "orders"), now: TestTime.at(10))
        _ = try store.requestCallback(CallbackRequest(number: number, queue: "orders"), now: TestTime.at(11))
        _ = try store.reserveNextCallback(agent: "alice", now: TestTime.at(20))
        _ = try store.reserveNextCallback(agent: "alice", now: TestTime.at(20 + StoreDefaults.reservationTimeout))
        _ = try store.finishCallback(1, outcome: .noAnswer, now: TestTime.at(700))
        let epoch = 1_795_514_400
        let lines = dir.text("queue_log").split(separator: "\n").filter { $0.contains("CALLBACK") }
        #expect(lines == [
            "\(epoch + 10)|callback-1|orders|NONE|CALLBACKREQUEST|manual|0|\(epoch + 10)",
            "\(epoch + 11)|callback-1|orders|NONE|CALLBACKREQUEST|manual|1|\(epoch + 10)",
            "\(epoch + 20)|callback-1|orders|alice|CALLBACKRESERVE",
            "\(epoch + 620)|callback-1|orders|alice|CALLBACKEXPIRE",
            "\(epoch + 620)|callback-1|orders|alice|CALLBACKRESERVE",
            "\(epoch + 700)|callback-1|orders|alice|CALLBACKOUTCOME|no-answer|1|\(epoch + 1300)",
        ])
    }

    @Test func loggingOutGivesAHeldCallbackBack() throws {
        let store = try TestDataDirectory().open()
        try store.addAgent(id: "alice", name: "Alice", skills: [], now: TestTime.tuesday10)
        try store.setAgentState("alice", to: .available, now: TestTime.tuesday10)
        _ = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: "020 7946 0018")), now: TestTime.tuesday10)
        let reservation = try #require(try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10))
        #expect(try store.agent("alice").reservedCallback == reservation.callback.id)
        try store.setAgentState("alice", to: .loggedOut, now: TestTime.at(10))
        let callback = try store.callback(reservation.callback.id!)
        #expect(callback.status == .pending)
        #expect(callback.reservedBy == nil)
    }

    /// `ready` while holding a callback is refused (the callback must be finished or given
    /// back); once the reservation lapses, the list shows the agent free and the callback pending.
    @Test func readyWhileHoldingACallbackIsRefusedAndALapseFreesTheAgent() throws {
        let store = try TestDataDirectory().open()
        try store.addAgent(id: "bob", name: "Bob", skills: [], now: TestTime.tuesday10)
        try store.setAgentState("bob", to: .available, now: TestTime.tuesday10)
        _ = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: "020 7946 0018")), now: TestTime.tuesday10)
        let reservation = try #require(try store.reserveNextCallback(agent: "bob", now: TestTime.at(1)))
        let id = try #require(reservation.callback.id)
        #expect(try store.agent("bob").state == .onCall)
        #expect(throws: StoreError.agentHoldsCallback("bob", id)) {
            try store.setAgentState("bob", to: .available, now: TestTime.at(60))
        }
        #expect(try store.agent("bob").reservedCallback == id, "nothing changed")
        let later = TestTime.at(2 + StoreDefaults.reservationTimeout)
        let listed = try #require(try store.agents(now: later).first { $0.id == "bob" })
        #expect(listed.state == .available)
        #expect(listed.reservedCallback == nil)
        #expect(try store.callback(id).status == .pending)
    }

    @Test func skillsAndNameCanBeChangedAndALoggedOutAgentRemoved() throws {
        let store = try TestDataDirectory().open()
        try store.addAgent(id: "alice", name: "Alice", skills: [AgentSkill(agentID: "alice", queue: "orders", level: 1)], now: TestTime.tuesday10)
        let changed = try store.updateAgent(id: "alice", name: "Alice Smith",
                                            skills: [AgentSkill(agentID: "alice", queue: "payments", level: 1),
                                                     AgentSkill(agentID: "alice", queue: "returns", level: 2)])
        #expect(changed.name == "Alice Smith")
        #expect(changed.skills == ["payments": 1, "returns": 2])
        #expect(throws: StoreError.self) {
            try store.updateAgent(id: "alice", name: nil, skills: [AgentSkill(agentID: "alice", queue: "shoes", level: 1)])
        }
        #expect(try store.agent("alice").skills == ["payments": 1, "returns": 2], "a refused change changes nothing")
        #expect(try store.updateAgent(id: "alice", name: nil, skills: []).skills.isEmpty, "empty: every queue")
        try store.setAgentState("alice", to: .available, now: TestTime.at(1))
        #expect(throws: StoreError.agentStillWorking("alice", "available")) { try store.removeAgent(id: "alice") }
        try store.setAgentState("alice", to: .loggedOut, now: TestTime.at(2))
        try store.removeAgent(id: "alice")
        #expect(try store.agents().isEmpty)
        #expect(throws: StoreError.unknownAgent("alice")) { try store.removeAgent(id: "alice") }
    }

    @Test func agentIDsStartWithALetterOrDigit() throws {
        let store = try TestDataDirectory().open()
        for bad in [".", "..", "-x", "_a", ""] {
            #expect(throws: StoreError.invalidAgentID(bad)) { try store.addAgent(id: bad, name: "X", skills: [], now: TestTime.tuesday10) }
        }
        try store.addAgent(id: "a.b-c_d", name: "X", skills: [], now: TestTime.tuesday10)
    }
}
