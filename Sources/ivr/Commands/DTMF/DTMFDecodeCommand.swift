import ArgumentParser
import Foundation
import SoundIO
import Telephony

/// `ivr dtmf decode FILE`: prints the keys heard in a sound file.
struct DTMFDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print the DTMF keys heard in a sound file, on one line.",
        discussion: "Reads any format libsndfile reads, at any rate (converted to mono 8 kHz). "
            + "Nothing but the keys goes to standard output.")

    @Argument(help: "The sound file (WAV, FLAC, Ogg, AIFF, ... or raw with --raw).")
    var file: String

    @Flag(help: "Also print one line per key: the key, its start and end in seconds.")
    var timestamps = false

    @OptionGroup var raw: RawFormatOption

    func run() throws {
        let samples: [Int16]
        do {
            samples = try SoundFile.read(file, raw: raw.format)
        } catch {
            FileHandle.standardError.write(Data("ivr: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let report = DTMFReport(detections: DTMFReceiver.detect(samples))
        print(report.text(timestamps: timestamps), terminator: "")
    }
}
