import CallQueue
import Foundation
import Testing
@testable import Storage

/// The store refuses times it could not read back (GRDB cannot decode a five-digit year).
@Suite struct StorableTimeTests {
    @Test func theRangeIsYears2000To2199() {
        #expect(Store.isStorable(TestTime.tuesday10))
        #expect(!Store.isStorable(Date(timeIntervalSince1970: 253_402_300_799)))   // 9999-12-31T23:59:59Z
        #expect(!Store.isStorable(Date(timeIntervalSince1970: 0)))                 // 1970
        #expect(Store.isStorable(Date(timeIntervalSince1970: 7_258_118_399)))      // 2199-12-31T23:59:59Z
        #expect(!Store.isStorable(Date(timeIntervalSince1970: 7_258_118_400)))     // 2200-01-01
    }

    @Test func aCallbackAtAFarOffTimeIsRefusedAndTheStoreStaysReadable() throws {
        let store = try TestDataDirectory().open()
        let far = Date(timeIntervalSince1970: 253_402_300_799)
        let request = CallbackRequest(number: try PhoneNumber(parsing: "020 7946 0018"), queue: "orders")
        do {
            _ = try store.requestCallback(request, now: far)
            Issue.record("a callback in year 9999 was stored")
        } catch let error as StoreError {
            #expect(error.description.contains("outside the years 2000-2199"), "\(error)")
        }
        #expect(try store.callbacks().isEmpty)
        #expect(throws: StoreError.self) { try store.addAgent(id: "bob", name: "Bob", skills: [], now: far) }
        #expect(try store.agents().isEmpty)
    }
}
