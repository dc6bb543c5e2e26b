import CallQueue
import Foundation
import Testing
@testable import Storage

/// `queue_log` call ids stay unique across `ivr serve` restarts, and calls a killed server
/// left open are closed with a documented line when the next one starts.
@Suite struct QueueLogSessionTests {
    func lines(_ dir: TestDataDirectory) -> [String] {
        dir.text("queue_log").split(separator: "\n").map(String.init)
    }

    @Test func restartsInTheSameSecondGetDifferentEpochs() throws {
        let dir = TestDataDirectory()
        defer { try? FileManager.default.removeItem(at: dir.directory.url) }
        let store = try dir.open()
        let first = store.startQueueLogSession(now: Date(timeIntervalSince1970: 1_800_000_000.2))
        let second = store.startQueueLogSession(now: Date(timeIntervalSince1970: 1_800_000_000.7))
        let third = store.startQueueLogSession(now: Date(timeIntervalSince1970: 1_799_999_000))   // clock set back
        #expect(first.callPrefix == "1800000000.")
        #expect(second.callPrefix == "1800000001.")
        #expect(third.callPrefix == "1800000002.")
        #expect(lines(dir) == ["1800000000|NONE|NONE|NONE|QUEUESTART|1800000000",
                               "1800000000|NONE|NONE|NONE|QUEUESTART|1800000001",
                               "1799999000|NONE|NONE|NONE|QUEUESTART|1800000002"])
    }

    @Test func callsLeftOpenByAKilledServerAreClosedOnce() throws {
        let dir = TestDataDirectory()
        defer { try? FileManager.default.removeItem(at: dir.directory.url) }
        let store = try dir.open()
        _ = store.startQueueLogSession(now: Date(timeIntervalSince1970: 1_800_000_000))
        let killed = """
        1800000010|1800000000.1|orders|NONE|ENTERQUEUE||+441632960123|1
        1800000011|1800000000.2|orders|NONE|ENTERQUEUE||+441632960124|2
        1800000012|1800000000.3|general|NONE|ENTERQUEUE||+441632960125|1
        1800000015|1800000000.1|orders|alice|CONNECT|5|1800000000.1|2
        1800000020|1800000000.3|general|NONE|ABANDON|1|1|8
        1800000021|callback-4|orders|NONE|CALLBACKREQUEST|ivr|0|1800000021
        1800000022|NONE|NONE|bob|AGENTLOGIN|Agent/bob

        """
        let handle = try FileHandle(forWritingTo: dir.directory.queueLogURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(killed.utf8))
        try handle.close()
        let next = store.startQueueLogSession(now: Date(timeIntervalSince1970: 1_800_000_100))
        #expect(next.closedCalls == ["1800000000.1", "1800000000.2"])
        #expect(next.callPrefix == "1800000100.")
        #expect(Array(lines(dir).suffix(3)) == [
            "1800000100|1800000000.1|orders|alice|LOSTONRESTART|connected|1800000015",
            "1800000100|1800000000.2|orders|NONE|LOSTONRESTART|waiting|1800000011",
            "1800000100|NONE|NONE|NONE|QUEUESTART|1800000100",
        ])
        let json = dir.text("queue_log.jsonl")
        #expect(json.contains("{\"time\":0,\"epoch\":1800000100,\"event\":\"LOSTONRESTART\",\"call\":\"1800000000.1\",\"queue\":\"orders\",\"agent\":\"alice\",\"state\":\"connected\",\"last_seen\":1800000015}"))
        // The next start finds nothing open: those calls are closed.
        #expect(store.startQueueLogSession(now: Date(timeIntervalSince1970: 1_800_000_200)).closedCalls.isEmpty)
    }

    @Test func theFormattersPutTheSessionBeforeEveryCallID() throws {
        let dir = TestDataDirectory()
        defer { try? FileManager.default.removeItem(at: dir.directory.url) }
        let store = try dir.open()
        var manager = try QueueManager(queues: [QueueConfig(name: "orders")])
        let queue = try manager.queue(named: "orders")
        _ = try manager.join(call: CallID(1), queue: queue, topic: .none, at: 0)
        store.appendQueueLog(manager.events, names: EventNames(manager), epochOffset: 1_800_000_000, callPrefix: "1800000000.")
        #expect(lines(dir).contains("1800000000|1800000000.1|orders|NONE|ENTERQUEUE|||1"), "\(lines(dir))")
        #expect(dir.text("queue_log.jsonl").contains("\"call\":\"1800000000.1\""))
    }

    @Test func reservedAgentIDsAreRefused() throws {
        let dir = TestDataDirectory()
        defer { try? FileManager.default.removeItem(at: dir.directory.url) }
        let store = try dir.open()
        for id in ["NONE", "none", "None"] {
            #expect(throws: StoreError.invalidAgentID(id)) { try store.addAgent(id: id, name: "X", skills: [], now: TestTime.tuesday10) }
        }
        #expect(StoreError.invalidAgentID("none").description
            == "'none' cannot be an agent id: queue_log writes NONE for \"no agent\" (reserved: NONE); pick another id")
        try store.addAgent(id: "nonexistent", name: "X", skills: [], now: TestTime.tuesday10)
    }
}
