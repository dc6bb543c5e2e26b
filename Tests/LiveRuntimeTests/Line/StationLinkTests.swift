import SoundIO
import Testing
@testable import LiveRuntime

/// The bridge to an agent's station on simulated devices.
struct StationLinkTests {
    /// A station whose playback ran dry (an underrun the device recovered from) is primed again
    /// before the caller's next period, as the caller's own line is: without that cushion it
    /// sat on the edge of the next underrun (hundreds in 24 s through PulseAudio), and the drift
    /// corrector, seeing a level pinned near empty, never inserted the frames the drift needed.
    @Test func aStationWhosePlaybackRanDryGetsItsCushionBack() throws {
        let period = 160, priming = 320, turns = 10
        let station = LinePacingTests.BackloggedSource([Int16](repeating: 100, count: 400 * period),
                                                       stallAt: Int.max / 2, backlog: 0)
        let underrunAt = priming + 5 * period             // during the fifth turn's write
        let earpiece = LinePacingTests.MemorySink(underrunAt: underrunAt)
        let link = StationLink(agentID: "alice", source: station, sink: earpiece, primingFrames: priming) { _ in }
        let caller = [Int16](repeating: 7, count: period)
        var heard = [Int16](repeating: 0, count: period)
        for _ in 0..<turns {
            try caller.withUnsafeBufferPointer { (callerAudio) throws(AudioLineError) in
                try heard.withUnsafeMutableBufferPointer { (out) throws(AudioLineError) in
                    try link.exchange(caller: callerAudio, into: out)
                }
            }
        }

        let written = earpiece.written
        #expect(written.count == priming + turns * period + priming, "the first priming, every period, one more priming")
        #expect(written[0..<priming].allSatisfy { $0 == 0 })
        #expect(written[priming..<underrunAt].allSatisfy { $0 == 7 }, "five periods of the caller before the underrun")
        #expect(written[underrunAt..<underrunAt + priming].allSatisfy { $0 == 0 }, "silence right after the underrun")
        #expect(written[(underrunAt + priming)...].allSatisfy { $0 == 7 }, "then the caller again, nothing lost")
        #expect(written.filter { $0 == 7 }.count == turns * period)
        #expect(heard.allSatisfy { $0 == 100 }, "the agent is heard both ways")
    }
}
