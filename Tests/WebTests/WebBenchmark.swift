import CallQueue
import Foundation
import Storage
import Testing
@testable import Web
#if canImport(Glibc)
import Glibc
#endif

/// `scripts/web-bench`: 50 wallboards and 20 desks on one server while callers join a queue four
/// times a second from another connection; prints event-to-client latency and the server's CPU.
/// Skipped unless `IVR_WEB_BENCH` is set. Figures, not assertions (docs/WEB.md).
@Suite("Web benchmark", .enabled(if: ProcessInfo.processInfo.environment["IVR_WEB_BENCH"] != nil))
struct WebBenchmark {
    @Test func wallboardsAndDesksUnderLoad() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let sue = try web.signIn("sue"), alice = try web.signIn("alice")
        let changes = 40
        let commits = Commits(count: changes + 1)
        var readers: [Thread] = []
        let latencies = Latencies()
        for n in 0..<70 {
            let board = n < 50
            let path = board ? "/api/wallboard/events" : "/api/desk/events"
            let cookie = board ? sue.cookie : alice.cookie
            let thread = Thread {
                Self.read(port: web.port, path: path, cookie: cookie, seconds: Double(changes) / 4 + 3) { json in
                    guard board, let range = json.range(of: #""name":"orders","offered_today""#) else { return }
                    _ = range
                    guard let waiting = Self.ordersWaiting(json), let at = commits.at(waiting) else { return }
                    latencies.add(n, waiting, Date().timeIntervalSince1970 - at)
                }
            }
            thread.start()
            readers.append(thread)
        }
        Thread.sleep(forTimeInterval: 1.5)
        let cpuBefore = Self.cpuSeconds(web.process.pid)
        let started = Date()
        let writer = try Store(directory: web.store.directory)
        for k in 1...changes {
            try writer.callerJoined(WaitingCaller(callID: "bench-\(k)", queue: "orders", caller: nil, joinedAt: Date()))
            commits.set(k, Date().timeIntervalSince1970)
            Thread.sleep(forTimeInterval: 0.25)
        }
        Thread.sleep(forTimeInterval: 2)
        let cpu = Self.cpuSeconds(web.process.pid) - cpuBefore
        let wall = Date().timeIntervalSince(started)
        let sorted = latencies.values.sorted()
        let p50 = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        print(String(format: "web bench: 50 wallboards + 20 desks, %d changes at 4/s: %d deliveries (of %d; the rest coalesced by the 250 ms poll), latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                     + "server CPU %.2f s over %.1f s (%.0f %% of one core, the ivr web process alone)",
                     changes, sorted.count, changes * 50, p50 * 1000, p99 * 1000, (sorted.last ?? 0) * 1000, cpu, wall, cpu / wall * 100))
        // The server polls the store every 250 ms and pushes the state, so two commits in one poll
        // reach a wallboard as one event (fewer deliveries than 40 × 50 is expected); what must
        // hold is that every wallboard reaches the last state.
        #expect(latencies.clients(reaching: changes) == 50, "every wallboard shows the final queue")
    }

    static func ordersWaiting(_ json: String) -> Int? {
        guard let name = json.range(of: #""name":"orders""#) else { return nil }
        let rest = json[name.upperBound...]
        guard let key = rest.range(of: #""waiting":"#) else { return nil }
        return Int(rest[key.upperBound...].prefix { $0.isNumber })
    }

    /// User + system CPU seconds of process `pid` (from /proc/PID/stat, in clock ticks).
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Reads an event stream for `seconds`, calling `onEvent` with each `data:` payload.
    static func read(port: Int, path: String, cookie: String, seconds: Double, onEvent: (String) -> Void) {
        guard let fd = try? HTTPClient.connect(port: port) else { return }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET \(path) HTTP/1.1\r\nHost: x\r\nCookie: ivr_session=\(cookie)\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let end = Date().addingTimeInterval(seconds)
        var pending = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < end {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return }
            if n < 0 { continue }
            pending += String(decoding: buffer[0..<n], as: UTF8.self)
            while let line = pending.range(of: "\n") {
                let text = String(pending[..<line.lowerBound])
                pending = String(pending[line.upperBound...])
                if text.hasPrefix("data: ") { onEvent(String(text.dropFirst(6))) }
            }
        }
    }

    final class Commits: @unchecked Sendable {
        private let lock = NSLock()
        private var times: [Double?]
        init(count: Int) { times = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ t: Double) { lock.withLock { times[k] = t } }
        func at(_ k: Int) -> Double? { lock.withLock { k < times.count ? times[k] : nil } }
    }

    final class Latencies: @unchecked Sendable {
        private let lock = NSLock()
        private var seen = Set<[Int]>()
        private var last: [Int: Int] = [:]
        private(set) var values: [Double] = []
        func add(_ client: Int, _ change: Int, _ latency: Double) {
            lock.withLock {
                last[client] = max(last[client] ?? 0, change)
                if seen.insert([client, change]).inserted { values.append(latency) }
            }
        }
        /// How many clients saw change `change` (or a later one).
        func clients(reaching change: Int) -> Int { lock.withLock { last.values.filter { $0 >= change }.count } }
    }
}
