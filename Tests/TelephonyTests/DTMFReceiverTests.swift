import Testing
@testable import Telephony

/// Keys heard in `samples`, as a string.
func heard(_ samples: [Int16]) -> String {
    DTMFReceiver.detect(samples).map(\.key).dtmfString
}

/// Samples for `digits` with `options`, after `leadIn` samples of silence.
func dtmf(_ digits: String, _ options: DTMFGenerator.Options = .init(), leadIn: Int = 0) -> [Int16] {
    [Int16](repeating: 0, count: leadIn) + (try! DTMFGenerator(options: options).samples(digits: digits))
}

@Suite struct DTMFReceiverTests {
    static let allKeys = "123A456B789C*0#D"

    @Test func allSixteenKeysRoundTrip() {
        #expect(heard(dtmf(Self.allKeys)) == Self.allKeys)
    }

    @Test func timesAreWithinTwoMilliseconds() {
        // Odd lead-in so tones do not line up with the 5 ms sub-blocks.
        let lead = 1237
        let options = DTMFGenerator.Options(toneDuration: 0.063, gapDuration: 0.051)
        let detections = DTMFReceiver.detect(dtmf("159D", options, leadIn: lead))
        #expect(detections.count == 4)
        for (index, detection) in detections.enumerated() {
            let start = lead + index * (504 + 408)
            #expect(abs(detection.startSample - start) <= 16, "\(detection) vs start \(start)")
            #expect(abs(detection.endSample - (start + 504)) <= 16, "\(detection) vs end \(start + 504)")
        }
    }

    @Test func chunkSizeDoesNotMatter() {
        let audio = dtmf("84#2", .init(toneDuration: 0.045, gapDuration: 0.045), leadIn: 333)
        let whole = DTMFReceiver.detect(audio)
        var receiver = DTMFReceiver()
        var events: [DTMFEvent] = []
        var index = 0
        var size = 1
        while index < audio.count {
            let end = min(audio.count, index + size)
            audio[index..<end].withUnsafeBufferPointer { buffer in
                receiver.process(buffer) { events.append($0) }
            }
            index = end
            size = (size * 7 + 3) % 211 + 1
        }
        events += receiver.finish()
        let pieces = events.compactMap { event -> DTMFDetection? in
            if case let .keyUp(detection) = event { return detection }
            return nil
        }
        #expect(whole.count == 4)
        #expect(pieces == whole)
    }

    @Test func keyDownComesEarlyAndOncePerPress() {
        let lead = 800
        var receiver = DTMFReceiver()
        let audio = dtmf("77", .init(toneDuration: 0.2, gapDuration: 0.1), leadIn: lead)
        var keyDowns: [(DTMFKey, Int)] = []
        var keyUps = 0
        // 10 ms chunks, as a live line would deliver them.
        for start in stride(from: 0, to: audio.count, by: 80) {
            let chunkEnd = min(audio.count, start + 80)
            audio[start..<chunkEnd].withUnsafeBufferPointer { buffer in
                receiver.process(buffer) { event in
                    switch event {
                    case let .keyDown(key, _): keyDowns.append((key, chunkEnd))
                    case .keyUp: keyUps += 1
                    }
                }
            }
            if start == lead + 800 { #expect(receiver.currentKey == .seven) }
        }
        _ = receiver.finish()
        #expect(keyDowns.map(\.0) == [.seven, .seven])
        #expect(keyUps == 2)
        // Known by the end of the chunk that holds 40 ms of tone: well inside the 60 ms budget.
        #expect(keyDowns[0].1 - lead <= 320 + 80)
        #expect(receiver.currentKey == nil)
    }

    @Test func longToneWithShortDropoutsIsOnePress() {
        let tone = DTMFGenerator(options: .init(toneDuration: 0.3)).tone(.five)
        var dipped = tone
        for index in 800..<880 { dipped[index] = 0 }  // 10 ms drop-out
        for index in 1600..<1680 { dipped[index] /= 20 }  // 10 ms fade by 26 dB
        #expect(heard(dipped + [Int16](repeating: 0, count: 800)) == "5")
    }

    @Test func silenceAndEmptyInputGiveNothing() {
        #expect(heard([Int16](repeating: 0, count: 8000)).isEmpty)
        #expect(heard([]).isEmpty)
    }
}
