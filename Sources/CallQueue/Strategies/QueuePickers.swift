import InPlaceTables
/// A queue's picker, kept inside the queue's state and reached by a `switch`
/// on its strategy: no existential, no copy-on-write of an enum payload, and
/// one array access (the queue) per call. Only the picker of the queue's
/// strategy is ever filled; the others stay empty (no storage allocated).
/// `ring-all` keeps its idle members in the longest-idle FIFO: the manager
/// picks them all, longest idle first.
struct QueuePickers: Sendable {
    let strategy: RoutingStrategy
    var longestIdle = LongestIdlePicker()
    var roundRobin = RoundRobinPicker()
    var fewestCalls = FewestCallsPicker()
    var leastTalkTime = LeastTalkTimePicker()
    var linear = LinearPicker()
    var random: RandomPicker
    var skills = SkillsPicker()

    init(strategy: RoutingStrategy, seed: UInt64) {
        self.strategy = strategy
        random = RandomPicker(seed: seed)
    }

    @inline(__always)
    mutating func becameIdle(_ c: IdleCandidate, _ epochs: IdleEpochs) {
        switch strategy {
        case .longestIdle, .ringAll: longestIdle.becameIdle(c, epochs: epochs)
        case .roundRobin: roundRobin.becameIdle(c, epochs: epochs)
        case .fewestCalls: fewestCalls.becameIdle(c, epochs: epochs)
        case .leastTalkTime: leastTalkTime.becameIdle(c, epochs: epochs)
        case .linear: linear.becameIdle(c, epochs: epochs)
        case .random: random.becameIdle(c, epochs: epochs)
        case .skills: skills.becameIdle(c, epochs: epochs)
        }
    }

    @inline(__always)
    mutating func leftIdle(member: Int32) {
        switch strategy {
        case .longestIdle, .ringAll, .fewestCalls, .leastTalkTime, .skills: break  // stale entries are dropped lazily
        case .roundRobin: roundRobin.leftIdle(member: member)
        case .linear: linear.leftIdle(member: member)
        case .random: random.leftIdle(member: member)
        }
    }

    @inline(__always)
    mutating func hasIdle(maxLevel: Int32, _ epochs: IdleEpochs) -> Bool {
        switch strategy {
        case .longestIdle, .ringAll: longestIdle.hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .roundRobin: roundRobin.hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .fewestCalls: fewestCalls.hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .leastTalkTime: leastTalkTime.hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .linear: linear.hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .random: random.hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .skills: skills.hasIdle(maxLevel: maxLevel, epochs: epochs)
        }
    }

    @inline(__always)
    mutating func pick(maxLevel: Int32, _ epochs: IdleEpochs) -> AgentHandle? {
        switch strategy {
        case .longestIdle, .ringAll: longestIdle.pick(maxLevel: maxLevel, epochs: epochs)
        case .roundRobin: roundRobin.pick(maxLevel: maxLevel, epochs: epochs)
        case .fewestCalls: fewestCalls.pick(maxLevel: maxLevel, epochs: epochs)
        case .leastTalkTime: leastTalkTime.pick(maxLevel: maxLevel, epochs: epochs)
        case .linear: linear.pick(maxLevel: maxLevel, epochs: epochs)
        case .random: random.pick(maxLevel: maxLevel, epochs: epochs)
        case .skills: skills.pick(maxLevel: maxLevel, epochs: epochs)
        }
    }
}
