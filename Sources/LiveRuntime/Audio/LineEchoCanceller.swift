import Foundation
import Telephony

/// Removes the echo of a call's own playback from its capture, before the DTMF receiver and the
/// voicemail recorder hear it.
///
/// The line clock makes the alignment exact: a sample written at playback index `p` is heard at
/// line time `p` (see ``LiveCall``), so the capture period starting at line time `t` is matched with
/// the playback samples `t, t+1, …` as they were written. What the device and the far side add
/// (converter latency, a hybrid's response) is the echo path the adaptive filter learns; it must
/// fit in the tail (`echo_tail`, default 64 ms).
///
/// Not thread-safe: the line thread calls `played` from `fill` and `cancel` from `process`.
final class LineEchoCanceller {
    private var canceller: EchoCanceller
    /// Played samples by playback index, modulo the capacity (a power of two).
    private var history: [Int16]
    private let mask: Int
    /// Playback indices below this were recorded (or known silent).
    private var recordedUpTo = 0
    private var reference: [Int16] = []
    /// The cleaned period handed back by `cancel` (owned here, reused).
    private var output = UnsafeMutableBufferPointer<Int16>.allocate(capacity: 0)

    /// A canceller with `settings`; keeps about 4 s of playback, far more than any priming.
    init(settings: EchoCanceller.Settings) {
        canceller = EchoCanceller(settings: settings)
        history = [Int16](repeating: 0, count: 1 << 15)
        mask = (1 << 15) - 1
    }

    deinit { output.deallocate() }

    /// Records a period of playback written at playback index `index` (nil samples: not ours, e.g. an
    /// agent's voice bridged in; remembered as silence).
    func played(_ samples: UnsafeBufferPointer<Int16>?, count: Int, at index: Int) {
        for offset in 0..<count { history[(index + offset) & mask] = samples?[offset] ?? 0 }
        recordedUpTo = max(recordedUpTo, index + count)
    }

    /// The capture period starting at line time `index` with the playback's echo removed. The
    /// result is valid until the next call.
    func cancel(_ captured: UnsafeBufferPointer<Int16>, at index: Int) -> UnsafeBufferPointer<Int16> {
        let count = captured.count
        if reference.count < count {
            reference = [Int16](repeating: 0, count: count)
            output.deallocate()
            output = .allocate(capacity: count)
        }
        for offset in 0..<count {
            let position = index + offset
            reference[offset] = position < recordedUpTo && recordedUpTo - position <= mask ? history[position & mask] : 0
        }
        let cleaned = UnsafeMutableBufferPointer(rebasing: output[0..<count])
        reference.withUnsafeBufferPointer { far in
            canceller.process(played: UnsafeBufferPointer(rebasing: far[0..<count]), captured: captured, into: cleaned)
        }
        return UnsafeBufferPointer(cleaned)
    }
}
