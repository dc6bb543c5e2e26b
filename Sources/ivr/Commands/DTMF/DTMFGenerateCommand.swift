import ArgumentParser
import Foundation
import SoundIO
import Telephony

/// `ivr dtmf generate DIGITS -o FILE`: writes key presses as a WAV PCM-16 mono file.
struct DTMFGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write DTMF key presses (0-9 * # A-D) to a WAV file.",
        discussion: "Each key is a tone followed by a gap. Levels are per tone in dBm0 "
            + "(0 dBm0 = sine peak 0.7 of full scale); twist is high-group minus low-group level.")

    @Argument(help: "The keys to press, e.g. 123#.")
    var digits: String

    @Option(name: .shortAndLong, help: "The WAV file to write.")
    var output: String

    @Option(name: .customLong("tone-ms"), help: "Tone length in milliseconds.")
    var toneMs: Double = 70

    @Option(name: .customLong("gap-ms"), help: "Silence after each tone in milliseconds.")
    var gapMs: Double = 70

    @Option(name: .customLong("level-dbm0"), parsing: .unconditional, help: "Low-group tone level in dBm0.")
    var levelDBm0: Double = -10

    @Option(name: .customLong("twist-db"), parsing: .unconditional, help: "High-group level minus low-group level, in dB.")
    var twistDB: Double = 0

    @Option(help: "Sample rate in Hz.")
    var rate: Int = 8000

    /// The shortest pause between key presses a receiver must accept (ITU-T Q.24), in milliseconds.
    static let minimumGapMs: Double = 40

    func validate() throws {
        guard !digits.isEmpty else {
            throw ValidationError("no keys to press: give at least one of 0-9 * # A-D, e.g. ivr dtmf generate 123# -o keys.wav")
        }
        do { _ = try DTMFKey.parse(digits) } catch { throw ValidationError(error.description) }
        guard toneMs > 0, toneMs <= 60_000 else { throw ValidationError("--tone-ms must be above 0 and at most 60000") }
        guard gapMs >= 0, gapMs <= 60_000 else { throw ValidationError("--gap-ms must be from 0 to 60000") }
        guard (4000...192_000).contains(rate) else { throw ValidationError("--rate must be from 4000 to 192000 Hz") }
        guard levelDBm0 <= 3, levelDBm0 + twistDB <= 3 else {
            throw ValidationError("tone levels above +3 dBm0 clip; lower --level-dbm0 or --twist-db")
        }
    }

    func run() throws {
        if gapMs < Self.minimumGapMs, digits.count > 1 {
            FileHandle.standardError.write(Data(("ivr: warning: --gap-ms \(String(format: "%g", gapMs)) is under the \(Int(Self.minimumGapMs)) ms "
                + "minimum pause (ITU-T Q.24): a receiver may hear repeated keys as one press; "
                + "writing it anyway (useful to test a decoder)\n").utf8))
        }
        let options = DTMFGenerator.Options(toneDuration: toneMs / 1000, gapDuration: gapMs / 1000,
                                            levelDBm0: levelDBm0, twistDB: twistDB, sampleRate: rate)
        let samples = try DTMFGenerator(options: options).samples(digits: digits)
        do {
            try WAVWriter.write(samples: samples, to: output, sampleRate: rate)
        } catch {
            FileHandle.standardError.write(Data("ivr: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
