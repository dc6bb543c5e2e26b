import Foundation
import Testing
@testable import SoundIO

@Suite("Prompt list: present, missing, levels, warnings")
struct PromptStatusTests {
    let dir = TemporaryDirectory("status")

    @Test func reportsEveryKindOfProblem() throws {
        let library = PromptLibrary(folder: dir.url.path)
        try """
        prompts:
          - name: greeting
            text: Thank you for calling.
          - name: goodbye
            text: Goodbye.
          - name: quiet
            text: Shh.
          - name: hot
            text: Loud.
          - name: stereo
            text: Two channels.
        """.write(toFile: library.manifestPath, atomically: true, encoding: .utf8)
        let tone = SampleConversion.int16(from: Signals.sine(440, amplitude: 0.3, seconds: 1, rate: 8000))
        try WAVWriter.write(samples: tone, to: dir.path("greeting.wav"))
        try WAVWriter.write(samples: tone.map { $0 / 100 }, to: dir.path("quiet.wav"))
        try WAVWriter.write(samples: tone.map { $0 > 5000 ? Int16.max : $0 }, to: dir.path("hot.wav"))
        let floats = Signals.sine(440, amplitude: 0.3, seconds: 0.5, rate: 16000)
        try SoundFile.write(interleaved: Signals.interleave(floats, floats), channels: 2, sampleRate: 16000,
                            format: .wavPCM16, to: dir.path("stereo.wav"))
        try WAVWriter.write(samples: tone, to: dir.path("extra.wav"))
        try "junk".write(toFile: dir.path("broken.wav"), atomically: true, encoding: .utf8)

        let statuses = try library.statuses(required: [PromptName("greeting")!, PromptName("menu")!])
        let byName = Dictionary(uniqueKeysWithValues: statuses.map { ($0.name.value, $0) })
        #expect(statuses.map(\.name.value) == ["broken", "extra", "goodbye", "greeting", "hot", "menu", "quiet", "stereo"])
        #expect(byName["greeting"]?.warnings == [])
        #expect(byName["greeting"]?.duration == 1)
        #expect(byName["greeting"]?.usedByFlow == true)
        #expect(byName["goodbye"]?.isPresent == false && byName["goodbye"]?.usedByFlow == false)
        #expect(byName["menu"]?.isPresent == false && byName["menu"]?.text == nil)
        #expect(byName["extra"]?.warnings == [.notInManifest])
        #expect(byName["quiet"]?.warnings.first.map { if case .tooQuiet = $0 { true } else { false } } == true)
        #expect(byName["hot"]?.warnings.first.map { if case .clipping = $0 { true } else { false } } == true)
        #expect(byName["stereo"]?.warnings.first.map { if case .wrongFormat = $0 { true } else { false } } == true)
        #expect(byName["broken"]?.warnings.first.map { if case .unreadable = $0 { true } else { false } } == true)
    }
}
