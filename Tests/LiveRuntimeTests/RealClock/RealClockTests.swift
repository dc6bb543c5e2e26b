import CallFlow
import Foundation
import SoundIO
import Storage
import Telephony
import Testing
@testable import LiveRuntime
import RealClockHarness

/// Calls on a running clock: a private PulseAudio's null sinks as ALSA PCMs (`PulseServer`).
///
/// Every figure is measured on the monotonic clock from audio recorded on the caller's side, not
/// from frame counts. One serialized suite, so the real-clock tests never compete with each other
/// for the CPU; `scripts/test` runs this suite on its own after the rest of the suite, so the rest
/// does not compete with it either. About a minute of wall time.
@Suite(.serialized) struct RealClockTests {
    /// A live call on `line` of `server`, run on its own thread, with the wall time of every
    /// transcript entry.
    final class RunningCall: @unchecked Sendable {
        let harness: LineHarness
        let control = LineControl()
        let sink: ALSAPlayback
        private let lock = NSLock()
        private var entries: [(entry: Transcript.Event, at: Double)] = []
        private var finished: LiveCallResult?
        private let done = DispatchSemaphore(value: 0)

        init(_ harness: LineHarness, server: PulseServer, line: String = "line1", startStall: Double = 0,
             midStall: (frames: Int, seconds: Double)? = nil, queues: any QueueLink = SoloQueue()) throws {
            self.harness = harness
            sink = try ALSAPlayback(device: server.device("\(line)_play"))
            let source = StallingSource(try ALSACapture(device: server.device("\(line)_cap")),
                                        startStall: startStall, midStall: midStall)
            var options = LiveCallOptions(callerID: "+441632960123", start: LineHarness.openTime)
            options.queues = queues
            options.onEntry = { [weak self] entry in
                let now = monotonicSeconds()
                self?.lock.withLock { self?.entries.append((entry, now)) }
            }
            let call = LiveCall(program: harness.program, sounds: harness.sounds, records: CallRecords(store: harness.store),
                                options: options, control: control)
            let sink = self.sink
            Thread { [self] in
                let result = LiveLine.run(call, source: source, sink: sink, control: control)
                lock.withLock { finished = result }
                done.signal()
            }.start()
        }

        /// Transcript entries of `type` with the wall time the line logged them.
        func logged(_ type: String) -> [(entry: Transcript.Event, at: Double)] {
            lock.withLock { entries.filter { $0.entry.type == type } }
        }

        /// Waits for the call to end (hanging it up after `seconds`).
        func result(within seconds: Double) -> LiveCallResult? {
            if done.wait(timeout: .now() + seconds) == .timedOut {
                control.hangUp()
                _ = done.wait(timeout: .now() + 5)
            }
            return lock.withLock { finished }
        }
    }

    /// The caller's side of line `line`: what they say, what they hear, what the line carries.
    struct Caller {
        let talker: Talker
        let hear: Recorder
        let sent: Recorder

        init(_ server: PulseServer, line: String = "line1") throws {
            hear = try Recorder(server.device("\(line)_hear"))
            sent = try Recorder(server.device("\(line)_sent"))
            talker = try Talker(server.device("\(line)_say"))
        }

        /// Waits until the caller hears something; returns that frame of `hear`.
        func waitForSound(after frame: Int = 0, seconds: Double = 15) -> Int? {
            var found: Int?
            _ = Audio.wait(seconds) {
                found = Audio.onset(in: hear.samples, from: frame)
                return found != nil
            }
            return found
        }

        func stop() {
            talker.stop()
            hear.stop()
            sent.stop()
        }
    }

    /// The caller's key tones as the line carried them, with wall times of start and end.
    static func tones(_ caller: Caller) -> [(key: Character, start: Double, end: Double)] {
        DTMFReceiver.detect(caller.sent.samples).map {
            ($0.key.character, caller.sent.time(of: $0.startSample), caller.sent.time(of: $0.endSample))
        }
    }
}
