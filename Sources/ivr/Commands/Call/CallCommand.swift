import ArgumentParser
import CallFlow
import CallQueue
import Foundation

/// `ivr call FLOW …`: run one call through a flow. With `--keys` the call is scripted and runs
/// on virtual time without audio (CallCommand+Scripted.swift).
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Run one call through a flow.",
        discussion: """
            Scripted (no audio): --keys "w3 1 w20 2 1" presses keys on virtual time and prints a transcript.
            SCRIPT tokens: keys such as 1 or 42# (pressed a natural gap apart), wN (wait N seconds),
            talkN (speak for N seconds), hangup. After the last token the caller stays silent.

            Live (audio): --device PCM (or --playback PCM --capture PCM) runs the call on an ALSA line at once; \
            keys come as DTMF tones on the line, or typed on the terminal; Ctrl-C hangs up (a message being \
            recorded is kept). See docs/LIVE.md.
            """)

    @Argument(help: "The flow file (YAML).")
    var flow: String

    @Option(help: ArgumentHelp("Caller script: keys, wN, talkN, hangup (space-separated).", valueName: "SCRIPT"))
    var keys: String?

    @Option(help: ArgumentHelp("Local time in the flow's time zone, ISO 8601 (e.g. 2026-11-23T18:30); default now.", valueName: "TIME"))
    var at: String?

    @Option(help: ArgumentHelp("Caller ID presented to the flow (UK national or international; '' for withheld).", valueName: "NUMBER"))
    var caller: String = "+441632960123"

    @Option(help: ArgumentHelp("Scripted: the caller's place in line, read out by announce_position (default 1).", valueName: "N"))
    var queuePosition: Int?

    @Option(help: ArgumentHelp("Scripted: the estimated wait in minutes, read out by announce_wait (default: unknown, not read).", valueName: "MINUTES"))
    var queueWait: Double?

    @Flag(help: "Print the transcript as one JSON object.")
    var json = false

    @OptionGroup var prompts: PromptLibraryOption

    @OptionGroup var line: LiveLineOptions

    /// Checks what can be checked without the flow, so that a mistake is reported with `ivr call`'s usage.
    func validate() throws {
        if let keys {
            guard !line.isLive else { throw ValidationError("give either --keys (scripted) or --device (live), not both") }
            do { _ = try KeyScript(keys) } catch let error as KeyScript.ParseError {
                throw ValidationError(error.description)
            }
        } else if !line.isLive {
            throw ValidationError("give --keys SCRIPT for a scripted call (e.g. --keys \"w3 1 w20 hangup\") or --device PCM for a live one")
        }
        if (queuePosition != nil || queueWait != nil) && keys == nil {
            throw ValidationError("--queue-position and --queue-wait are for scripted calls (--keys); a live call's queue reports its own")
        }
        if let queuePosition, queuePosition < 1 {
            throw ValidationError("--queue-position \(queuePosition) must be 1 or more (1 = next in line)")
        }
        if let queueWait, !(queueWait >= 0) || queueWait > 100_000 {
            throw ValidationError("--queue-wait \(queueWait) must be a number of minutes from 0 to 100000")
        }
        if !caller.isEmpty {
            do { _ = try PhoneNumber(parsing: caller) } catch let error as PhoneNumberError {
                throw ValidationError("--caller: \(error.description); or give --caller '' for a withheld number")
            }
        }
        if let at, let problem = LocalDate.problem(inISO: at) {
            throw ValidationError("--at '\(at)' is not a date: \(problem)")
        }
        if let at, ScriptedCall.parseLocalTime(at, in: TimeZone(identifier: "UTC")!) == nil {
            throw ValidationError("--at '\(at)' is not a local time: write YYYY-MM-DDTHH:MM, e.g. 2026-11-23T18:30 (in the flow's time zone)")
        }
    }

    /// The caller ID in E.164 form (`validate` has checked it), or nil when withheld.
    var callerID: String? {
        caller.isEmpty ? nil : (try? PhoneNumber(parsing: caller))?.e164
    }

    /// The call's start: `--at` read as local time in `zone` (validate checked its form), else now.
    /// A time the clocks skip (the spring change) is refused by name, not as a bad format.
    func startDate(in zone: TimeZone) throws -> Date {
        guard let at else { return Date() }
        if let date = ScriptedCall.parseLocalTime(at, in: zone) { return date }
        FileHandle.standardError.write(Data(("error: --at '\(at)' does not exist in \(zone.identifier): the clocks go "
            + "forward then; pick a time outside the skipped hour\n").utf8))
        throw ExitCode.validationFailure
    }

    func run() throws {
        if let keys { return try runScripted(keys: keys) }
        try runLive()
    }
}
