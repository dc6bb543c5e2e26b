import CallFlow
import Foundation
import SoundIO
import Telephony

/// Every sound a flow can play, loaded before the call is answered: prompts, hold music, the beep.
///
/// Loading up front means a missing or corrupt prompt file is reported (file and libsndfile's
/// words) before a caller hears anything, never in the middle of a call.
public struct PromptSet: Sendable {
    /// Prompt audio by prompt index (``FlowProgram/promptNames``).
    public let prompts: [[Int16]]
    /// Hold music tracks by music index (``FlowProgram/musicNames``); each holds one or more tracks.
    public let music: [[[Int16]]]
    /// The beep played before a voicemail recording.
    public let beep: [Int16]

    /// Loads every prompt and hold music of `program` from `library`.
    ///
    /// Music `NAME` is `music/NAME.wav`, or every `.wav` in the folder `music/NAME/` (sorted by name).
    public init(program: FlowProgram, library: PromptLibrary) throws(LiveCallError) {
        var prompts: [[Int16]] = []
        for name in program.promptNames {
            guard let promptName = PromptName(name) else { throw .prompt(PromptLibraryError.badName(name).description) }
            do { prompts.append(try library.load(promptName)) } catch { throw .prompt(error.description) }
        }
        var music: [[[Int16]]] = []
        for name in program.musicNames {
            music.append(try Self.loadMusic(name, in: library.folder))
        }
        self.prompts = prompts
        self.music = music
        beep = ToneGenerator.render(.voicemailBeep)
    }

    /// A set made from audio already in memory (tests and tools).
    public init(prompts: [[Int16]], music: [[[Int16]]], beep: [Int16] = ToneGenerator.render(.voicemailBeep)) {
        self.prompts = prompts
        self.music = music
        self.beep = beep
    }

    /// The tracks of hold music `name` in the library folder `folder`: `music/NAME.wav`, or every
    /// `.wav` in `music/NAME/` (sorted by name).
    public static func loadMusic(_ name: String, in folder: String) throws(LiveCallError) -> [[Int16]] {
        let base = (folder as NSString).appendingPathComponent("music")
        let file = (base as NSString).appendingPathComponent(name + ".wav")
        let directory = (base as NSString).appendingPathComponent(name)
        var paths: [String] = []
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            paths = entries.filter { $0.hasSuffix(".wav") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
        } else if FileManager.default.fileExists(atPath: file) {
            paths = [file]
        }
        guard !paths.isEmpty else {
            throw .prompt("\(file): error: hold music '\(name)' not found; add \(file) or a folder \(directory)/ of WAV files")
        }
        var tracks: [[Int16]] = []
        for path in paths {
            do {
                let samples = try SoundFile.read(path)
                if !samples.isEmpty { tracks.append(samples) }
            } catch { throw .prompt(error.description) }
        }
        guard !tracks.isEmpty else { throw .prompt("\(directory): error: hold music '\(name)' holds no audio") }
        return tracks
    }
}
