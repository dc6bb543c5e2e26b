/// Every queue's picker, kept in one array per strategy type so the manager
/// mutates them in place (no existential, no copy-on-write of a payload):
/// a queue holds `(strategy, index)` and the bank switches on the strategy.
struct PickerBank: Sendable {
    var longestIdle: [LongestIdlePicker] = []
    var roundRobin: [RoundRobinPicker] = []
    var fewestCalls: [FewestCallsPicker] = []
    var leastTalkTime: [LeastTalkTimePicker] = []
    var linear: [LinearPicker] = []
    var random: [RandomPicker] = []
    var skills: [SkillsPicker] = []

    /// Gives every array its own buffer: a mutation of an empty array (the
    /// shared empty singleton) would otherwise allocate a copy each time the
    /// optimiser hoists a uniqueness check out of the `switch`.
    init() {
        longestIdle.reserveCapacity(2)
        roundRobin.reserveCapacity(2)
        fewestCalls.reserveCapacity(2)
        leastTalkTime.reserveCapacity(2)
        linear.reserveCapacity(2)
        random.reserveCapacity(2)
        skills.reserveCapacity(2)
    }

    /// Adds a picker for a new queue; returns its index within its strategy.
    mutating func add(_ strategy: RoutingStrategy, seed: UInt64) -> Int {
        switch strategy {
        case .longestIdle: longestIdle.append(LongestIdlePicker()); return longestIdle.count - 1
        case .roundRobin: roundRobin.append(RoundRobinPicker()); return roundRobin.count - 1
        case .fewestCalls: fewestCalls.append(FewestCallsPicker()); return fewestCalls.count - 1
        case .leastTalkTime: leastTalkTime.append(LeastTalkTimePicker()); return leastTalkTime.count - 1
        case .linear: linear.append(LinearPicker()); return linear.count - 1
        case .random: random.append(RandomPicker(seed: seed)); return random.count - 1
        case .skills: skills.append(SkillsPicker()); return skills.count - 1
        }
    }

    @inline(__always)
    mutating func becameIdle(_ s: RoutingStrategy, _ i: Int, _ c: IdleCandidate, _ epochs: [UInt32]) {
        switch s {
        case .longestIdle: longestIdle[i].becameIdle(c, epochs: epochs)
        case .roundRobin: roundRobin[i].becameIdle(c, epochs: epochs)
        case .fewestCalls: fewestCalls[i].becameIdle(c, epochs: epochs)
        case .leastTalkTime: leastTalkTime[i].becameIdle(c, epochs: epochs)
        case .linear: linear[i].becameIdle(c, epochs: epochs)
        case .random: random[i].becameIdle(c, epochs: epochs)
        case .skills: skills[i].becameIdle(c, epochs: epochs)
        }
    }

    @inline(__always)
    mutating func leftIdle(_ s: RoutingStrategy, _ i: Int, member: Int32) {
        switch s {
        case .longestIdle, .fewestCalls, .leastTalkTime, .skills: break  // lazy
        case .roundRobin: roundRobin[i].leftIdle(member: member)
        case .linear: linear[i].leftIdle(member: member)
        case .random: random[i].leftIdle(member: member)
        }
    }

    @inline(__always)
    mutating func hasIdle(_ s: RoutingStrategy, _ i: Int, maxLevel: Int32, _ epochs: [UInt32]) -> Bool {
        switch s {
        case .longestIdle: longestIdle[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .roundRobin: roundRobin[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .fewestCalls: fewestCalls[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .leastTalkTime: leastTalkTime[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .linear: linear[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .random: random[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        case .skills: skills[i].hasIdle(maxLevel: maxLevel, epochs: epochs)
        }
    }

    @inline(__always)
    mutating func pick(_ s: RoutingStrategy, _ i: Int, maxLevel: Int32, _ epochs: [UInt32]) -> AgentHandle? {
        switch s {
        case .longestIdle: longestIdle[i].pick(maxLevel: maxLevel, epochs: epochs)
        case .roundRobin: roundRobin[i].pick(maxLevel: maxLevel, epochs: epochs)
        case .fewestCalls: fewestCalls[i].pick(maxLevel: maxLevel, epochs: epochs)
        case .leastTalkTime: leastTalkTime[i].pick(maxLevel: maxLevel, epochs: epochs)
        case .linear: linear[i].pick(maxLevel: maxLevel, epochs: epochs)
        case .random: random[i].pick(maxLevel: maxLevel, epochs: epochs)
        case .skills: skills[i].pick(maxLevel: maxLevel, epochs: epochs)
        }
    }
}
