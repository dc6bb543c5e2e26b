import Testing
@testable import CallQueue

/// A seeded random driver pushes every kind of input through a manager with
/// several queues, strategies and callbacks, and checks after each step that
/// no caller or callback is with two agents, none is lost, and the counts agree.
@Suite struct QueueManagerInvariantTests {
    struct Model {
        var waiting: [CallID: CallTicket] = [:]
        var ringing: [AgentHandle: CallID] = [:]       // callers offered
        var reserved: [AgentHandle: CallbackID] = [:]  // callbacks held
        var connected: [AgentHandle: CallID] = [:]
        var finished = Set<CallID>()
    }

    @Test(arguments: RoutingStrategy.allCases)
    func randomDriveKeepsEveryoneAccountedFor(strategy: RoutingStrategy) throws {
        var rng = SplitMix64(seed: 99)
        let policy = CallbackPolicy(maxAttempts: 2, retryInterval: 30, reservationTimeout: 20)
        var m = try QueueManager(queues: [QueueConfig(name: "a", strategy: strategy, wrapUp: 3, callbackPolicy: policy),
                                          QueueConfig(name: "b", strategy: strategy, callbackPolicy: policy,
                                                      levelWideningStep: 5)],
                                 eventsEnabled: false)
        for i in 0..<8 {
            let skills = [Skill(queue: "a", level: 1 + i % 3), Skill(queue: "b", level: 1 + (i + 1) % 2)]
            try m.addAgent(AgentConfig(id: "x\(i)", skills: i == 7 ? [skills[0]] : skills, maxNoAnswer: 2, hasStation: i != 6))
        }
        var model = Model()
        var t = 0.0
        var nextCall: UInt64 = 1
        var offers = 0, reservations = 0, expiries = 0, ringStops = 0
        for step in 0..<4000 {
            t += Double(rng.next() % 1000) / 1000
            let agent = AgentHandle(Int(rng.next() % 8))
            switch rng.next() % 12 {
            case 0, 1, 2:
                let q = QueueHandle(Int(rng.next() % 2))
                if case .joined(let j) = try m.join(call: CallID(nextCall), queue: q, at: t) { model.waiting[CallID(nextCall)] = j.ticket }
                nextCall += 1
            case 3:
                if let (call, ticket) = model.waiting.first(where: { _ in rng.next() % 3 == 0 }) {
                    if rng.next() % 2 == 0 {
                        try m.leave(ticket, reason: .abandon, at: t)
                    } else {
                        _ = try m.leaveWithCallback(ticket, number: "+1\(call.raw % 20)", at: t)
                    }
                    model.waiting[call] = nil
                    model.finished.insert(call)
                    for (a, c) in model.ringing where c == call { model.ringing[a] = nil }
                }
            case 4:
                if let call = model.ringing[agent] {
                    if rng.next() % 4 == 0 { try m.notAnswered(agent, at: t) } else {
                        try m.answer(agent, at: t)
                        model.connected[agent] = call
                        model.waiting[call] = nil
                    }
                    model.ringing[agent] = nil
                } else if model.reserved[agent] != nil {
                    try m.reportOutcome(agent, [.reached, .noAnswer, .busy][Int(rng.next() % 3)], at: t)
                    model.reserved[agent] = nil
                }
            case 5, 6:
                if let call = model.connected[agent] {
                    try m.complete(agent, by: .caller, at: t)
                    model.connected[agent] = nil
                    model.finished.insert(call)
                } else if try m.state(of: agent) == .wrapUp {
                    try m.endWrapUp(agent, at: t)
                }
            case 7:
                _ = try? m.login(agent, at: t)
            case 8:
                if rng.next() % 3 == 0 { _ = try? m.logout(agent, at: t) } else { _ = try? m.pause(agent, at: t) }
            case 9:
                _ = try? m.ready(agent, at: t)
            case 10:
                _ = try m.requestCallback(number: "+1\(rng.next() % 20)", queue: QueueHandle(Int(rng.next() % 2)),
                                          source: .manual, at: t)
            default:
                if try m.state(of: agent) == .available, let cb = try m.reserveNextCallback(for: agent, at: t) {
                    model.reserved[agent] = cb.id
                }
            }
            while let out = m.next(at: t) {
                switch out {
                case .offer(let o):
                    #expect(model.ringing[o.agent] == nil && model.connected[o.agent] == nil && model.reserved[o.agent] == nil)
                    #expect(strategy == .ringAll || !model.ringing.values.contains(o.call), "call offered twice")
                    #expect(model.waiting[o.call] != nil, "offered a caller who is not waiting")
                    model.ringing[o.agent] = o.call
                    offers += 1
                case .callback(let c):
                    #expect(!model.reserved.values.contains(c.id), "callback reserved twice")
                    model.reserved[c.agent] = c.id
                    reservations += 1
                case .reservationExpired(let id, let a):
                    #expect(model.reserved[a] == id)
                    model.reserved[a] = nil
                    expiries += 1
                case .removed(let r):
                    model.waiting[r.call] = nil
                case .ringStopped(let call, let a):
                    #expect(strategy == .ringAll && model.ringing[a] == call && model.connected.values.contains(call))
                    model.ringing[a] = nil
                    ringStops += 1
                }
            }
            if step % 4 == 0 { try check(m, model) }
        }
        #expect(model.finished.count > 100 && offers > 50 && reservations > 10 && expiries > 0,
                "\(model.finished.count) \(offers) \(reservations) \(expiries)")
        #expect(strategy == .ringAll || ringStops == 0, "only ring-all stops others ringing: \(ringStops)")
    }

    private func check(_ m: QueueManager, _ model: Model) throws {
        let ringingCalls = Set(model.ringing.values)
        let waitingNow = model.waiting.keys.filter { !ringingCalls.contains($0) }.count
        #expect(m.status(at: 0).map(\.waiting).reduce(0, +) == waitingNow)
        for a in 0..<m.agentCount {
            let h = AgentHandle(a)
            let state = try m.state(of: h)
            if model.ringing[h] != nil || model.reserved[h] != nil {
                #expect(state == .ringing || state == .onCall, "agent \(a) is \(state)")
            }
            if model.connected[h] != nil { #expect(state == .onCall) }
        }
        let all = m.callbacks.values
        let reservedIDs = all.filter { $0.status == .reserved }.map(\.id)
        #expect(Set(reservedIDs) == Set(model.reserved.values))
        let openNumbers = all.filter(\.isOpen).map(\.number)
        #expect(Set(openNumbers).count == openNumbers.count, "two open callbacks for one number")
    }
}
