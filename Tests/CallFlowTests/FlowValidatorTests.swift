import Testing
@testable import CallFlow

/// Each validator error, with its line and column; all problems reported at once.
@Suite struct FlowValidatorTests {
    /// `LINE:COLUMN: severity: message` for each diagnostic.
    func report(_ yaml: String, prompts: Set<String>? = nil) -> [String] {
        FlowTest.diagnostics(yaml, prompts: prompts).map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
    }

    func has(_ lines: [String], _ position: String, _ fragment: String) -> Bool {
        lines.contains { $0.hasPrefix(position) && $0.contains(fragment) }
    }

    static let several = """
    steps:
      start:
        play: hello
        next: mian
      menu:
        menu: main
        choices:
          "1": start
          1: start
          "2#": start
        colour: blue
      lost:
        goto: start
      nokind:
        timeout: 5s
    """

    @Test func reportsEveryProblemAtOnceWithPositions() {
        let lines = report(Self.several, prompts: ["main"])
        #expect(lines == [
            "3:11: error: prompt 'hello' is missing from the prompt library: add prompts/hello.wav (or record it with `ivr prompt record hello`)",
            "4:11: error: next 'mian' is not a step in this flow: steps are start, menu, lost, nokind",
            "5:3: warning: step 'menu' is never reached from the start step 'start'",
            "9:7: error: choice '1' is given twice in this menu (first on line 8)",
            "10:7: error: choice '2#' contains the terminator key '#': pick another key or set `terminator: none`",
            "11:5: error: unknown option 'colour' for a menu step: expected choices, inter_digit_timeout, interruptible, invalid_prompt, max_digits, max_invalid, max_no_input, no_input_prompt, on_invalid, on_no_input, short_prompt, terminator, timeout",
            "12:3: warning: step 'lost' is never reached from the start step 'start'",
            "14:3: error: step 'nokind' has no kind: give it one of play, menu, hours, queue, voicemail, callback, goto, hangup, set",
            "14:3: warning: step 'nokind' is never reached from the start step 'start'",
        ])
        #expect(FlowCompiler.compile(yaml: Self.several, file: "x.yaml").program == nil)
    }

    @Test func aTabInTheIndentationIsNamed() {
        let lines = report("steps:\n  a:\n\tplay: x\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("; this line has a tab: YAML indents with spaces only") == true, "\(lines)")
    }

    @Test func aScenarioGivenAsAFlowIsRecognised() {
        #expect(report("name: monday\narrivals: {per_hour: 10}\nagents: {count: 2}\n") == [
            "1:1: error: this looks like a load scenario (it has arrivals/handling/agents and no steps), not a call flow; run it with `ivr simulate test.yaml`"])
    }

    @Test func nothingMayFollowHangUpInAKeyScript() {
        #expect(throws: KeyScript.ParseError(token: "1", position: 3, afterHangUp: true)) { try KeyScript("w2 hangup 1") }
        #expect((try? KeyScript("w2 1 hangup"))?.tokens.last == .hangup)
    }

    @Test func yamlSyntaxErrorHasPosition() {
        #expect(report("steps:\n  a:\n    play: [x\n  b: 1\n") == [
            "4:4: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence)"])
    }

    @Test func duplicateKeyPointsAtTheSecondOne() {
        #expect(report("steps:\n  a:\n    menu: m\n    choices:\n      \"1\": a\n      \"1\": a\n") == [
            "6:7: error: duplicate key '1': each key may appear only once in a mapping (first on line 5)"])
    }

    @Test func missingStepReferenceSuggestsTheClosestName() {
        let lines = report("steps:\n  greeting:\n    play: hi\n    next: main-menuu\n  main-menu:\n    hangup:\n")
        #expect(lines == ["4:11: error: next 'main-menuu' is not a step in this flow: did you mean 'main-menu'?",
                          "5:3: warning: step 'main-menu' is never reached from the start step 'greeting'"])
    }

    @Test func instantLoopIsAnError() {
        let lines = report("steps:\n  a:\n    goto: b\n  b:\n    goto: a\n")
        #expect(lines == ["2:3: error: steps a → b → a loop forever without waiting for the caller: one of them must play, ask or hang up"])
    }

    @Test func silentLoopThroughMenuTimeoutIsAnError() {
        let yaml = """
        steps:
          ask:
            menu: m
            choices: {"1": done}
            on_no_input: again
          again:
            play: sorry
            next: ask
          done:
            hangup:
        """
        #expect(report(yaml) == [
            "2:3: error: steps ask → again → ask can cycle forever while the caller stays silent: send a timeout (on_no_input, on_timeout, on_failure) to a step that ends the call"])
    }

    @Test func loopThatNeedsAKeyIsFine() {
        let yaml = """
        steps:
          ask:
            menu: m
            choices: {"1": ask, "2": done}
          done:
            hangup:
        """
        #expect(report(yaml) == [])
    }

    @Test func impossibleTimers() {
        let yaml = """
        steps:
          m:
            menu: p
            choices: {"1": v}
            timeout: 0s
            inter_digit_timeout: 2d
          v:
            voicemail: box
            min_length: 3m
            max_length: 1m
            silence: 5 parsecs
        """
        #expect(report(yaml) == [
            "5:14: error: timeout must be more than 0, not '0s'",
            "6:26: error: inter_digit_timeout '2d' is longer than a day: no call lasts that long",
            "9:17: error: min_length (3m) is not shorter than max_length (1m): every message would be dropped",
            "11:14: error: silence '5 parsecs' is not a duration: write it with a unit, e.g. 5s, 2m or 1h",
        ])
    }

    @Test func badTimeZonesDaysHoursAndDates() {
        let yaml = """
        schedules:
          shop:
            timezone: Europe/Londn
            weekly:
              mon-fri: 17:30-09:00
              sat: 10:00-14:00
              sun: 25:00-26:00
              funday: closed
              fri: 09:00-12:00, 11:00-13:00
            holidays: [2026-02-30]
        steps:
          h:
            hours: shop
            open: x
            closed: x
          x:
            hangup:
        """
        #expect(report(yaml) == [
            "3:15: error: unknown time zone 'Europe/Londn': use an IANA name such as Europe/London",
            "5:16: error: hours '17:30-09:00' end before they start: hours that cross midnight are two spans, e.g. 22:00-24:00 and 00:00-02:00 the next day",
            "7:12: error: '25:00-26:00' is not opening hours: write HH:MM-HH:MM (e.g. 09:00-17:30) or closed",
            "8:7: error: 'funday' is not a day or range of days: use mon, tue, wed, thu, fri, sat, sun, e.g. mon-fri",
            "9:12: error: hours '09:00-12:00, 11:00-13:00' overlap or are out of order: list spans from morning to evening",
            "10:16: error: holiday '2026-02-30' is not a date: write YYYY-MM-DD, e.g. 2026-12-25",
            "13:12: error: schedule 'shop' is not defined: add it under `schedules:`",
        ])
    }

    @Test func dayGivenTwiceIsAnError() {
        let yaml = "schedules:\n  s:\n    timezone: UTC\n    weekly:\n      mon-fri: 09:00-17:00\n      fri: 10:00-12:00\nsteps:\n  a:\n    hangup:\n"
        #expect(report(yaml) == ["6:7: error: fri already has hours (line 5): give each day once"])
    }

    @Test func menuKeyConflicts() {
        let yaml = """
        steps:
          m:
            menu: p
            choices: {"1": m, "12": m, "x": m, "123": m}
            max_digits: 2
        """
        #expect(report(yaml) == [
            "4:15: warning: choice '1' is the start of choice '12': callers who want '1' wait for the inter-digit timeout",
            "4:23: warning: choice '12' is the start of choice '123': callers who want '12' wait for the inter-digit timeout",
            "4:32: error: choice 'x' is not a key sequence: use keypad keys 0-9, *, # and A-D, at most 16",
            "5:17: error: max_digits 2 is shorter than the longest choice (3 keys): that choice can never be chosen",
        ])
    }

    /// Names that would not be plain file names, empty prompt lists and empty music names are
    /// refused where they are written.
    @Test func promptAndMusicNamesMustBePlainAndListsNotEmpty() {
        let yaml = """
        steps:
          a:
            play: []
            next: b
          b:
            play: ["$a", "../x", ok-name]
            next: q
          q:
            queue: sales
            music: ""
        """
        #expect(report(yaml) == [
            "3:11: error: play lists no prompts: name at least one, e.g. [greeting]",
            "6:12: error: '$a' is not a prompt name: use letters, digits, dashes and underscores, e.g. main-menu",
            "6:18: error: '../x' is not a prompt name: use letters, digits, dashes and underscores, e.g. main-menu",
            "10:12: error: '' is not a hold music name: use letters, digits, dashes and underscores, e.g. default",
        ])
    }

    @Test func unknownVariablesKindsAndQueueKeys() {
        let yaml = """
        variables: {topic: general}
        steps:
          a:
            set: {colour: red}
          q:
            queue: orders
            keys: {"12": a, "1": a}
            topic: $subject
          b:
            play: x
            menu: y
        """
        let lines = report(yaml)
        #expect(has(lines, "4:11: error:", "unknown variable 'colour'"))
        #expect(has(lines, "7:12: error:", "queue key '12' must be a single keypad key"))
        #expect(has(lines, "8:12: error:", "unknown variable 'subject'"))
        #expect(has(lines, "11:5: error:", "step 'b' is already a play step: 'menu' belongs in a separate step"))
    }

    @Test func missingHoldMusicAndUnknownTopLevelKey() {
        let yaml = "colour: blue\nsteps:\n  q:\n    queue: orders\n    music: jazz\n"
        #expect(report(yaml, prompts: ["music/default"]) == [
            "1:1: error: unknown top-level key 'colour': expected name, start, variables, schedules, steps (or x-NAME for shared options)",
            "5:12: error: hold music 'jazz' is missing from the prompt library: add prompts/music/jazz.wav or a folder prompts/music/jazz/",
        ])
    }

    @Test func storeFlowIsValidWithTheShippedPrompts() {
        #expect(StoreFlow.compilation.errors.isEmpty)
        #expect(StoreFlow.compilation.warnings.isEmpty)
        #expect(StoreFlow.program.queueNames == ["orders", "payments", "returns", "general"])
    }
}
