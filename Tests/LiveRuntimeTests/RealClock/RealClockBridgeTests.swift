import CallQueue
import Foundation
import SoundIO
import Telephony
import Testing
@testable import LiveRuntime
import RealClockHarness

extension RealClockTests {
    /// Seconds of conversation in the bridge test (scripts/bench-realtime sets a longer one).
    static var bridgeSeconds: Int {
        Int(ProcessInfo.processInfo.environment["SWITCHBOARD_BRIDGE_SECONDS"] ?? "") ?? 24
    }

    /// A 60 ms 1 kHz burst, then silence to fill `spacing` seconds; `count` of them after `lead` seconds.
    static func pulses(count: Int, spacing: Double, lead: Double) -> [Int16] {
        var samples = [Int16](repeating: 0, count: Int(lead * 8000))
        for _ in 0..<count {
            let burst = (0..<480).map { Int16(8000 * sin(2 * Double.pi * 1000 * Double($0) / 8000)) }
            samples += burst + [Int16](repeating: 0, count: Int(spacing * 8000) - burst.count)
        }
        return samples
    }

    /// Each pulse's one-way delay: from its onset where it was sent to its onset where it was heard.
    static func delays(sent: Recorder, heard: Recorder, after start: Double, count: Int) -> [Double] {
        let sentAudio = sent.samples
        let heardAudio = heard.samples
        var delays: [Double] = []
        var from = sent.frame(at: start)
        for _ in 0..<count {
            guard let onset = Audio.onset(in: sentAudio, from: from, threshold: 2000) else { break }
            let at = sent.time(of: onset)
            guard let arrival = Audio.onset(in: heardAudio, from: heard.frame(at: at - 0.02), threshold: 2000) else { break }
            delays.append(heard.time(of: arrival) - at)
            from = onset + 4000
        }
        return delays
    }

    /// What one bridged conversation measured.
    struct BridgeRun {
        var agentConnected: Int
        var pulses: Int
        var toAgent: [Double]
        var toCaller: [Double]
        var byDirection: (toAgent: (inserted: Int, dropped: Int), fromAgent: (inserted: Int, dropped: Int))

        /// Most a direction's delay may grow over the conversation. Uncorrected, a 0.5 % fast
        /// station adds 5 ms a second: about 100 ms between the two medians of a 24 s
        /// conversation. 60 ms leaves room for the scheduling jitter of a loaded CI machine (42 ms
        /// seen once) and still fails a corrector that does nothing.
        static let growthBound = 0.060
        /// Most a direction's median one-way delay may be.
        static let delayBound = 0.250

        /// Frames the corrector inserted and dropped, both directions together.
        var corrected: (inserted: Int, dropped: Int) {
            (byDirection.toAgent.inserted + byDirection.fromAgent.inserted,
             byDirection.toAgent.dropped + byDirection.fromAgent.dropped)
        }

        /// Each direction's delay growth (median of the last seven pulses minus the first seven).
        var growth: [(name: String, delays: [Double], growth: Double)] {
            [("caller-to-agent", toAgent), ("agent-to-caller", toCaller)].compactMap { name, delays in
                delays.count >= 10 ? (name, delays, median(Array(delays.suffix(7))) - median(Array(delays.prefix(7)))) : nil
            }
        }

        /// Whether every figure the test asks for is met.
        var withinBounds: Bool {
            toAgent.count >= pulses - 1 && toCaller.count >= pulses - 1
                && growth.allSatisfy { $0.growth < Self.growthBound && median($0.delays) < Self.delayBound }
        }
    }

