import ChildProcesses
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Many `ivr` processes at once on one data directory; `kill -9` in the middle of a reservation.
@Suite(.serialized) struct StoreConcurrencyTests {
    typealias Support = StoreCommandTests

    /// How many callbacks the agent processes drain: 80 by default (each costs two process
    /// launches, about 75 ms each on a loaded 2-core machine); `IVR_STRESS_CALLBACKS=500` for the full run.
    static let callbackCount = ProcessInfo.processInfo.environment["IVR_STRESS_CALLBACKS"].flatMap { Int($0) } ?? 80

    /// Eight agent processes drain the callbacks: each is served exactly once, none is lost.
    @Test func eightAgentProcessesDrainTheCallbacks() throws {
        let data = Support.dataDirectory()
        let count = Self.callbackCount
        let numbers = (0..<count).map { String(format: "020 7946 %04d", $0) }
        let seeded = try IvrBinary.run(["callback", "request"] + numbers + ["--data", data.path, "--at", Support.at])
        #expect(seeded.status == 0)
        for agent in 0..<8 {
            _ = try Support.ivr(data, "agent", "add", "a\(agent)", "--name", "Agent \(agent)")
            _ = try Support.ivr(data, "agent", "login", "a\(agent)")
        }
        let log = ServedIDs()
        let threads = (0..<8).map { agent in
            Thread {
                do {
                    while true {
                        let next = try Support.ivr(data, "callback", "next", "--agent", "a\(agent)", "--json")
                        if next.status == 3 { break }
                        guard next.status == 0, let object = try Support.json(next.stdout) as? [String: Any],
                              let id = object["id"] as? Int else { throw ProcessFailure(result: next) }
                        log.add(id, agent: agent)
                        let done = try Support.ivr(data, "callback", "done", String(id), "--outcome", "reached",
                                                   "--agent", "a\(agent)")
                        guard done.status == 0 else { throw ProcessFailure(result: done) }
                    }
                } catch {
                    log.fail(error)
                }
                log.finished()
            }
        }
        threads.forEach { $0.start() }
        log.waitForAll(8)
        #expect(log.errors.isEmpty, "\(log.errors.prefix(3))")
        #expect(log.ids.count == count)
        #expect(Set(log.ids) == Set(1...count))
        #expect(log.agentsThatServed.count > 1)
        let list = try Support.ivr(data, "callback", "list", "--all", "--json")
        let callbacks = try #require(try Support.json(list.stdout) as? [[String: Any]])
        #expect(callbacks.count == count)
        #expect(callbacks.allSatisfy { $0["status"] as? String == "closed" && $0["attempts"] as? Int == 1 })
    }

    /// Eight processes starting on a fresh data directory at once: one creates and
    /// migrates it, the others wait for the lock; every command succeeds.
    @Test func processesCreatingTheStoreAtOnceAllSucceed() throws {
        let data = Support.dataDirectory()
        let log = ServedIDs()
        let threads = (0..<8).map { agent in
            Thread {
                do {
                    let result = try Support.ivr(data, "agent", "add", "a\(agent)", "--name", "Agent \(agent)")
                    if result.status != 0 { throw ProcessFailure(result: result) }
                } catch {
                    log.fail(error)
                }
                log.finished()
            }
        }
        threads.forEach { $0.start() }
        log.waitForAll(8)
        #expect(log.errors.isEmpty, "\(log.errors)")
        let agents = try #require(try Support.json(try Support.ivr(data, "agent", "list", "--json").stdout) as? [[String: Any]])
        #expect(agents.count == 8)
        let queues = try #require(try Support.json(try Support.ivr(data, "queue", "status", "--json").stdout) as? [[String: Any]])
        #expect(queues.count == 4)
    }

