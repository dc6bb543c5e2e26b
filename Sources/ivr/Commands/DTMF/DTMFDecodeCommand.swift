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
        var receiver = DTMFReceiver()
        var detections: [DTMFDetection] = []
        let collect = { (event: DTMFEvent) in
            if case let .keyUp(detection) = event { detections.append(detection) }
        }
        let reader: SoundFileReader
        do {
            // Block by block: memory stays a few blocks whatever the file's length.
            reader = try SoundFileReader(file, raw: raw.format)
            try reader.forEachBlock { block in receiver.process(block, onEvent: collect) }
        } catch {
            FileHandle.standardError.write(Data("ivr: \(error)\n".utf8))
            throw ExitCode.failure
        }
        receiver.finish().forEach(collect)
        print(DTMFReport(detections: detections).text(timestamps: timestamps), terminator: "")
        if let truncation = reader.truncation {
            FileHandle.standardError.write(Data("ivr: \(truncation)\n".utf8))
        }
    }
}
