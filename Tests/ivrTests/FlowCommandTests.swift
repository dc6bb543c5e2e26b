import Foundation
import Testing

/// `ivr flow check` and `ivr call --keys`, run as a user would.
@Suite struct FlowCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func storeFlowChecksClean() throws {
        let result = try IvrBinary.run(["flow", "check", "flows/store.yaml"], in: Self.root)
        #expect(result.status == 0)
        #expect(result.stdout == "flows/store.yaml: ok: flow 'store', 14 steps, 49 prompts, 4 queues (orders, payments, returns, general), 1 schedule\n")
        #expect(result.stderr.isEmpty)
    }

    /// A prompt folder with every name present but files a call could not play: flow check opens
    /// them as a live call would (an unreadable file is an error, an empty one a warning).
    @Test func unplayablePromptFilesFailTheCheck() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-prompts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("prompts"), to: dir)
        try "not audio".write(to: dir.appendingPathComponent("digit-7.wav"), atomically: true, encoding: .utf8)
        let header = try Data(contentsOf: Self.root.appendingPathComponent("prompts/goodbye.wav")).prefix(44)
        try header.write(to: dir.appendingPathComponent("goodbye.wav"))
        let result = try IvrBinary.run(["flow", "check", "flows/store.yaml", "--prompts", dir.path], in: Self.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(dir.appendingPathComponent("digit-7.wav").path + ": error: not a sound format") }, "\(lines)")
        #expect(lines.contains(dir.appendingPathComponent("goodbye.wav").path + ": warning: prompt 'goodbye' has no audio; the caller hears nothing there"))
        #expect(lines.last == "flows/store.yaml: 1 prompt file cannot be played; record or import them again (`ivr prompt import FILE NAME`)")
    }

    @Test func brokenFlowListsEveryProblemAndExitsOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-flow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "steps:\n  a:\n    play: greeting\n    next: nowhere\n  b:\n    goto: b\n".write(
            to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let prompts = Self.root.appendingPathComponent("prompts").path
        let result = try IvrBinary.run(["flow", "check", "bad.yaml", "--prompts", prompts], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "bad.yaml:4:11: error: next 'nowhere' is not a step in this flow: steps are a, b",
            "bad.yaml:5:3: warning: step 'b' is never reached from the start step 'a'",
            "bad.yaml:5:3: error: steps b → b loop forever without waiting for the caller: one of them must play, ask or hang up",
            "bad.yaml: 2 errors, 1 warning",
        ])
    }

    @Test func missingPromptFolderIsAClearError() throws {
        let result = try IvrBinary.run(["flow", "check", "flows/store.yaml", "--prompts", "/nonexistent"], in: Self.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("prompt folder '/nonexistent' does not exist"))
    }

    @Test func scriptedCallPrintsATranscript() throws {
        let result = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "w3 1 hangup", "--at", "2026-11-23T10:00"], in: Self.root)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "call to store from +441632960123 at 2026-11-23T10:00:00 (Monday, Europe/London)")
        #expect(lines.contains("    3.30  enqueue      orders topic orders-and-delivery"))
        #expect(lines.last == "outcome: abandoned, queue orders")
    }

    @Test func scriptedCallReadsTheQueuePositionAndWaitAsWords() throws {
        let result = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "1 w40", "--at", "2026-11-23T10:00",
                                        "--queue-position", "12", "--queue-wait", "45"], in: Self.root)
        #expect(result.status == 0)
        let prompts = result.stdout.split(separator: "\n").filter { $0.contains(" prompt ") }
            .compactMap { $0.split(separator: " ").last.map(String.init) }
        let first = try #require(prompts.firstIndex(of: "queue-position"))
        #expect(Array(prompts[first...].prefix(7)) == [
            "queue-position", "number-12", "queue-wait", "number-40", "digit-5", "minutes", "hold-announcement"])
        let live = try IvrBinary.run(["call", "flows/store.yaml", "--device", "default", "--queue-position", "3"], in: Self.root)
        #expect(live.status == 64)
        #expect(live.stderr.contains("--queue-position and --queue-wait are for scripted calls"))
    }

    @Test func scriptedCallAsJSON() throws {
        let result = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "w14 talk10 hangup", "--at", "2026-11-23T18:30",
                                        "--caller", "+441632960999", "--json"], in: Self.root)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let outcome = try #require(object["outcome"] as? [String: Any])
        #expect(outcome["result"] as? String == "voicemail")
        #expect(outcome["mailbox"] as? String == "general")
        let callback = try #require(outcome["callback"] as? [String: Any])
        #expect(callback["due"] as? String == "2026-11-24T09:00:00")
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.first?["type"] as? String == "step")
        #expect(events.contains { $0["type"] as? String == "prompt" && $0["name"] as? String == "after-hours" })
        #expect(events.last?["type"] as? String == "hangup")
    }

    @Test func badScriptAndBadTimeAreClearErrors() throws {
        let script = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "1 wait5"], in: Self.root)
        #expect(script.status != 0)
        #expect(script.stderr.contains("--keys token 2 'wait5' is not understood"))
        let time = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "1", "--at", "tomorrow"], in: Self.root)
        #expect(time.status != 0)
        #expect(time.stderr.contains("--at 'tomorrow' is not a local time"))
        for result in [script, time] {
            #expect(result.status == 64)
            #expect(result.stderr.contains("Usage: ivr call ") && result.stderr.contains("<flow>"), "usage should be the call command's: \(result.stderr)")
        }
    }

    @Test func callerIDIsCheckedAndWrittenInE164() throws {
        let bad = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "1", "--caller", "abc", "--at", "2026-11-23T10:00"],
                                    in: Self.root)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--caller: 'abc' is not a phone number"), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
        let good = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "hangup", "--caller", "020 7946 0018",
                                      "--at", "2026-11-23T10:00"], in: Self.root)
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("call to store from +442079460018 at 2026-11-23T10:00:00"), "\(good.stdout)")
    }

    @Test func aKeyedCallbackNumberThatIsNotAPhoneNumberIsNotBooked() throws {
        // Decline the caller ID with 2, key 2123456#, confirm with 1: no UK number, so asked again, then voicemail.
        let result = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "1 w35 2 w3 2 w1 123456# 1",
                                        "--at", "2026-11-23T10:00", "--json"], in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let outcome = try #require(object["outcome"] as? [String: Any])
        #expect(outcome["result"] as? String != "callback")
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(!events.contains { $0["type"] as? String == "callback" })
        #expect(events.filter { $0["type"] as? String == "prompt" && $0["name"] as? String == "callback-ask" }.count >= 1)
    }

    @Test func aTimeTheClocksSkipIsNamedAsSuch() throws {
        let result = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "1", "--at", "2026-03-29T01:30"], in: Self.root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("does not exist in Europe/London"), "\(result.stderr)")
    }

    @Test func benchRefusesACallCountOutOfRange() throws {
        for count in ["--calls=-5", "--calls=0"] {
            let result = try IvrBinary.run(["flow", "bench", "flows/store.yaml", count], in: Self.root)
            #expect(result.status == 64, "\(count): \(result.stderr)")
            #expect(result.stderr.contains("--calls must be between 1 and"), "\(count): \(result.stderr)")
        }
        let one = try IvrBinary.run(["flow", "bench", "flows/store.yaml", "--calls", "1"], in: Self.root)
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("1 calls, "))
    }
}