    /// An agent process killed with SIGKILL inside its reservation transaction leaves the
    /// callback waiting, and the next agent gets it.
    @Test func killNineInsideTheReservationLosesNothing() throws {
        let data = Support.dataDirectory()
        _ = try Support.ivr(data, "callback", "request", "020 7946 0018")
        for agent in ["alice", "bob"] {
            _ = try Support.ivr(data, "agent", "add", agent, "--name", agent)
            _ = try Support.ivr(data, "agent", "login", agent)
        }
        let holder = try HeldTransaction(data: data, agent: "alice", seconds: 60)
        holder.kill()
        let list = try #require(try Support.json(try Support.ivr(data, "callback", "list", "--json").stdout) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["status"] as? String == "pending")
        #expect(list.first?["reserved_by"] == nil)
        let agents = try #require(try Support.json(try Support.ivr(data, "agent", "list", "--json").stdout) as? [[String: Any]])
        #expect(agents.first { $0["id"] as? String == "alice" }?["state"] as? String == "available")
        let next = try Support.ivr(data, "callback", "next", "--agent", "bob")
        #expect(next.status == 0)
        #expect(next.stdout.hasPrefix("callback 1: call +442079460018"))
    }

    /// While one process holds the write lock, another waits for it instead of failing.
    @Test func aBusyDatabaseGetsARetryNotAnError() throws {
        let data = Support.dataDirectory()
        _ = try Support.ivr(data, "callback", "request", "020 7946 0018", "020 7946 0019")
        for agent in ["alice", "bob"] {
            _ = try Support.ivr(data, "agent", "add", agent, "--name", agent)
            _ = try Support.ivr(data, "agent", "login", agent)
        }
        let holder = try HeldTransaction(data: data, agent: "alice", seconds: 1.5)
        let started = Date()
        let next = try Support.ivr(data, "callback", "next", "--agent", "bob", "--json")
        #expect(Date().timeIntervalSince(started) > 0.5)
        #expect(next.status == 0, "\(next.stderr)")
        #expect((try Support.json(next.stdout) as? [String: Any])?["id"] as? Int == 2)
        #expect(holder.wait() == 0)
    }
}

/// `ivr callback next --hold-transaction S` running in the background, waited on until it
/// is inside its transaction.
final class HeldTransaction {
    let process: ChildProcess

    init(data: URL, agent: String, seconds: Double) throws {
        process = try ChildProcess(IvrBinary.url.path, ["callback", "next", "--agent", agent, "--hold-transaction", String(seconds),
                                                        "--data", data.path, "--at", StoreCommandTests.at],
                                   stdout: .null, stderr: .pipe)
        guard process.waitForErrorOutput("holding transaction", seconds: 60) else {
            process.stop(SIGKILL)
            throw ProcessFailure(result: .init(status: -1, stdout: "", stderr: process.errorOutput))
        }
    }

    deinit { process.stop(SIGKILL) }

    /// Sends SIGKILL and waits for the process to die.
    func kill() {
        process.stop(SIGKILL)
    }

    /// Waits for a normal exit (up to a minute) and returns the status (-1 if it still ran).
    func wait() -> Int32 {
        process.wait(seconds: 60)?.status ?? -1
    }
}

/// A run of `ivr` that failed unexpectedly.
struct ProcessFailure: Error, CustomStringConvertible {
    let result: IvrBinary.Result
    var description: String { "exit \(result.status): \(result.stderr)\(result.stdout)" }
}

/// Thread-safe record of which callbacks the agent threads served.
final class ServedIDs: @unchecked Sendable {
    private let lock = NSCondition()
    private var served: [(id: Int, agent: Int)] = []
    private var failures: [String] = []
    private var done = 0

    func add(_ id: Int, agent: Int) { lock.withLock { served.append((id, agent)) } }
    func fail(_ error: Error) { lock.withLock { failures.append(String(describing: error)) } }
    func finished() { lock.withLock { done += 1; lock.broadcast() } }
    func waitForAll(_ count: Int) { lock.withLock { while done < count { lock.wait() } } }
    var ids: [Int] { lock.withLock { served.map(\.id) } }
    var agentsThatServed: Set<Int> { lock.withLock { Set(served.map(\.agent)) } }
    var errors: [String] { lock.withLock { failures } }
}
