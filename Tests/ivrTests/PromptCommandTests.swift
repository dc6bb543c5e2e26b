import ChildProcesses
import Foundation
import Testing

/// `ivr prompt ...` run as staff would, with ALSA's file plugin standing in for a headset.
@Suite("ivr prompt, end to end")
final class PromptCommandTests {
    let dir: URL

    deinit { try? FileManager.default.removeItem(at: dir) }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("prompt-cli-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("prompts"),
                                                withIntermediateDirectories: true)
        try """
        prompts:
          - name: greeting
            text: "Thank you for calling."
          - name: goodbye
            text: "Goodbye."
        """.write(to: dir.appendingPathComponent("prompts/manifest.yaml"), atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// An asoundrc with a `mic` reading `mic.raw` and a `speaker` writing `speaker.raw` (then `.0001`, ...).
    func writeALSAConfig() throws {
        func pcm(_ name: String, _ body: String) -> String {
            "pcm.\(name) { type plug slave { pcm { type file slave.pcm { type null } format \"raw\" \(body) } "
                + "format S16_LE rate 8000 channels 1 } }\n"
        }
        let text = pcm("mic", "file \"/dev/null\" infile \"\(path("mic.raw"))\"")
            + pcm("speaker", "file \"\(path("speaker.raw"))\" truncate false")
        try text.write(toFile: path("studio.conf"), atomically: true, encoding: .utf8)
    }

    /// Raw S16_LE mono 8 kHz: `lead` s of silence, a loud 300 Hz hum for `sound` s, then `tail` s of silence.
    func writeMicrophone(lead: Double, sound: Double, tail: Double) throws {
        let samples = [Int16](repeating: 0, count: Int(lead * 8000))
            + (0..<Int(sound * 8000)).map { Int16(8000 * sin(2 * .pi * 300 * Double($0) / 8000)) }
            + [Int16](repeating: 0, count: Int(tail * 8000))
        try Data(samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] })
            .write(to: URL(fileURLWithPath: path("mic.raw")))
    }

    @Test func recordThenListThenPlay() throws {
        try writeALSAConfig()
        try writeMicrophone(lead: 1, sound: 2, tail: 6)
        let record = try IvrBinary.run(["prompt", "record", "greeting", "--prompts", "prompts",
                                        "--alsa-config", "studio.conf", "--capture", "mic", "--playback", "speaker",
                                        "--countdown", "0"], in: dir)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stdout.contains("say: \"Thank you for calling.\""))
        #expect(record.stdout.contains("stopped (silence after speech)"))
        #expect(record.stdout.contains("saved prompts/greeting.wav: 2.2"))
        #expect(record.stdout.contains("-20.0 dBFS RMS"))
        // Each open of the speaker writes a new file: the device check leaves speaker.raw empty,
        // the beep (250 ms of tone plus 50 ms of silence) is in speaker.raw.0001.
        let check = try Data(contentsOf: URL(fileURLWithPath: path("speaker.raw")))
        #expect(check.isEmpty)
        let beep = try Data(contentsOf: URL(fileURLWithPath: path("speaker.raw.0001")))
        #expect(beep.count == 2400 * 2)

        let list = try IvrBinary.run(["prompt", "list", "--prompts", "prompts"], in: dir)
        #expect(list.status == 0)
        #expect(list.stdout.contains("greeting            ok       2.2"))
        #expect(list.stdout.contains("goodbye             MISSING"))
        #expect(list.stdout.contains("2 prompts: 1 present, 1 missing, 0 with warnings"))

        let play = try IvrBinary.run(["prompt", "play", "greeting", "--prompts", "prompts",
                                      "--alsa-config", "studio.conf", "--device", "speaker"], in: dir)
        #expect(play.status == 0, "\(play.stderr)")
        let played = try Data(contentsOf: URL(fileURLWithPath: path("speaker.raw.0002")))
        let saved = try Data(contentsOf: dir.appendingPathComponent("prompts/greeting.wav"))
        #expect(played == saved.dropFirst(44))
    }

    @Test func killedRecordingLeavesAReadableTake() throws {
        try writeALSAConfig()
        try writeMicrophone(lead: 0, sound: 20, tail: 0)
        let process = try ChildProcess(IvrBinary.url.path, ["prompt", "record", "greeting", "--prompts", "prompts",
                                                            "--alsa-config", "studio.conf", "--device", "mic", "--no-beep",
                                                            "--countdown", "0", "--max", "3600"],
                                       directory: dir.path, stdin: .null, stdout: .null, stderr: .inherit)
        defer { process.stop(SIGKILL) }
        let takes = dir.appendingPathComponent("prompts/.takes")
        var take: URL?
        for _ in 0..<3000 where take == nil {  // up to 30 s on a loaded machine
            usleep(10_000)
            if let file = try? FileManager.default.contentsOfDirectory(at: takes, includingPropertiesForKeys: nil).first,
               let size = try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int,
               size > 6 * 16000 {  // 6 s on disk, so 5 s is certain even if the last header update lost
                take = file
            }
        }
        #expect(process.stop(SIGKILL) == .signalled(SIGKILL))
        let file = try #require(take)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let info = try IvrBinary.run(["audio", "info", file.path])
        #expect(info.status == 0, "\(info.stderr)")
        // The header counts everything on disk, except at most the one period whose header update
        // the kill may have beaten (the promise is "at most the last second").
        let frames = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("frames:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") })
        let onDisk = (size - 44) / 2
        #expect(frames <= onDisk && frames >= onDisk - 160, "header \(frames) frames, data \(onDisk)")
        #expect(frames > 5 * 8000)
    }

    @Test func listForAFlowShowsWhatItPlaysAndWhatIsMissing() throws {
        try """
        steps:
          hello:
            play: [greeting, main-menu]
            next: bye
          bye:
            play: goodbye
            next: hangup
        """.write(toFile: path("mini.yaml"), atomically: true, encoding: .utf8)
        let samples = (0..<8000).map { Int16(6000 * sin(2 * .pi * 440 * Double($0) / 8000)) }
        try AudioInfoCommandTests.wav(samples).write(to: dir.appendingPathComponent("prompts/greeting.wav"))
        try AudioInfoCommandTests.wav(samples).write(to: dir.appendingPathComponent("prompts/unused.wav"))
        let list = try IvrBinary.run(["prompt", "list", "--prompts", "prompts", "--flow", "mini.yaml"], in: dir)
        #expect(list.status == 0, "\(list.stderr)")
        let names = list.stdout.split(separator: "\n").dropFirst().filter { !$0.hasPrefix(" ") }
            .compactMap { $0.split(separator: " ").first }
        #expect(names.prefix(3) == ["goodbye", "greeting", "main-menu"])
        // A 6000-peak sine: peak 20·log10(6000/32768) = -14.7 dBFS, RMS 3.0 dB lower.
        #expect(list.stdout.contains("greeting            ok       1.00 s    -17.8 dBFS  -14.7 dBFS"))
        #expect(list.stdout.contains("record it: ivr prompt record goodbye  (\"Goodbye.\")"))
        #expect(list.stdout.contains("record it: ivr prompt record main-menu  (not in manifest.yaml)"))
        #expect(!list.stdout.contains("unused"))
        #expect(list.stdout.hasSuffix("3 prompts used by mini.yaml: 1 present, 2 missing, 0 with warnings\n"))
    }

    @Test func importRejectsBadNamesAndBadFiles() throws {
        let badName = try IvrBinary.run(["prompt", "import", "x.wav", "../evil", "--prompts", "prompts"], in: dir)
        #expect(badName.status != 0)
        #expect(badName.stderr.contains("'../evil' is not a prompt name"))
        try "not audio".write(toFile: path("junk.wav"), atomically: true, encoding: .utf8)
        let junk = try IvrBinary.run(["prompt", "import", "junk.wav", "goodbye", "--prompts", "prompts"], in: dir)
        #expect(junk.status == 1)
        #expect(junk.stderr.contains("junk.wav: error: not a sound format libsndfile recognises"))
        let noFolder = try IvrBinary.run(["prompt", "list", "--prompts", "nowhere"], in: dir)
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("nowhere: error: no prompts folder here"))
    }
}
