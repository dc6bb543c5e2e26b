import ArgumentParser
import Foundation
import SoundIO
import Telephony

/// `ivr prompt record NAME [--device PCM] [--max SECONDS]`: the recording booth.
struct PromptRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a prompt from an ALSA capture PCM: shows the text, counts down, beeps, records.",
        discussion: """
            Recording stops on Enter, on the # key (DTMF, e.g. from a phone), at --max seconds, or after \
            --silence seconds of quiet following speech. The take is trimmed and levelled; the previous \
            take is kept in <prompts>/.backup/.
            """)

    @Argument(help: "The prompt's name (as in manifest.yaml).")
    var name: String

    @OptionGroup var prompts: PromptFolderOption
    @OptionGroup var alsa: ALSADeviceOptions

    @Option(help: ArgumentHelp("Capture PCM, when it differs from --device.", valueName: "pcm"))
    var capture: String?

    @Option(help: ArgumentHelp("Playback PCM for the beep and --play-back, when it differs from --device.",
                               valueName: "pcm"))
    var playback: String?

    @Option(help: ArgumentHelp("Longest take, in seconds.", valueName: "seconds"))
    var max: Double = 60

    @Option(help: ArgumentHelp("Stop after this many seconds of silence following speech.", valueName: "seconds"))
    var silence: Double = 3

    @Option(help: ArgumentHelp("Seconds to count down before the beep.", valueName: "seconds"))
    var countdown: Int = 3

    @Flag(help: "Do not beep before recording.")
    var noBeep = false

    @Flag(help: "Play the levelled take back when done.")
    var playBack = false

    func validate() throws {
        _ = try PromptArguments.name(name)
        guard max > 0, max <= 3600 else { throw ValidationError("--max must be between 0 and 3600 seconds") }
        guard silence > 0 else { throw ValidationError("--silence must be more than 0 seconds") }
        guard countdown >= 0, countdown <= 30 else { throw ValidationError("--countdown must be 0...30") }
    }

    func run() throws {
        do {
            try record()
        } catch {
            throw promptFailure(error)
        }
    }

    private func record() throws {
        let prompt = try PromptArguments.name(name)
        var studio = PromptStudio(library: prompts.library)
        studio.rules.maxSeconds = max
        studio.rules.silenceAfterSpeechSeconds = silence
        try studio.library.checkFolder()
        let text = try studio.library.manifest().entry(prompt)?.text
        print("prompt: \(prompt)")
        print(text.map { "say: \"\($0)\"" } ?? "note: '\(prompt)' is not in manifest.yaml; add it with its text")
        let needsPlayback = !noBeep || playBack
        try studio.check(capture: try alsa.resolve(capture), playback: needsPlayback ? try alsa.resolve(playback) : nil)
        let console = RecordingConsole()
        for second in stride(from: countdown, to: 0, by: -1) {
            console.say("recording in \(second)...")
            Thread.sleep(forTimeInterval: 1)
        }
        if !noBeep { try studio.beep(on: try alsa.resolve(playback)) }
        console.say("recording: press Enter or # to stop (max \(Int(max)) s; stops after \(silence) s of silence)")
        let enter = EnterKeyWatcher()
        let session = try studio.record(prompt, from: try alsa.resolve(capture), keypad: DTMFReceiver(),
                                        stopRequested: { enter.pressed },
                                        progress: { seconds, levels in console.meter(seconds, levels.rmsDBFS) })
        console.endMeter()
        print("stopped (\(session.stop)) after \(String(format: "%.2f", session.capturedSeconds)) s of audio")
        print(PromptTakeReport(result: session.result).text, terminator: "")
        if playBack {
            print("playing the take back on \(playback ?? alsa.device)")
            try studio.play(prompt, on: try alsa.resolve(playback))
        }
    }
}
