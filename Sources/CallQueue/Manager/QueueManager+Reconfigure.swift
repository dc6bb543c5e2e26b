/// Changing a queue's settings while it runs (`ivr queue set` reaching `ivr serve`).
extension QueueManager {
    /// Gives the queue named `config.name` new settings from now on. Callers in line keep their
    /// places; offers ringing go on; a new strategy takes over the queue's idle members (longest
    /// idle first, as filed). Wrap-up applies to calls that end from now, max wait to callers
    /// who join from now, the schedule and callback policy to the next dispatch.
    public mutating func reconfigure(_ config: QueueConfig) throws(QueueError) {
        makeTablesUnique()
        let q = Int(try queue(named: config.name).index)
        let old = queues[q].config
        queues[q].apply(config)
        wideningQueues = queues.filter(\.widensLevels).count
        if config.strategy != old.strategy || config.seed != old.seed {
            queues[q].pickers = QueuePickers(strategy: config.strategy, seed: config.seed)
            refileIdleMembers(of: q)
        }
        if !config.leaveWhenEmpty.isEmpty, !queues[q].emptyCheckPending {
            queues[q].emptyCheckPending = true
            pendingEmptyChecks += 1
        }
    }

    /// Files every available station member of queue `q` with its (new) picker.
    private mutating func refileIdleMembers(of q: Int) {
        var idle: [(agent: Int, membership: Membership)] = []
        for handle in queues[q].members {
            let a = Int(handle.index)
            guard agents[a].state == .available, agents[a].hasStation,
                  let m = membershipRange(a).map({ memberships[$0] }).first(where: { $0.queue == Int32(q) }) else { continue }
            idle.append((a, m))
        }
        idle.sort { (agents[$0.agent].idleSince, $0.agent) < (agents[$1.agent].idleSince, $1.agent) }
        for (a, m) in idle {
            let c = IdleCandidate(agent: AgentHandle(a), member: m.member, level: m.level, epoch: idleEpoch[a],
                                  idleSince: agents[a].idleSince, callsTaken: m.callsTaken, talkTime: m.talkTime)
            queues[q].pickers.becameIdle(c, idleEpoch)
        }
    }
}
