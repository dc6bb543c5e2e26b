import Foundation
import Testing
@testable import Storage

/// `Store.updateQueue` refuses values a queue cannot work with, and changes nothing then.
@Suite struct QueueUpdateTests {
    @Test(arguments: [
        (nil, 0, nil, nil) as (Double?, Int?, Double?, Double?),
        (nil, -3, nil, nil),
        (-5, nil, nil, nil),
        (nil, nil, -1, nil),
        (nil, nil, .nan, nil),
        (nil, nil, nil, 0),
        (nil, nil, nil, .infinity),
    ])
    func outOfRangePolicyIsRefusedAndNothingChanges(_ values: (Double?, Int?, Double?, Double?)) throws {
        let store = try TestDataDirectory().open()
        let before = try #require(try store.queues().first { $0.name == "orders" })
        #expect(throws: StoreError.self) {
            try store.updateQueue("orders", hours: "always", initialDelay: values.0, maxAttempts: values.1,
                                  retryDelay: values.2, reservationTimeout: values.3)
        }
        let after = try #require(try store.queues().first { $0.name == "orders" })
        #expect(after == before)
    }

    @Test(arguments: ["", "   ", "\t\n"])
    func emptyHoursAreRefusedAndNothingChanges(_ hours: String) throws {
        let store = try TestDataDirectory().open()
        let before = try #require(try store.queues().first { $0.name == "orders" })
        do {
            try store.updateQueue("orders", hours: hours)
            Issue.record("empty hours were accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("empty"), "\(error)")
            #expect(error.description.contains("mon-fri 08:00-20:00"), "the message shows the format: \(error)")
        }
        #expect(try store.queues().first { $0.name == "orders" } == before)
    }

    @Test func anUnknownTimeZoneIsNamedAsSuch() throws {
        let store = try TestDataDirectory().open()
        do {
            try store.updateQueue("orders", timeZone: "Mars/Base")
            Issue.record("Mars/Base was accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("unknown time zone 'Mars/Base'"))
            #expect(!error.description.contains("opening hours"))
        }
    }

    @Test func inRangePolicyIsStored() throws {
        let store = try TestDataDirectory().open()
        let queue = try store.updateQueue("orders", initialDelay: 0, maxAttempts: 1, retryDelay: 900, reservationTimeout: 60)
        #expect(queue.callbackMaxAttempts == 1)
        #expect(queue.callbackRetryDelay == 900)
    }
}
