import ArgumentParser
import Foundation
import SoundIO
import Storage

extension VoicemailCommand {
    /// `ivr voicemail play ID [--device PCM] [--mark-heard]`.
    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a voicemail on an ALSA playback device.",
            discussion: "The device is an ALSA PCM name: default, plughw:1,0, or one from your asoundrc.")

        @Argument(help: "Voicemail id (a positive number).", transform: RecordID.voicemail) var id: Int64
        @Option(help: "ALSA playback PCM.") var device = "default"
        @Flag(help: "Mark the voicemail heard once it has played to the end.") var markHeard = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let opened = try reportingRefusals { try store.openStoreRecoveringVoicemail() }
            let record = try reportingRefusals { try opened.voicemail(id) }
            let url = try reportingRefusals { try opened.checkedRecordingURL(of: record) }
            do {
                let samples = try SoundFile.read(url.path)
                let sink = try ALSAPlayback(device: .named(device))
                print("playing voicemail \(id) (\(StoreText.duration(record.duration)), from \(record.caller ?? "unknown")) on \(device)")
                try AudioPlayer.play(samples, to: sink)
            } catch let error as SoundFileError {
                StoreText.printError(error.description)
                throw ExitCode.failure
            } catch let error as AudioLineError {
                StoreText.printError(error.description)
                throw ExitCode.failure
            }
            if markHeard {
                _ = try reportingRefusals { try opened.markVoicemail(id, as: .heard) }
                print("voicemail \(id): heard")
            }
        }
    }
}
