// A usage example of the QueueManager hot path, and its benchmark:
// 500 agents, one queue, 6,000 calls per hour for 10 days (about 1.44 million
// calls): arrival → wait → answer or abandon → complete. Handling times are
// exponential (mean 290 s), patience exponential (mean 120 s), no wrap-up.
// The scheduler is a plain binary heap of (time, seq) events.
//
// Run it with scripts/queue-bench (builds it in release mode against
// Sources/CallQueue in a scratch package and prints CPU calls per second).
import CallQueue
import Foundation
import HeapModule

struct Event: Comparable {
    var time: Double
    var seq: UInt64
    var kind: UInt8          // 0 arrival, 1 patience runs out, 2 call ends
    var ticket: CallTicket?  // kind 1
    var agent: AgentHandle   // kind 2
    static func < (a: Event, b: Event) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
    static func == (a: Event, b: Event) -> Bool { a.time == b.time && a.seq == b.seq }
}

@inline(__always) func exponential(_ mean: Double, _ rng: inout SplitMix64) -> Double {
    -mean * log(1 - Double(rng.next() >> 11) * 0x1p-53)
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
}

func run() throws {
    // 1. Configure: names are interned here, the loop below uses handles only.
    var manager = try QueueManager(queues: [QueueConfig(name: "q")], eventsEnabled: false)
    for i in 0..<500 {
        let agent = try manager.addAgent(AgentConfig(id: "a\(i)", skills: [Skill(queue: "q")]))
        try manager.login(agent, at: 0)
    }
    let queue = try manager.queue(named: "q")

    var rng = SplitMix64(seed: 1)
    var events = Heap<Event>()
    var seq: UInt64 = 0
    let end = 10 * 86_400.0, rate = 6000.0 / 3600
    events.insert(Event(time: exponential(1 / rate, &rng), seq: 0, kind: 0, ticket: nil, agent: AgentHandle(0)))
    var calls: UInt64 = 0, answered = 0, abandoned = 0
    let cpu0 = cpuSeconds()

    while let e = events.popMin() {
        let t = e.time
        // 2. Feed one input.
        switch e.kind {
        case 0:
            calls += 1
            if case .joined(let j) = try manager.join(call: CallID(calls), queue: queue, at: t) {
                seq += 1
                events.insert(Event(time: t + exponential(120, &rng), seq: seq, kind: 1, ticket: j.ticket, agent: AgentHandle(0)))
            }
            let next = t + exponential(1 / rate, &rng)
            if next < end { seq += 1; events.insert(Event(time: next, seq: seq, kind: 0, ticket: nil, agent: AgentHandle(0))) }
        case 1:
            if let ticket = e.ticket, manager.isWaiting(ticket) {   // still waiting: abandons
                try manager.leave(ticket, reason: .abandon, at: t)
                abandoned += 1
            }
        default:
            try manager.complete(e.agent, by: .caller, at: t)      // no wrap-up: available at once
        }
        // 3. Drain the dispatcher after every input.
        while let out = manager.next(at: t) {
            if case .offer(let offer) = out {
                try manager.answer(offer.agent, at: t)               // simulated agents answer at once
                answered += 1
                seq += 1
                events.insert(Event(time: t + exponential(290, &rng), seq: seq, kind: 2, ticket: nil, agent: offer.agent))
            }
        }
    }
    let cpu = cpuSeconds() - cpu0
    print("calls \(calls) answered \(answered) abandoned \(abandoned) cpu \(cpu) s -> \(Int(Double(calls) / cpu)) calls/s")
}

try run()
