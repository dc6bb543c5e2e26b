import CallFlow
import CallQueue
import Foundation
import Storage
import Testing
@testable import LiveRuntime

/// A caller holding in a queue asks for a callback that keeps their place.
@Suite struct QueueCallbackTests {
    @Test func callbackKeepsThePlaceFromWhenTheCallerJoined() throws {
        let harness = try LineHarness()
        var script = CaptureScript()
        script.silence(until: 0.8)
        script.key("1")                      // orders
        script.silence(until: 2.5)
        script.key("2")                      // call me back, keeping my place
        script.silence(until: 14)
        script.key("1")                      // yes, that number
        script.silence(until: 40)
        let (result, _) = try harness.run(capture: script.samples)
        #expect(result.outcome?.result == .callback)
        let prompts = result.transcript.events("prompt").compactMap(\.name)
        #expect(prompts.contains("callback-number-is"))
        #expect(prompts.last == "callback-done")
        let callback = try #require(try harness.store.callbacks().first)
        #expect(callback.source == .queue)
        #expect(callback.queue == "orders")
        #expect(callback.number == "+441632960123")
        let joined = callback.joinedAt.timeIntervalSince(LineHarness.openTime)
        #expect(joined > 0.8 && joined < 1.0, "joined the queue when the first key was heard: \(joined) s")
        let queued = result.transcript.events("enqueue").first
        #expect(queued?.name == "orders")
    }

    @Test func aKeyedNumberThatIsNotAPhoneNumberIsNeverBookedOrClaimed() throws {
        let harness = try LineHarness()
        var script = CaptureScript()
        script.silence(until: 0.8)
        script.key("1")                      // orders
        script.silence(until: 2.5)
        script.key("2")                      // call me back, keeping my place
        script.silence(until: 5)
        for (index, key) in "2123456#".enumerated() {   // not that number: 2123456, no UK number
            script.silence(until: 5 + 0.3 * Double(index))
            script.key(key)
        }
        script.silence(until: 9)
        script.key("1")
        script.silence(until: 60)
        let (result, _) = try harness.run(capture: script.samples)
        #expect(result.outcome?.result != .callback)
        #expect(try harness.store.callbacks().isEmpty)
        let prompts = result.transcript.events("prompt").compactMap(\.name)
        #expect(prompts.contains("callback-ask"), "asked again: \(prompts)")
        #expect(!prompts.contains("callback-done"), "never told the callback is booked: \(prompts)")
    }
}
