import Foundation

/// A streaming DTMF receiver for 16-bit PCM at 8 kHz, built to ITU-T Q.24.
///
/// **What it does.** Feed it audio in chunks of any size; it reports each key press once, with
/// its start and end in samples since the receiver started, plus an early `keyDown` about 30-35 ms
/// after a tone begins so a live line can stop a prompt at once.
///
/// **How it works.** See docs/DSP.md for the full story.
/// 1. *Demodulate* (per sample): each 5 ms sub-block (40 samples) is correlated with the 8 DTMF
///    frequencies (one SIMD multiply-add per sample for the real and imaginary parts) and its
///    energy summed. Each sub-block's 8 complex results are rotated onto one absolute phase
///    reference, so consecutive sub-blocks can be added coherently.
/// 2. *Classify* (every 5 ms): the last three sub-blocks form a 15 ms window. The window names a
///    key when all of these hold (thresholds in `DTMFThresholds`):
///    each group's strongest tone ≥ -38 dBm0; twist between -12 and +6 dB; each group's strongest
///    tone 10 dB above the next in its group and the two tones ≥ -2.5 dB of the window's total
///    power, or (each tone at least 3 dB above the next) the two tones ≥ -1 dB of the power.
/// 3. *Track the press* (every 5 ms): a press begins at a window naming a key and reaches back
///    over earlier sub-blocks where that key already sounded. Each sub-block's *coverage* is its
///    amplitude at the key's two frequencies relative to the press's strongest sub-block, which
///    measures how much of those 5 ms the tone filled, giving start, end and duration to about 1 ms.
/// 4. *Confirm* (key-down): duration ≥ 30 ms; over the steady part of the tone, the phase advance
///    between windows 5 ms apart puts both frequencies within ±1.8 % of nominal and their ratio
///    within 3.3 %; then the closer to nominal, the more the window pairs may wander and the less
///    of the power the tones need to hold (`ToneMeasurement.isGenuine`, docs/DSP.md). A candidate
///    that cannot confirm within its first 70 ms never does.
/// 5. *End* (key-up): 5 sub-blocks in a row without the key (25 ms), or 2 windows naming another key.
///
/// Debounce truth table (one row per 5 ms step; "window" = the 15 ms classification):
///
/// | press state      | window says    | sub-block coverage | result                                  |
/// |------------------|----------------|--------------------|-----------------------------------------|
/// | none             | no key         | –                  | stay idle                               |
/// | none             | key K          | –                  | start candidate K (start found by look-back) |
/// | candidate K      | K or no key    | ≥ 50 %             | extend; confirm if ≥ 30 ms and step 4 holds → **keyDown** |
/// | candidate K      | K or no key    | < 50 %             | count a gap step; 5 in a row → drop silently (too short or off frequency) |
/// | confirmed K      | K or no key    | ≥ 50 %             | extend (a dip of ≤ 15 ms only counts ≤ 3 gap steps) |
/// | confirmed K      | K or no key    | < 50 %             | count a gap step; 5 in a row → **keyUp** (reported once) |
/// | candidate/confirmed K | other key J twice | –           | end K (keyUp if confirmed), start candidate J |
public struct DTMFReceiver: Sendable {
    /// The only sample rate the receiver accepts, in Hz.
    public static let sampleRate = 8000

    let tables = DTMFDemodulator.shared
    // Demodulator state for the sub-block being filled.
    var accumulatedRe = SIMD8<Float>()
    var accumulatedIm = SIMD8<Float>()
    var accumulatedEnergy: Float = 0
    var positionInSubBlock = 0
    var subBlockIndex = 0
    var rotationRe = SIMD8<Float>(repeating: 1)
    var rotationIm = SIMD8<Float>()
    // History of finished sub-blocks, indexed by `index % historyLength`.
    var historyRe = [SIMD8<Float>](repeating: .zero, count: DTMFThresholds.historyLength)
    var historyIm = [SIMD8<Float>](repeating: .zero, count: DTMFThresholds.historyLength)
    var historyEnergy = [Float](repeating: 0, count: DTMFThresholds.historyLength)
    var historyWindowKey = [Int8](repeating: -1, count: DTMFThresholds.historyLength)
    /// Per window: the key it shows by the looser measuring limits (-1 none); see `measure`.
    var historyWindowNear = [Int8](repeating: -1, count: DTMFThresholds.historyLength)
    // Leakage-solved tones of one key per sub-block (`historySolvedKey` says which key, -1 none).
    var historySolved = [SIMD4<Float>](repeating: .zero, count: DTMFThresholds.historyLength)
    var historySolvedKey = [Int8](repeating: -1, count: DTMFThresholds.historyLength)
    // Press tracking.
    var press: Press?
    var lastEndedOn = -1

