import ChildProcesses
import Foundation
import Testing

/// `ivr call FLOW --playback PCM --capture PCM`, run as a child process on PCMs defined in a test
/// `~/.asoundrc` (alsa-lib's `file` plugin over `null`: capture from a raw file, playback into one).
@Suite("ivr call on a live line", .serialized)
struct LiveCallCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A home folder with an asoundrc defining `play` and `cap`, and a data folder.
    final class Line {
        let home: URL
        init() throws {
            home = FileManager.default.temporaryDirectory.appendingPathComponent("livecall-\(UUID())")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let rc = """
            pcm.play { type plug slave { format S16_LE rate 8000 channels 1 pcm { type file slave.pcm "null" format "raw" file "\(path("playback.raw"))" } } }
            pcm.cap { type plug slave { format S16_LE rate 8000 channels 1 pcm { type file slave.pcm "null" format "raw" file "/dev/null" infile "\(path("capture.raw"))" } } }

            """
            try rc.write(toFile: path(".asoundrc"), atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: home) }
        func path(_ name: String) -> String { home.appendingPathComponent(name).path }

        /// The `ivr call` command for the store flow on this line, in opening hours: its arguments
        /// (after the executable) and environment.
        func command(prompts: String = LiveCallCommandTests.root.appendingPathComponent("prompts").path,
                     extra: [String] = []) -> (arguments: [String], environment: [String: String]) {
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = home.path
            return (["call", LiveCallCommandTests.root.appendingPathComponent("flows/store.yaml").path,
                     "--playback", "play", "--capture", "cap", "--at", "2026-11-23T10:00",
                     "--data", path("data"), "--prompts", prompts] + extra, environment)
        }

        /// Starts that `ivr call` with its output and error going where told.
        func start(prompts: String = LiveCallCommandTests.root.appendingPathComponent("prompts").path,
                   extra: [String] = [], stdout: Redirect, stderr: Redirect) throws -> ChildProcess {
            let call = command(prompts: prompts, extra: extra)
            return try ChildProcess(IvrBinary.url.path, call.arguments, environment: call.environment, stdout: stdout, stderr: stderr)
        }
    }

    /// Keys "1" at 0.8 s and 2.5 s (orders, then leave a message), then `noise` seconds of a
    /// steady -20 dBFS noise (a caller who keeps talking) from 14 s on.
    static func capture(noise seconds: Double) -> (samples: [Int16], noiseStart: Int) {
        var samples = [Int16](repeating: 0, count: 6400)
        func key(_ low: Double, _ high: Double) {
            for n in 0..<560 {
                let t = Double(n) / 8000
                samples.append(Int16(7300 * sin(2 * .pi * low * t) + 7300 * sin(2 * .pi * high * t)))
            }
            samples += [Int16](repeating: 0, count: 560)
        }
        key(697, 1209)
        samples += [Int16](repeating: 0, count: 20_000 - samples.count)
        key(697, 1209)
        samples += [Int16](repeating: 0, count: 14 * 8000 - samples.count)
        let noiseStart = samples.count
        var state: UInt32 = 7
        for _ in 0..<Int(seconds * 8000) {
            state = state &* 1_664_525 &+ 1_013_904_223
            samples.append(Int16(truncatingIfNeeded: Int32(bitPattern: state) >> 19))
        }
        samples += [Int16](repeating: 0, count: 8000 * 30)
        return (samples, noiseStart)
    }

    static func writeRaw(_ samples: [Int16], to path: String) throws {
        try samples.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: path))
    }

    /// `ivr voicemail list --json` in the data directory, as an agent would run it; the rows.
    static func listed(_ line: Line) throws -> (rows: [[String: Any]], stderr: String) {
        let list = try IvrBinary.run(["voicemail", "list", "--json", "--data", line.path("data")])
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        return (try #require(rows, "\(list.stdout) \(list.stderr)"), list.stderr)
    }

    /// kill -9 mid-message: the file opens with the caller's audio, and the message (whose row was
    /// written when recording started) is listed with the caller's number and its length on disk
    /// by the next `ivr voicemail list`, without `--repair`. While the call was alive, another
    /// process listing voicemail saw it as `recording` and left it so.
    @Test func killDashNineMidMessageLeavesAReadableFileAndAListedMessage() throws {
        let line = try Line()
        let (samples, noiseStart) = Self.capture(noise: 170)
        try Self.writeRaw(samples, to: line.path("capture.raw"))
        let process = try line.start(extra: ["--caller", "020 7946 0018"], stdout: .null, stderr: .null)
        defer { process.stop(SIGKILL) }
        let folder = line.path("data/voicemail")
        var file: String?
        var sizeBeforeKill = 0
        var duringCall: [[String: Any]] = []
        var markDuringCall: IvrBinary.Result?
        func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            if let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { $0.hasSuffix(".wav") && !$0.hasPrefix(".") }) {
                let path = folder + "/" + name
                if duringCall.isEmpty && size(path) > 48_000 {              // 3 s on disk: ask as an agent would
                    duringCall = try Self.listed(line).rows
                    markDuringCall = try IvrBinary.run(["voicemail", "mark", "1", "heard", "--data", line.path("data")])
                }
                if size(path) > 160_000 {                                  // 10 s of the message on disk
                    sizeBeforeKill = size(path)
                    file = path
                    process.signal(SIGKILL)
                    break
                }
            }
            usleep(2000)
        }
        #expect(process.wait(seconds: 30) == .signalled(SIGKILL))
        let path = try #require(file)
        let name = (path as NSString).lastPathComponent
        // While the call was alive: listed as being recorded, with the caller, and not "recovered".
        #expect(duringCall.count == 1)
        #expect(duringCall.first?["status"] as? String == "recording")
        #expect(duringCall.first?["caller"] as? String == "+442079460018")
        #expect(markDuringCall?.status == 2)
        #expect(markDuringCall?.stderr.contains("still being recorded") == true, "\(markDuringCall?.stderr ?? "")")
        // The header counts every byte on disk: the file opens and holds what was written before the kill.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let header = bytes.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self).prefix(44)) }
        let dataSize = Int(header[40]) | Int(header[41]) << 8 | Int(header[42]) << 16 | Int(header[43]) << 24
        #expect(Array(header[0..<4]) == Array("RIFF".utf8))
        #expect((0...320).contains(bytes.count - 44 - dataSize), "the header is at most one 20 ms period behind the data: \(dataSize) of \(bytes.count - 44)")
        #expect(dataSize >= sizeBeforeKill - 44)
        let info = try IvrBinary.run(["audio", "info", path])
        #expect(info.status == 0, "\(info.stderr)")
        // What was recorded is the caller's audio, sample for sample (from the noise onwards).
        let recorded: [Int16] = bytes.dropFirst(44).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        let noise = Array(samples[noiseStart..<(noiseStart + 800)])
        let at = try #require(recorded.indices.dropLast(800).first { recorded[$0] == noise[0] && Array(recorded[$0..<($0 + 800)]) == noise })
        #expect(Array(recorded[at...]) == Array(samples[(noiseStart)..<(noiseStart + recorded.count - at)]))
        // The next list completes it from the file: caller, topic, mailbox, length on disk; no repair needed.
        let (rows, notes) = try Self.listed(line)
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(notes.contains("recovered interrupted voicemail"), "\(notes)")
        #expect((row["file"] as? String)?.hasSuffix(name) == true)
        #expect(row["status"] as? String == "new")
        #expect(row["interrupted"] as? Bool == true)
        #expect(row["caller"] as? String == "+442079460018")
        #expect(row["topic"] as? String == "orders-and-delivery")
        #expect(row["mailbox"] as? String == "general")
        let duration = try #require(row["duration"] as? Double)
        #expect(abs(duration - Double(dataSize) / 16000) <= 0.021, "length of the audio on disk, within the one period the header may lag")
        #expect(abs(duration - Double(sizeBeforeKill - 44) / 16000) < 1, "at most a second lost")
        let table = try IvrBinary.run(["voicemail", "list", "--data", line.path("data")])
        #expect(table.stdout.contains("new (interrupted)"), "\(table.stdout)")
        #expect(!table.stderr.contains("recovered"), "recovered once only")
        let check = try IvrBinary.run(["voicemail", "check", "--data", line.path("data")])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("voicemail index and files agree"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [name], "no lock file left behind")
    }

    @Test func missingDeviceIsNamed() throws {
        let result = try IvrBinary.run(["call", Self.root.appendingPathComponent("flows/store.yaml").path,
                                        "--device", "no-such-pcm", "--data",
                                        FileManager.default.temporaryDirectory.appendingPathComponent("livecall-\(UUID())").path,
                                        "--prompts", Self.root.appendingPathComponent("prompts").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ALSA PCM 'no-such-pcm': cannot open for playback"))
        #expect(result.stderr.contains("aplay -L"))
    }

    @Test func corruptPromptIsNamedBeforeTheCallStarts() throws {
        let line = try Line()
        let prompts = line.path("prompts")
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("prompts").path, toPath: prompts)
        try Data("RIFF....WAVEnot really".utf8).write(to: URL(fileURLWithPath: prompts + "/greeting.wav"))
        try Self.writeRaw([Int16](repeating: 0, count: 8000), to: line.path("capture.raw"))
        let process = try line.start(prompts: prompts, stdout: .null, stderr: .pipe)
        defer { process.stop(SIGKILL) }
        #expect(process.wait(seconds: 60) == .exited(1))
        process.waitForEndOfOutput(seconds: 10)
        let text = process.errorOutput
        #expect(text.contains(prompts + "/greeting.wav"))
        #expect(!FileManager.default.fileExists(atPath: line.path("playback.raw")))
    }

    @Test func ctrlCMidMessageKeepsItAndIndexesIt() throws {
        let line = try Line()
        let (samples, _) = Self.capture(noise: 170)
        try Self.writeRaw(samples, to: line.path("capture.raw"))
        let process = try line.start(stdout: .pipe, stderr: .null)
        defer { process.stop(SIGKILL) }
        let folder = line.path("data/voicemail")
        let deadline = Date().addingTimeInterval(60)
        var interrupted = false
        while Date() < deadline && process.isRunning && !interrupted {
            if let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { $0.hasSuffix(".wav") }),
               ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0) > 160_000 {
                process.signal(SIGINT)
                interrupted = true
            }
            usleep(2000)
        }
        let ended = process.wait(seconds: 60)
        process.waitForEndOfOutput(seconds: 10)
        let text = process.output
        #expect(interrupted)
        #expect(ended == .exited(0), "\(text)")
        #expect(text.contains("caller-hangup"))
        #expect(text.contains("voicemail    general saved"))
        let list = try IvrBinary.run(["voicemail", "list", "--json", "--data", line.path("data")])
        #expect(list.stdout.contains("\"status\":\"new\"") || list.stdout.contains("\"status\" : \"new\""), "\(list.stdout)")
        let check = try IvrBinary.run(["voicemail", "check", "--data", line.path("data")])
        #expect(check.status == 0)
    }

    /// Keys typed on a terminal reach the flow (run under `script`, which gives `ivr` a pseudo-terminal).
    @Test func keysTypedOnTheTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let line = try Line()
        try Self.writeRaw([Int16](repeating: 0, count: 8000 * 5), to: line.path("capture.raw"))
        let call = line.command()
        let command = ([IvrBinary.url.path] + call.arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = try ChildProcess("/usr/bin/script", ["-qfec", command, "/dev/null"], environment: call.environment,
                                       stdin: .pipe, stdout: .pipe, stderr: .null)
        defer { process.stop(SIGKILL) }
        _ = process.waitForOutput("type keys", seconds: 30)
        process.write("1")
        _ = process.waitForOutput("step         orders", seconds: 30)
        process.stop(SIGTERM, grace: 10)
        process.waitForEndOfOutput(seconds: 5)
        #expect(process.output.contains("digit        1 (keyed)"), "\(process.output)")
        #expect(process.output.contains("step         orders"))
    }
}
