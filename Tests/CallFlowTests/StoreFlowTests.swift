import Testing
@testable import CallFlow

/// The shipped store flow, end to end on virtual time.
@Suite struct StoreFlowTests {
    func call(_ keys: String, at: String, caller: String = "+441632960123") -> Transcript {
        FlowTest.call(StoreFlow.program, keys, at: at, caller: caller, promptLength: 3)
    }

    @Test func eachMenuChoiceReachesItsQueueWithItsTopic() {
        let expected = ["1": "orders topic orders-and-delivery", "2": "payments topic payments",
                        "3": "returns topic returns-and-refunds", "0": "general topic general"]
        for (key, enqueue) in expected {
            let t = call("w4 \(key) hangup", at: "2026-11-23T10:00")
            #expect(t.events("enqueue").map { [$0.name, $0.value].compactMap { $0 }.joined(separator: " ") } == [enqueue])
            #expect(t.outcome.result == "abandoned")
        }
    }

    @Test func openAtHalfPastFiveMinusOneSecondClosedAtHalfPastFive() {
        #expect(call("", at: "2026-11-23T17:29:59").events("step").compactMap(\.name).prefix(2) == ["check-hours", "greeting"])
        #expect(call("", at: "2026-11-23T17:30:00").events("step").compactMap(\.name).prefix(2) == ["check-hours", "after-hours"])
    }

    @Test func holdAnnouncementOffersVoicemailAndCallback() {
        let t = call("w4 1 w40 1 talk12", at: "2026-11-23T10:00")
        let prompts = t.events("prompt").compactMap(\.name)
        #expect(prompts.contains("hold-announcement"))
        #expect(t.events("leave-queue").compactMap(\.value) == ["key 1"])
        #expect(t.outcome.result == "voicemail")
        #expect(t.outcome.mailbox == "general")
        #expect(prompts.last == "message-thanks")
    }

    @Test func twelfthInLineHearsTwelveAndTheWaitInWords() {
        var options = ScriptedCall.Options(callerID: "+441632960123", start: FlowTest.date("2026-11-23T10:00"))
        options.defaultPromptLength = 3
        options.queuePosition = 12
        options.estimatedWait = 45 * 60
        let t = ScriptedCall(program: StoreFlow.program, options: options).run(try! KeyScript("1 w40"))
        let prompts = t.events("prompt").compactMap(\.name)
        let first = prompts.firstIndex(of: "queue-position") ?? prompts.endIndex
        #expect(Array(prompts[first...].prefix(7)) == [
            "queue-position", "number-12", "queue-wait", "number-40", "digit-5", "minutes", "hold-announcement"])
    }

    @Test func callbackFromTheQueueKeepsThePlace() {
        let t = call("w4 2 w40 2 w1 1", at: "2026-11-23T10:00")
        #expect(t.outcome.result == "callback")
        #expect(t.outcome.callback == "payments")
        #expect(t.outcome.callbackDue?.hasPrefix("keep-place") == true)
    }

    @Test func afterHoursSchedulesACallbackForTheNextOpeningAndTakesAMessage() {
        let t = call("w4 talk15 hangup", at: "2026-11-23T18:30")
        #expect(t.events("step").compactMap(\.name) == ["check-hours", "after-hours", "after-hours-callback", "after-hours-message"])
        #expect(t.events("callback").compactMap(\.value) == ["+441632960123 due 2026-11-24T09:00:00"])
        #expect(t.events("beep").count == 1)
        #expect(t.outcome.result == "voicemail")
        #expect(t.outcome.callback == "general")
    }

    @Test func bankHolidayGoesToAfterHoursWithCallbackAfterTheHoliday() {
        let t = call("", at: "2026-12-28T11:00")
        #expect(t.events("step").compactMap(\.name).prefix(2) == ["check-hours", "after-hours"])
        #expect(t.events("callback").compactMap(\.value) == ["+441632960123 due 2026-12-29T09:00:00"])
    }

    @Test func sundayCallbackIsDueMondayMorning() {
        let t = call("", at: "2026-11-29T12:00")
        #expect(t.events("callback").compactMap(\.value) == ["+441632960123 due 2026-11-30T09:00:00"])
    }

    @Test func silentCallerIsPutThroughToSomeone() {
        let t = call("", at: "2026-11-23T10:00")
        #expect(t.events("enqueue").compactMap(\.name) == ["general"])
        // Nobody answers in a scripted call: after 15 minutes the caller is offered voicemail.
        #expect(t.events("leave-queue").compactMap(\.value) == ["timeout"])
    }

    @Test func jsonTranscriptHasEventsAndOutcome() throws {
        let t = call("w4 3 hangup", at: "2026-11-23T10:00")
        let json = t.json
        #expect(json.contains("\"type\":\"digit\",\"value\":\"3\""))
        #expect(json.hasSuffix("\"outcome\":{\"result\":\"abandoned\",\"queue\":\"returns\"}}"))
    }
}