    /// Events produced by `process(_:)` and not yet cleared, oldest first.
    public internal(set) var pendingEvents: [DTMFEvent] = []
    /// Samples given to the receiver so far.
    public private(set) var samplesProcessed = 0

    /// A receiver that has heard nothing yet.
    public init() {
        pendingEvents.reserveCapacity(16)
    }

    /// The key being held now (confirmed and not yet released), if any.
    public var currentKey: DTMFKey? {
        guard let press, press.confirmed else { return nil }
        return DTMFKey(rawValue: press.key)
    }

    /// Feeds samples; new events are appended to `pendingEvents`. Allocation-free as long as the
    /// caller clears the events with `clearPendingEvents()` now and then.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) {
        guard let base = samples.baseAddress else { return }
        let length = DTMFThresholds.subBlockLength
        let cosine = tables.cosine
        let negativeSine = tables.negativeSine
        var index = 0
        while index < samples.count {
            let run = min(samples.count - index, length - positionInSubBlock)
            var re = accumulatedRe, im = accumulatedIm, energy = accumulatedEnergy
            let cosRow = cosine + positionInSubBlock, sinRow = negativeSine + positionInSubBlock
            let input = base + index
            for offset in 0..<run {
                let x = Float(input[offset])
                re += x * cosRow[offset]
                im += x * sinRow[offset]
                energy += x * x
            }
            accumulatedRe = re
            accumulatedIm = im
            accumulatedEnergy = energy
            positionInSubBlock += run
            index += run
            if positionInSubBlock == length { finishSubBlock() }
        }
        samplesProcessed += samples.count
    }

    /// Feeds samples and hands every new event to `onEvent` (after the whole chunk is analysed).
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>, onEvent: (DTMFEvent) -> Void) {
        process(samples)
        for event in pendingEvents { onEvent(event) }
        clearPendingEvents()
    }

    /// Feeds samples and returns the events they produced.
    public mutating func process(_ samples: [Int16]) -> [DTMFEvent] {
        samples.withUnsafeBufferPointer { process($0) }
        defer { clearPendingEvents() }
        return pendingEvents
    }

    /// Forgets delivered events, keeping the storage.
    public mutating func clearPendingEvents() {
        pendingEvents.removeAll(keepingCapacity: true)
    }

    /// Ends the stream: closes a press still sounding at the end and returns the final events.
    ///
    /// Pads with silence up to the end of the current sub-block and for the gap that ends a press;
    /// `samplesProcessed` includes that padding.
    public mutating func finish() -> [DTMFEvent] {
        let padding = (DTMFThresholds.subBlockLength - positionInSubBlock) % DTMFThresholds.subBlockLength
            + DTMFThresholds.gapSubBlocksToEnd * DTMFThresholds.subBlockLength
        return process([Int16](repeating: 0, count: padding))
    }

    /// Every key press in `samples` (a whole recording at 8 kHz).
    public static func detect(_ samples: [Int16]) -> [DTMFDetection] {
        var receiver = DTMFReceiver()
        let events = receiver.process(samples) + receiver.finish()
        return events.compactMap { event in
            if case let .keyUp(detection) = event { return detection }
            return nil
        }
    }

    /// Closes the sub-block just filled: stores it, classifies the window, tracks the press.
    private mutating func finishSubBlock() {
        let slot = subBlockIndex % DTMFThresholds.historyLength
        let re = accumulatedRe, im = accumulatedIm
        historyRe[slot] = re * rotationRe - im * rotationIm
        historyIm[slot] = re * rotationIm + im * rotationRe
        historyEnergy[slot] = accumulatedEnergy
        historySolvedKey[slot] = -1
        if let key = press?.key { cacheSolvedTones(key, for: subBlockIndex...subBlockIndex) }
        accumulatedRe = .zero
        accumulatedIm = .zero
        accumulatedEnergy = 0
        positionInSubBlock = 0
        advanceRotation()
        let (key, near) = subBlockIndex >= DTMFThresholds.windowSubBlocks - 1
            ? classifyWindow(endingAt: subBlockIndex) : (-1, -1)
        historyWindowKey[slot] = Int8(key)
        historyWindowNear[slot] = Int8(near)
        trackPress(subBlock: subBlockIndex, windowKey: key)
        subBlockIndex += 1
    }

    private mutating func advanceRotation() {
        if (subBlockIndex + 1) % DTMFDemodulator.rotationPeriod == 0 {
            rotationRe = SIMD8(repeating: 1)
            rotationIm = .zero
            return
        }
        let re = rotationRe * tables.stepRe - rotationIm * tables.stepIm
        rotationIm = rotationRe * tables.stepIm + rotationIm * tables.stepRe
        rotationRe = re
    }
}
