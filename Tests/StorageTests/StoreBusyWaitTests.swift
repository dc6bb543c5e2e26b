import Testing
@testable import Storage

/// The busy handler keeps every waiting writer in the race and still gives up after the timeout.
struct StoreBusyWaitTests {
    @Test func sleepsGrowToFourMillisecondsAndNoFurther() {
        #expect(StoreBusyWait.sleep(beforeTry: 0) == 250)
        #expect(StoreBusyWait.sleep(beforeTry: 3) == 1_000)
        #expect(StoreBusyWait.sleep(beforeTry: 15) == 4_000)
        #expect(StoreBusyWait.sleep(beforeTry: 10_000) == 4_000)
    }

    @Test func totalSleepMatchesTheSumOfSleeps() {
        var total = 0.0
        for tries in 0..<40 {
            #expect(StoreBusyWait.slept(beforeTry: tries) == total)
            total += Double(StoreBusyWait.sleep(beforeTry: tries))
        }
    }

    @Test func givesUpOnceTheBusyTimeoutIsSlept() {
        // 30 s at 4 ms a try is about 7,500 tries; the handler must refuse a little after that.
        let limit = Store.busyTimeout * 1e6
        let lastTry = (0..<20_000).first { StoreBusyWait.slept(beforeTry: $0) >= limit }
        guard let tries = lastTry else { Issue.record("never gives up"); return }
        #expect(tries > 7_000 && tries < 8_000)
        #expect(!StoreBusyWait.shouldRetry(tries))
    }
}
