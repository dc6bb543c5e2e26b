import CallQueue
import Foundation
import Storage
import Testing
@testable import LiveRuntime

/// The call record's wait comes from the shared queue's own clock, so it agrees with queue_log
/// even when the caller's line clock ran behind (a stalled start): "two records of one call".
struct SharedQueueWaitTests {
    @Test func theWaitACallRecordTakesIsTheOneQueueLogWrites() throws {
        let dir = TemporaryDirectory()
        let store = try Store(directory: DataDirectory(url: dir.url.appendingPathComponent("data")))
        let queue = try SharedQueueRingingTests.ringing(["carol"], timeout: 30, dir: dir, store: store)
        _ = queue.join(call: 1, queue: "general", topic: nil, caller: "+441632960123", control: LineControl())
        #expect(queue.waitSeconds(call: 1) == nil, "still waiting: no wait yet")
        usleep(1_200_000)
        queue.callEnded(call: 1)                                   // hung up while waiting: ABANDON
        let wait = try #require(queue.waitSeconds(call: 1))
        #expect(wait >= 1.2 && wait < 3, "\(wait)")
        #expect(queue.waitSeconds(call: 1) == nil, "taken once")
        queue.settle()                                             // queue_log is written off the lines
        let log = try String(contentsOf: store.directory.queueLogURL, encoding: .utf8)
        let abandon = try #require(log.split(separator: "\n").first { $0.contains("|ABANDON|") })
        let logged = try #require(Int(abandon.split(separator: "|").last ?? ""))
        #expect(logged == Int(wait) || logged == Int(wait.rounded()), "queue_log \(abandon) vs record \(wait)")
        #expect(SoloQueue().waitSeconds(call: 1) == nil, "a line on its own counts on its own clock")
    }
}
