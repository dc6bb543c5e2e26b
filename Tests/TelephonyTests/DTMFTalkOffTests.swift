import ChildProcesses
import Foundation
import Testing
@testable import Telephony

/// Talk-off: speech and music must never produce a key.
@Suite struct DTMFTalkOffTests {
    static let script = """
        Thank you for calling the support line. Your call is important to us. Please listen carefully, \
        as our menu options have changed. For billing questions, press one. To report a fault, press two. \
        For opening hours and the address of our nearest shop, press three. To speak to an agent, stay on \
        the line. Calls may be recorded for training and quality purposes. We are currently experiencing \
        a high volume of calls, and the expected waiting time is about four minutes. You can also find \
        answers to common questions on our website, where you may manage your account, pay a bill, or \
        book an engineer visit at a time that suits you. Seven, eight, nine, zero, star, hash. \
        Hello? Hello! Yes, I'd like to speak to somebody about my order, number four four seven two.
        """

    /// A second, shorter script (the one scripts/compare-spandsp speaks).
    static let queueScript = """
        Thank you for calling the support line. Your call is important to us. Please listen carefully, \
        as our menu options have changed. For billing questions, press one. To report a fault, press two. \
        To speak to an agent, stay on the line. We are currently experiencing a high volume of calls, \
        and the expected waiting time is about four minutes.
        """

    /// Speech from espeak-ng, resampled to 8 kHz mono by sox (both installed by scripts/setup).
    static func speech(voice: String, pitch: Int, speed: Int, text: String = script) throws -> [Int16] {
        let shell = try ChildProcess("/bin/sh", ["-c", "espeak-ng -v \"$1\" -p \"$2\" -s \"$3\" --stdout \"$4\" | "
                                                 + "sox -q -t wav - -t raw -r 8000 -e signed -b 16 -c 1 - 2>/dev/null",
                                                 "speech", voice, String(pitch), String(speed), text],
                                     stdout: .pipe, stderr: .inherit)
        _ = shell.wait(seconds: 120) ?? shell.stop(SIGKILL)
        shell.waitForEndOfOutput(seconds: 10)
        return shell.outputData.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    @Test func noKeysInSeveralMinutesOfSpeech() throws {
        let voices = [("en", 50), ("en-us+f3", 70), ("en+m7", 30), ("en-gb-x-rp+f2", 90), ("de", 40),
                      ("fr", 60), ("es", 50), ("it", 80), ("nl", 20), ("pl", 99), ("en+f4", 99), ("en+m3", 0)]
        // One continuous stream (as a caller talking), so tone alignment against the receiver's 5 ms
        // blocks differs from voice to voice; every third voice also 15 dB quieter through µ-law.
        var stream: [Int16] = []
        var coded: [Int16] = []
        let gain = Decibels.amplitudeRatio(-15)
        for (number, (voice, pitch)) in voices.enumerated() {
            let audio = try Self.speech(voice: voice, pitch: pitch, speed: 165)
                + Self.speech(voice: voice, pitch: pitch, speed: 150, text: Self.queueScript)
            stream += audio
            if number % 3 == 0 { coded += G711Law.ulaw.transcode(audio.map { Int16((Double($0) * gain).rounded()) }) }
        }
        let heard = DTMFReceiver.detect(stream)
        #expect(heard.isEmpty, "speech gave \(heard) (sample indices in the \(stream.count / 8000) s stream)")
        let heardCoded = DTMFReceiver.detect(coded)
        #expect(heardCoded.isEmpty, "quiet µ-law speech gave \(heardCoded)")
        // Guard against a silent failure to synthesise: at least 6 minutes of speech were checked.
        #expect(stream.count >= 6 * 60 * 8000, "only \(stream.count / 8000) s of speech; is espeak-ng installed (scripts/setup)?")
    }

    /// A note with a few harmonics, as instruments have, and a soft attack and decay.
    static func note(_ frequency: Double, seconds: Double, level: Double) -> [Double] {
        let count = Int(seconds * 8000)
        return (0..<count).map { n in
            let t = Double(n) / 8000
            let envelope = min(1, t / 0.02) * exp(-t * 1.5)
            var value = 0.0
            for (harmonic, weight) in [(1.0, 1.0), (2.0, 0.5), (3.0, 0.3), (4.0, 0.15)] where frequency * harmonic < 3800 {
                value += weight * sin(2 * Double.pi * frequency * harmonic * t)
            }
            return level * envelope * value
        }
    }

    @Test func noKeysInMusicLikeChords() {
        // Every major and minor triad with roots from C4 to B5, plus the same chords with the
        // octave above (so notes fall near the DTMF rows and columns), 300 ms each.
        var audio: [Int16] = []
        let peak = Decibels.sinePeak(dBm0: -12)
        for root in 60...83 {
            for third in [3, 4] {
                for voicing in [[0, third, 7], [0, third, 7, 12 + third, 19]] {
                    let frequencies = voicing.map { 440 * pow(2, Double(root + $0 - 69) / 12) }
                    var mix = [Double](repeating: 0, count: 2400)
                    for frequency in frequencies {
                        for (index, value) in Self.note(frequency, seconds: 0.3, level: peak / 2).enumerated() {
                            mix[index] += value
                        }
                    }
                    audio += mix.map { Int16(max(-32768, min(32767, $0.rounded()))) }
                }
            }
        }
        #expect(audio.count == 24 * 2 * 2 * 2400)
        #expect(DTMFReceiver.detect(audio).isEmpty)
    }
}
