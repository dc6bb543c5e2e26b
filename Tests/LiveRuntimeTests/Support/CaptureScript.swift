import Foundation
import Telephony

/// Builds the caller's side of a call as audio: silence, DTMF keys (Telephony's generator) and speech.
struct CaptureScript {
    private(set) var samples: [Int16] = []
    /// Where each key's tone starts and ends, in samples.
    private(set) var keys: [(key: Character, start: Int, end: Int)] = []
    /// Where each piece of speech starts and ends, in samples.
    private(set) var speech: [(start: Int, end: Int)] = []

    /// Pads with silence up to `seconds`.
    mutating func silence(until seconds: Double) {
        let target = Int(seconds * 8000)
        if samples.count < target { samples += [Int16](repeating: 0, count: target - samples.count) }
    }

    /// A key tone (70 ms unless asked) at -10 dBm0 per tone, then as much silence.
    mutating func key(_ character: Character, seconds: Double = 0.070) {
        var options = DTMFGenerator.Options()
        options.toneDuration = seconds
        let generator = DTMFGenerator(options: options)
        let tone = generator.tone(DTMFKey(character)!)
        keys.append((character, samples.count, samples.count + tone.count))
        samples += tone
        samples += [Int16](repeating: 0, count: tone.count)
    }

    /// Speech audio.
    mutating func say(_ audio: [Int16]) {
        speech.append((samples.count, samples.count + audio.count))
        samples += audio
    }

    /// Current length in seconds.
    var seconds: Double { Double(samples.count) / 8000 }
}
