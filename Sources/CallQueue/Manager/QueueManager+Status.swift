/// A queue at a glance, for `ivr queue status` and wallboards.
public struct QueueStatus: Sendable, Hashable {
    /// Queue name.
    public var name: String
    /// Callers waiting (not ringing).
    public var waiting: Int
    /// Seconds the longest-waiting caller has waited (0 when none).
    public var oldestWait: Double
    /// Callbacks due now (eligible, waiting for an agent).
    public var callbacksDue: Int
    /// Callbacks scheduled for later (initial delay, retry, hours).
    public var callbacksScheduled: Int
    /// Callbacks reserved by an agent.
    public var callbacksReserved: Int
    /// Members by state (agents with and without a station).
    public var agents: MemberCounts
    /// Estimated wait of a caller joining now, if there is history.
    public var estimatedWait: Double?
}

/// An agent at a glance.
public struct AgentStatus: Sendable, Hashable {
    /// Agent id.
    public var id: String
    /// Display name.
    public var name: String
    /// State now.
    public var state: AgentState
    /// Calls and callbacks taken.
    public var callsTaken: Int64
    /// Seconds talked.
    public var talkTime: Double
    /// Offers not taken in a row.
    public var missedOffers: Int
    /// Queues served and levels.
    public var skills: [Skill]
}

extension QueueManager {
    /// Callbacks not yet closed (scheduled, due or reserved), over all queues.
    public var openCallbacks: Int { openCallbackCount }

    /// The status of every queue at time `t`.
    public func status(at t: Double) -> [QueueStatus] {
        queues.indices.map { q in
            var oldest = 0.0
            for e in queues[q].waiting where isLive(e) {
                oldest = t - e.joinedAt
                break
            }
            var counts = MemberCounts()
            for agent in queues[q].members { counts[agents[Int(agent.index)].state] += 1 }
            var due = 0, scheduled = 0, reserved = 0
            for cb in callbacks.values where Int(cb.queue.index) == q && cb.isOpen {
                if cb.status == .reserved { reserved += 1 } else if cb.notBefore <= t { due += 1 } else { scheduled += 1 }
            }
            let position = queues[q].waitingCount + queues[q].readyCount + 1
            return QueueStatus(name: queueNames[q], waiting: queues[q].waitingCount, oldestWait: oldest,
                               callbacksDue: due, callbacksScheduled: scheduled, callbacksReserved: reserved,
                               agents: counts,
                               estimatedWait: queues[q].estimator.estimate(position: position,
                                                                           staffed: queues[q].counts.staffed))
        }
    }

    /// The status of every agent, in the order they were added.
    public func agentStatus() -> [AgentStatus] {
        agents.indices.map { a in
            AgentStatus(id: agentIDs[a], name: agentNames[a], state: agents[a].state,
                        callsTaken: agents[a].callsTaken, talkTime: agents[a].talkTime,
                        missedOffers: Int(agents[a].missedOffers),
                        skills: memberships[membershipRange(a)].map { Skill(queue: queueNames[Int($0.queue)], level: Int($0.level)) })
        }
    }

    /// The wait estimator of a queue (recent handle and hold times).
    public func estimator(of queue: QueueHandle) -> WaitEstimator { queues[Int(queue.index)].estimator }

    /// The earliest time after `t` at which `next(at:)` may have something to
    /// do without a new input: a callback coming due, a reservation expiring,
    /// a closed queue with due callbacks opening, or (`.skills`) the head
    /// caller's wait reaching the level of an idle agent. `nil`: nothing timed.
    ///
    /// Inlined into the driver: the usual case (no callback ready, no widening levels) is one
    /// comparison (forced: left to itself the optimizer kept it a call, twice per simulated call).
    @inlinable @inline(__always)
    public mutating func nextWakeUp(after t: Double) -> Double? {
        if readyTotal == 0 && wideningQueues == 0 {         // reads only: no uniqueness check
            return callbackTimerDue > t && callbackTimerDue.isFinite ? callbackTimerDue : nil
        }
        makeTablesUnique()
        return scanForWakeUp(after: t)
    }

    /// `nextWakeUp(after:)` with callbacks ready or levels widening: looks at every queue.
    @usableFromInline
    mutating func scanForWakeUp(after t: Double) -> Double? {
        var wake = callbackTimerDue > t ? callbackTimerDue : Double.infinity
        for q in queues.indices {
            if queues[q].readyCount > 0, !isOpen(q, at: t), let opening = nextOpening(q, after: t) {
                wake = min(wake, opening)
            }
            guard QueueState.widensLevels(queues[q].strategy, queues[q].wideningStep),
                  let head = liveHead(q),
                  let level = queues[q].pickers.skills.lowestIdleLevel(epochs: idleEpoch),
                  level > QueueState.maxLevel(queues[q].strategy, queues[q].wideningStep, afterWaiting: t - head.joinedAt) else { continue }
            // The first instant at which the head's wait really reaches `level` (rounding could
            // otherwise give a time at or before `t`, and a driver would wake at it for ever).
            var at = head.joinedAt + Double(level - 1) * queues[q].wideningStep
            while at <= t || QueueState.maxLevel(queues[q].strategy, queues[q].wideningStep, afterWaiting: at - head.joinedAt) < level {
                at = at.nextUp
            }
            wake = min(wake, at)
        }
        return wake.isFinite ? wake : nil
    }
}

/// What to tell a waiting caller (Asterisk `announce-position`,
/// `announce-holdtime`).
public struct Announcement: Sendable, Hashable {
    /// Position in line, 1 = next.
    public var position: Int
    /// Estimated seconds until answered, `nil` without history.
    public var estimatedWait: Double?
    /// When the next announcement is due (every `announceFrequency` seconds
    /// after joining), `nil` when the queue makes none.
    public var nextAt: Double?
}

extension QueueManager {
    /// The announcement for a waiting caller at time `t`.
    public func announcement(for ticket: CallTicket, at t: Double) throws(QueueError) -> Announcement {
        let s = try checkTicket(ticket)
        let q = Int(calls[s].queue)
        let position = calls[s].phase == CallSlot.waiting ? position(ofSlot: s, queue: q) : 1
        let frequency = queues[q].config.announceFrequency
        var nextAt: Double?
        if frequency > 0 {
            let joined = calls[s].joinedAt
            nextAt = joined + frequency * ((max(0, t - joined) / frequency).rounded(.down) + 1)
        }
        return Announcement(position: position,
                            estimatedWait: queues[q].estimator.estimate(position: position, staffed: queues[q].counts.staffed),
                            nextAt: nextAt)
    }
}
