import Foundation
import GRDB
import Testing
@testable import Storage

@Suite struct StoreTests {
    @Test func freshStoreHasTheDefaultQueuesAndHours() throws {
        let store = try TestDataDirectory().open()
        let queues = try store.queues()
        #expect(queues.map(\.name) == ["general", "orders", "payments", "returns"])
        #expect(queues.first { $0.name == "payments" }?.hours == StoreDefaults.officeHours)
        #expect(queues.allSatisfy { $0.timeZone == "Europe/London" && $0.callbackMaxAttempts == 3 })
    }

    @Test func databaseIsInWALMode() throws {
        let store = try TestDataDirectory().open()
        let mode = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    /// A second connection (another process, in effect) holds the write lock for 0.4 s: a write
    /// here waits for it (the busy handler) instead of failing with "database is locked".
    @Test func aWriterWaitsForAnotherConnectionsLock() throws {
        let dir = TestDataDirectory()
        let store = try dir.open()
        let other = try dir.open()
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread {
            try? other.pool.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                usleep(400_000)
                try db.execute(sql: "COMMIT")
            }
            released.signal()
        }.start()
        locked.wait()
        let started = Date()
        try store.addAgent(id: "alice", name: "Alice", skills: [], now: TestTime.tuesday10)
        #expect(Date().timeIntervalSince(started) > 0.2, "the write waited for the lock")
        #expect(try store.agent("alice").name == "Alice")
        released.wait()
    }

    @Test func reopeningKeepsEverythingAndDoesNotDuplicateDefaults() throws {
        let dir = TestDataDirectory()
        do {
            let store = try dir.open()
            try store.addAgent(id: "alice", name: "Alice", skills: [], now: TestTime.tuesday10)
            try store.updateQueue("orders", hours: "always")
        }
        let again = try dir.open()
        #expect(try again.queues().count == 4)
        #expect(try again.agents().map(\.id) == ["alice"])
        #expect(try again.queues().first { $0.name == "orders" }?.hours == "always")
    }

    @Test func aVersionOneDatabaseIsMigratedWithItsData() throws {
        let dir = TestDataDirectory()
        try dir.directory.create()
        do {
            let pool = try DatabasePool(path: dir.directory.databaseURL.path)
            try StoreSchema.migrator.migrate(pool, upTo: "v1")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO agents (id, name, state, state_since, created_at)
                    VALUES ('alice', 'Alice', 'available', '2026-11-24 10:00:00.000', '2026-11-24 10:00:00.000')
                    """)
            }
        }
        let store = try dir.open()
        let alice = try store.agent("alice")
        #expect(alice.state == .available)
        #expect(try store.queues().allSatisfy { $0.callbackInitialDelay == 0 })
        #expect(try store.queues().first { $0.name == "orders" }?.hours == StoreDefaults.lineHours)
        try store.setAgentState("alice", to: .loggedOut, now: TestTime.tuesday10)
        #expect(dir.text("queue_log") == "1795514400|NONE|NONE|alice|AGENTLOGOFF|Agent/alice|0\n")
    }

    @Test func aStoreFileThatIsNotOursIsAClearErrorAndIsLeftAlone() throws {
        let dir = TestDataDirectory()
        try FileManager.default.createDirectory(at: dir.directory.url, withIntermediateDirectories: true)
        let text = Data(String(repeating: "not a database, just someone's notes\n", count: 200).utf8)
        try text.write(to: dir.directory.databaseURL)
        #expect(throws: StoreError.notAStore(dir.directory.databaseURL.path)) { try dir.open() }
        #expect(try Data(contentsOf: dir.directory.databaseURL) == text)
    }

    @Test func aFileInPlaceOfTheDataDirectoryIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-not-a-dir-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: StoreError.dataDirectory(file.path, "\(file.path) is not a directory")) {
            try Store(directory: DataDirectory(url: file))
        }
    }

    @Test func dataDirectoryResolutionOrder() {
        let env = ["IVR_DATA": "/srv/ivr"]
        #expect(DataDirectory.resolve(explicit: "/tmp/x", environment: env, currentDirectory: "/home").url.path == "/tmp/x")
        #expect(DataDirectory.resolve(explicit: nil, environment: env, currentDirectory: "/home").url.path == "/srv/ivr")
        #expect(DataDirectory.resolve(explicit: nil, environment: [:], currentDirectory: "/home").url.path == "/home/data")
        #expect(DataDirectory.resolve(explicit: "rel", environment: [:], currentDirectory: "/home").url.path == "/home/rel")
    }

    @Test func badQueueSettingsChangeNothing() throws {
        let store = try TestDataDirectory().open()
        #expect(throws: StoreError.self) { try store.updateQueue("orders", hours: "mon-fri 9-5") }
        #expect(throws: StoreError.self) { try store.updateQueue("shoes", hours: "always") }
        #expect(try store.queues().first { $0.name == "orders" }?.hours == StoreDefaults.lineHours)
    }

    @Test func callRecordsAndWaitingCallersRoundTrip() throws {
        let store = try TestDataDirectory().open()
        let record = CallRecord(id: "call-1", caller: "+442079460018", flow: "main", line: "line1",
                                startedAt: TestTime.tuesday10, endedAt: TestTime.at(95), queue: "orders", agentID: nil,
                                waitSeconds: 30, talkSeconds: 60, outcome: "completed")
        try store.saveCallRecord(record)
        #expect(try store.callRecords() == [record])
        try store.callerJoined(WaitingCaller(callID: "call-2", queue: "orders", caller: nil, joinedAt: TestTime.tuesday10))
        var status = try store.queueStatus(now: TestTime.at(42)).first { $0.queue == "orders" }
        #expect(status?.callersWaiting == 1)
        #expect(status?.oldestWait == 42)
        try store.callerLeft(callID: "call-2")
        status = try store.queueStatus(now: TestTime.at(42)).first { $0.queue == "orders" }
        #expect(status?.callersWaiting == 0)
        #expect(throws: StoreError.self) {
            try store.callerJoined(WaitingCaller(callID: "call-3", queue: "shoes", caller: nil, joinedAt: TestTime.tuesday10))
        }
    }

    @Test func clearingWaitingCallersForgetsThemAll() throws {
        let store = try TestDataDirectory().open()
        for (i, queue) in ["orders", "orders", "returns"].enumerated() {
            try store.callerJoined(WaitingCaller(callID: "live-\(i)", queue: queue, caller: nil, joinedAt: TestTime.tuesday10))
        }
        #expect(try store.clearWaitingCallers() == 3)
        #expect(try store.queueStatus(now: TestTime.at(10)).allSatisfy { $0.callersWaiting == 0 })
        #expect(try store.clearWaitingCallers() == 0)
    }
}
