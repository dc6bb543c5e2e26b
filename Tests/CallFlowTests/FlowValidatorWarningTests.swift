import Foundation
import Testing
@testable import CallFlow

/// Warnings about prompts a step needs but the library lacks.
@Suite struct FlowValidatorWarningTests {
    @Test func numberReadingWithoutDigitPromptsAndCallbackWithoutAskPromptWarn() {
        let yaml = """
        steps:
          q:
            queue: sales
            announce_position: true
            keys: {"2": cb}
          cb:
            callback: sales
        """
        let lines = FlowTest.diagnostics(yaml, prompts: ["music/default"])
            .map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
        #expect(lines == [
            "4:24: warning: position and wait are read out with prompts the library lacks: queue-position, queue-wait, minutes and 30 more "
                + "(without number-10 … number-and, numbers are read digit by digit); add them with scripts/make-prompts or `ivr prompt record NAME`",
            "6:3: warning: callback 'cb' has no ask_prompt: callers without caller ID (or with number: ask) hear silence while they should key in a number",
            "6:3: warning: callback 'cb' reads the number back digit by digit but the prompt library lacks digit-0, digit-1, digit-2 and 7 more; "
                + "add them with scripts/make-prompts or `ivr prompt record NAME`",
        ])
    }

    static let queueYAML = """
    steps:
      q:
        queue: sales
        announce_wait: true
        announce: [a, b, c, d, e, f, g]
    """

    func warnings(_ yaml: String, prompts: Set<String>) -> [String] {
        FlowTest.diagnostics(yaml, prompts: prompts).map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func aLibraryWithoutTheNumberWordsWarnsThatNumbersAreReadAsDigits() {
        let library = Set(["a", "b", "c", "d", "e", "f", "g", "queue-position", "queue-wait", "minutes", "music/default"])
            .union(NumberWord.digitPromptNames).union(["number-10", "number-hundred"])
        #expect(warnings(Self.queueYAML, prompts: library) == [
            "4:20: warning: position and wait are read out with prompts the library lacks: number-11, number-12, number-13 and 15 more "
                + "(without number-10 … number-and, numbers are read digit by digit); add them with scripts/make-prompts or `ivr prompt record NAME`",
        ])
        let program = FlowTest.program(Self.queueYAML, prompts: library)
        #expect(program?.speaksNumberWords == false)
        #expect(program?.promptNames.contains("number-10") == true)
    }

    @Test func missingNumberPromptsAreReportedOncePerFlow() {
        let yaml = Self.queueYAML + "\n    next: r\n  r:\n    queue: returns\n    announce_position: true\n"
        let library = Set(["a", "b", "c", "d", "e", "f", "g", "music/default"])
        let found = warnings(yaml, prompts: library).filter { $0.contains("position and wait") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("4:20: warning: position and wait are read out with prompts the library lacks: queue-position") == true)
    }

    @Test func aFullLibraryGivesNoWarningAndAnAnnouncementTooLongForTheNumbersDoes() {
        let library = Set(["a", "b", "c", "d", "e", "f", "g", "h", "music/default"]).union(FlowBuilder.announcementPrompts)
        #expect(warnings(Self.queueYAML, prompts: library).isEmpty)
        #expect(warnings(Self.queueYAML.replacingOccurrences(of: "announce_wait", with: "announce_position")
            .replacingOccurrences(of: "g]", with: "g, h, a, b, c, d, e, f]"), prompts: library).isEmpty)
        let both = Self.queueYAML.replacingOccurrences(of: "announce_wait: true", with: "announce_wait: true\n    announce_position: true")
        #expect(warnings(both, prompts: library).isEmpty)
        #expect(warnings(both.replacingOccurrences(of: "g]", with: "g, h]"), prompts: library) == [
            "6:15: warning: announce lists 8 prompts: with position and wait read out only 7 fit in one announcement (at most 20 prompts); the rest may be cut",
        ])
    }

    /// Two overrides that cover the same date: the later one wins there, and the checker says so.
    @Test func overlappingOverridesWarn() {
        let yaml = """
        schedules:
          shop:
            timezone: Europe/London
            weekly:
              mon-sat: 09:00-17:00
            overrides:
              - {date: 2026-12-24, hours: 09:00-13:00}
              - {date: 2026-12-24, hours: closed}
              - {from: 2026-12-20, to: 2026-12-26, hours: 10:00-11:00}
              - {date: 2026-12-31, hours: 09:00-12:00}
        steps:
          h:
            hours: shop
            open: x
            closed: x
          x:
            hangup:
        """
        #expect(FlowTest.diagnostics(yaml, prompts: []).map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" } == [
            "8:9: warning: this override and the one for 2026-12-24 both cover 2026-12-24; the later one in the list wins there; remove or merge one of them",
            "9:9: warning: this override and the one for 2026-12-24 both cover 2026-12-24; the later one in the list wins there; remove or merge one of them",
        ])
    }
}

/// YAML anchors, aliases and merge keys share options between steps.
@Suite struct MergeKeyTests {
    static let yaml = """
    x-hold: &hold
      announce_every: 45s
      max_wait: 2m
      on_timeout: bye
    steps:
      orders:
        queue: orders
        <<: *hold
        max_wait: 1m
      bye:
        hangup:
    """

    @Test func mergeKeysShareQueueOptionsAndOwnKeysWin() throws {
        let program = try #require(FlowTest.program(Self.yaml))
        #expect(program.queues[0].announceEvery == 45)
        #expect(program.queues[0].maxWait == 60)
        #expect(program.queues[0].onTimeout == program.stepIndex(named: "bye"))
    }

    @Test func otherUnknownTopLevelKeysAreErrors() {
        let yaml = Self.yaml.replacingOccurrences(of: "x-hold", with: "hold")
        #expect(FlowTest.diagnostics(yaml).map(\.description) == [
            "test.yaml:1:1: error: unknown top-level key 'hold': expected name, start, variables, schedules, steps (or x-NAME for shared options)"])
    }
}
