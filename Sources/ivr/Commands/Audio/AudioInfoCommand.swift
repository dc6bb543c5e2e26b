import ArgumentParser
import Foundation
import SoundIO

/// `ivr audio info FILE`: format, rate, channels, duration, peak and RMS level.
struct AudioInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show a sound file's format, rate, channels, duration, peak and RMS level (dBFS).",
        discussion: "Levels are measured over every channel at the file's own rate; 0 dBFS is full scale "
            + "and a full-scale sine reads -3.0 dBFS RMS.")

    @Argument(help: "The sound file (WAV, FLAC, Ogg, AIFF, ... or raw with --raw).")
    var file: String

    @OptionGroup var raw: RawFormatOption

    func run() throws {
        let format = raw.format
        do {
            let info = try SoundFile.info(file, raw: format)
            let scan = try SoundFile.scan(file, raw: format)
            print(AudioInfoReport(info: info, levels: scan.levels).text, terminator: "")
            if let truncation = scan.truncation {
                FileHandle.standardError.write(Data("ivr: \(truncation)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("ivr: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
