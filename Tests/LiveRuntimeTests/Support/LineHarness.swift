import CallFlow
import Foundation
import SoundIO
import Storage
import Telephony
@testable import LiveRuntime

/// Runs the store flow on an ALSA line made of raw files (alsa-lib `file` plugin over `null`).
struct LineHarness {
    let dir = TemporaryDirectory()
    let program: FlowProgram
    let sounds: PromptSet
    let store: Store
    /// Monday 23 November 2026, 10:00 in London: the store is open.
    static let openTime = ScriptedCall.parseLocalTime("2026-11-23T10:00", in: TimeZone(identifier: "Europe/London")!)!

    init(prompts: String = Project.prompts) throws {
        let compilation = FlowCompiler.compile(fileAt: Project.storeFlow)
        guard let program = compilation.program else { throw HarnessError.flow(compilation.errors.map(\.description)) }
        self.program = program
        sounds = try PromptSet(program: program, library: PromptLibrary(folder: prompts))
        store = try Store(directory: DataDirectory(url: dir.url.appendingPathComponent("data")))
    }

    enum HarnessError: Error { case flow([String]) }

    /// The sound of prompt `name`.
    func prompt(_ name: String) -> [Int16] { sounds.prompts[program.promptNames.firstIndex(of: name)!] }

    /// A line whose capture plays `capture` and whose playback lands in `playback.raw`.
    func devices(capture: [Int16]) throws -> (playback: ALSADevice, capture: ALSADevice, playbackPath: String) {
        let capturePath = dir.path("capture.raw")
        try RawFile.write(capture, to: capturePath)
        let playbackPath = dir.path("playback.raw")
        return (ALSADevice.rawFiles(playback: playbackPath, name: "play"),
                ALSADevice.rawFiles(capture: capturePath, name: "cap"), playbackPath)
    }

    /// Runs one call through ALSA; `wrap` may wrap the capture source (hang up, fail).
    func run(capture: [Int16], start: Date = LineHarness.openTime, control: LineControl = LineControl(),
             queues: any QueueLink = SoloQueue(), echoCanceller: EchoCanceller.Settings? = nil,
             wrap: (any AudioSource) -> any AudioSource = { $0 }) throws -> (LiveCallResult, [Int16]) {
        let (play, cap, playbackPath) = try devices(capture: capture)
        let configuration = LineConfiguration(periodFrames: 160, periodsPerBuffer: 4)
        let sink = try ALSAPlayback(device: play, configuration: configuration)
        let source = try ALSACapture(device: cap, configuration: configuration)
        var options = LiveCallOptions(callerID: "+441632960123", start: start)
        options.queues = queues
        options.echoCanceller = echoCanceller
        let call = LiveCall(program: program, sounds: sounds, records: CallRecords(store: store), options: options,
                            control: control)
        let result = LiveLine.run(call, source: wrap(source), sink: sink, control: control)
        return (result, try RawFile.read(playbackPath))
    }
}

/// Wraps a source: asks for a hang-up, or fails like an unplugged device, after `frames`.
final class ScriptedSource: AudioSource, @unchecked Sendable {
    enum Act { case hangUp(LineControl), fail(AudioLineError) }
    let base: any AudioSource
    let frames: Int
    let act: Act
    var name: String { base.name }
    var periodFrames: Int { base.periodFrames }
    var clock: SampleClock { base.clock }

    init(_ base: any AudioSource, after frames: Int, _ act: Act) {
        self.base = base
        self.frames = frames
        self.act = act
    }

    func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        if base.clock.frames >= frames {
            switch act {
            case .hangUp(let control): control.hangUp()
            case .fail(let error): throw error
            }
        }
        return try base.read(into: buffer)
    }

    func close() { base.close() }
}
