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
            "4:24: warning: position and wait are read out with digit-0 … digit-9, queue-position, queue-wait and minutes: some are missing from the prompt library",
            "6:3: warning: callback 'cb' has no ask_prompt: callers without caller ID (or with number: ask) hear silence while they should key in a number",
            "6:3: warning: callback 'cb' reads the number back but the prompt library lacks digit-0 … digit-9",
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