    /// A caller bridged to an agent whose station runs 0.5 % fast (its sinks at 8040 Hz, opened
    /// as if 8000): each hears the other, the one-way delay is measured both ways, and it does not
    /// grow over the conversation (uncorrected it would grow by 5 ms a second).
    ///
    /// One more conversation is held when the first misses a bound: on this 2-core VM the sound
    /// server or the line thread is now and then starved for a second, and the drift corrector
    /// then follows the stall instead of the crystal (a bridge once measured 162 ms of growth
    /// alone, the next run 3 ms; most such misses came from the station's playback not being
    /// re-primed after an underrun, fixed on 2 Dec: `StationLinkTests`). A corrector that does
    /// nothing misses in both (about 100 ms of growth every time), so the test still fails for
    /// it; the first attempt's figures are printed.
    @Test func callerAndAgentOnAFastStationHearEachOtherWithBoundedDelay() throws {
        let stationRate = Int(ProcessInfo.processInfo.environment["SWITCHBOARD_STATION_RATE"] ?? "") ?? 8040
        var run = try Self.bridgeConversation(stationRate: stationRate)
        if !run.withinBounds {
            print("realtime-figure bridge attempt 1 missed a bound: "
                  + run.growth.map { "\($0.name) grew \(Int($0.growth * 1000)) ms" }.joined(separator: ", ")
                  + ", pulses heard \(run.toAgent.count) and \(run.toCaller.count) of \(run.pulses); a second conversation")
            run = try Self.bridgeConversation(stationRate: stationRate)
        }
        #expect(run.agentConnected == 1)
        #expect(run.toAgent.count >= run.pulses - 1, "the agent hears the caller: \(run.toAgent.count) of \(run.pulses) pulses")
        #expect(run.toCaller.count >= run.pulses - 1, "the caller hears the agent: \(run.toCaller.count) of \(run.pulses) pulses")
        for (name, delays, growth) in run.growth {
            let early = median(Array(delays.prefix(7)))
            #expect(growth < BridgeRun.growthBound, "\(name) delay grew from \(Int(early * 1000)) to \(Int((early + growth) * 1000)) ms")
            #expect(median(delays) < BridgeRun.delayBound, "\(name) one-way delay \(Int(median(delays) * 1000)) ms")
            BenchFigures.note("\(name) latency", median(delays))
            BenchFigures.note("\(name) growth over \(run.pulses) s", growth)
        }
        if stationRate != 8000 {
            #expect(run.corrected.dropped + run.corrected.inserted > 0, "the fast station was followed")
        }
        let directions = run.byDirection
        print("realtime-figure drift correction inserted \(run.corrected.inserted) dropped \(run.corrected.dropped) frames"
              + " (to the agent +\(directions.toAgent.inserted) -\(directions.toAgent.dropped),"
              + " from the agent +\(directions.fromAgent.inserted) -\(directions.fromAgent.dropped))")
    }

    /// One bridged conversation on a fresh sound server: the caller reaches the queue, the agent's
    /// station is bridged, both send a pulse a second, and each pulse's one-way delay is measured.
    static func bridgeConversation(stationRate: Int) throws -> BridgeRun {
        let server = try PulseServer(lines: ["line1", "agent"], rates: ["agent": stationRate])
        defer { server.stop() }
        let harness = try LineHarness()
        let caller = try Caller(server)
        let agent = try Caller(server, line: "agent")
        defer {
            caller.stop()
            agent.stop()
        }
        let call = try RunningCall(harness, server: server)
        let greeting = try #require(caller.waitForSound(), "the caller hears the greeting")
        _ = Audio.wait(1.2) { caller.hear.samples.count > greeting + 6000 }
        var key = CaptureScript()
        key.key("0")                                   // speak to someone: the general queue
        caller.talker.say(key.samples)
        #expect(Audio.wait(5) { !call.logged("enqueue").isEmpty }, "the caller joins the queue")
        usleep(800_000)

        let ended = LogLines()
        let station = try StationLink.open(agentID: "alice", playback: server.device("agent_play"),
                                           capture: server.device("agent_cap"),
                                           configuration: LineConfiguration(sampleRate: stationRate)) { side in
            ended.add("\(side)")
        }
        call.control.bridge(to: station)
        call.control.post(.agentConnected)
        let bridged = monotonicSeconds()
        let count = Self.bridgeSeconds
        caller.talker.say(Self.pulses(count: count, spacing: 1.0, lead: 0.5))
        agent.talker.say(Self.pulses(count: count, spacing: 1.0, lead: 1.0))
        usleep(useconds_t((Double(count) + 1.5) * 1e6))
        call.control.hangUp()
        let result = try #require(call.result(within: 10))
        return BridgeRun(agentConnected: result.transcript.events("agent-connected").count, pulses: count,
                         toAgent: Self.delays(sent: caller.sent, heard: agent.hear, after: bridged + 0.2, count: count),
                         toCaller: Self.delays(sent: agent.sent, heard: caller.hear, after: bridged + 0.2, count: count),
                         byDirection: station.driftCorrectionByDirection)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
