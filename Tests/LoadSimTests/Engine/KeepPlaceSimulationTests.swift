import CallFlow
import CallQueue
import Foundation
import Testing
@testable import LoadSim

/// Keep your place through the store flow: a simulated caller who presses 2 while holding
/// (then confirms with 1) is called back behind those who joined earlier and ahead of those who
/// joined later, although the interpreter files the callback only after the caller left the queue.
struct KeepPlaceSimulationTests {
    /// One item an agent took from a queue's line, with the place it was served at.
    struct Served {
        var place: Double
        var callback: CallbackID?
        var requestedAt = 0.0
    }

    /// An overloaded morning (09:00-13:00; the store is open until 17:30) with events recorded.
    static func servedOrder() throws -> (served: [Int32: [Served]], keyExitJoins: Set<Double>) {
        let flowPath = SimTest.root.appendingPathComponent("flows/store.yaml").path
        let compiled = FlowCompiler.compile(fileAt: flowPath)
        let program = try #require(compiled.program, "\(compiled.diagnostics)")
        let scenario = try SimTest.scenario("""
        duration: 4h
        start: 2026-11-23T09:00
        timezone: Europe/London
        arrivals: {per_hour: 60}
        handling: {dist: exponential, mean: 4m}
        patience: {dist: exponential, mean: 10m}
        agents: {count: 4}
        callers:
          menus:
            main-menu: {"1": 0.5, "3": 0.5}
            callback-keep-place: {"1": 1}
          voicemail_when_offered: 0.05
          callback_when_offered: 0.2
        callbacks: {reach_rate: 100%}
        """)
        let model = try SimulationModel(scenario: scenario, program: program)
        var run = try SimulationRun(model: model, seed: 3, replication: 0)
        run.queue.eventsEnabled = true
        run.queue.retainsClosedCallbacks = true
        _ = try run.run()
        var joined: [UInt64: Double] = [:]
        var keyExitJoins = Set<Double>()
        var served: [Int32: [Served]] = [:]
        for event in run.queue.events {
            switch event.kind {
            case .enterQueue(let call, _, _):
                joined[call.raw] = event.time
            case .exit(let call, _, .exitWithKey("2"), _, _, _):
                keyExitJoins.insert(try #require(joined[call.raw]))
            case .connect(let call, let queue, _, _, _):
                served[queue.index, default: []].append(Served(place: try #require(joined[call.raw])))
            case .callbackReserved(let id, let queue, _):
                let cb = try #require(run.queue.callback(id))
                guard cb.source == .queue, cb.requests == 1 else { continue }
                served[queue.index, default: []].append(Served(place: cb.placeKey, callback: id, requestedAt: cb.requestedAt))
            default:
                continue
            }
        }
        return (served, keyExitJoins)
    }

    @Test func pressingTwoKeepsTheCallersPlace() throws {
        let (served, keyExitJoins) = try Self.servedOrder()
        var keepPlaceCallbacks = 0
        var passedLaterJoiners = 0
        for (_, line) in served {
            for (i, item) in line.enumerated() where item.callback != nil {
                keepPlaceCallbacks += 1
                // The callback's place is the join time of a caller who pressed 2, before the request.
                #expect(keyExitJoins.contains(item.place))
                #expect(item.place < item.requestedAt)
                // Everyone served before it joined earlier; everyone served after it joined later.
                #expect(line[..<i].allSatisfy { $0.place <= item.place })
                #expect(line[(i + 1)...].allSatisfy { $0.place >= item.place })
                // Callers who joined after this caller but before the request were passed: not the back of the line.
                passedLaterJoiners += line[(i + 1)...].filter { $0.callback == nil && $0.place > item.place && $0.place < item.requestedAt }.count
            }
        }
        #expect(keepPlaceCallbacks > 5)
        #expect(passedLaterJoiners > 0)
    }
}
