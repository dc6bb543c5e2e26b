import CallFlow
import CallQueue

/// Agents: shifts, the queue manager's decisions, talk, wrap-up and callbacks.
extension SimulationRun {
    /// Brings group `g` to `target` rostered agents: idle agents leave at once, busy ones when
    /// their call and wrap-up end (the queue manager's pending logout); no call is cut.
    mutating func setHeadCount(group g: Int, to target: Int) throws {
        var rostered = groupAgents[g].filter { agents[Int($0)].rostered }
        if rostered.count > target {
            let leaving = rostered.count - target
            // Idle agents first, then the most recently busy; stable order keeps runs reproducible.
            let idle = rostered.filter { !agents[Int($0)].busy }
            let busy = rostered.filter { agents[Int($0)].busy }
            for a in (idle + busy).prefix(leaving) {
                agents[Int(a)].rostered = false
                if agents[Int(a)].busy { overtime += 1 }      // stays to finish; counted as staffed
                stats.agentStaffed(Int(a), agents[Int(a)].busy, at: now)
                try queue.logout(AgentHandle(Int(a)), at: now)
            }
        } else if rostered.count < target {
            for a in groupAgents[g] where rostered.count < target && !agents[Int(a)].rostered {
                guard try queue.state(of: AgentHandle(Int(a))) == .loggedOut else { continue }
                agents[Int(a)].rostered = true
                if agents[Int(a)].busy { overtime -= 1 }
                stats.agentStaffed(Int(a), true, at: now)
                rostered.append(a)
                try queue.login(AgentHandle(Int(a)), at: now)
            }
            while rostered.count < target {
                let a = try addAgent(group: g)
                agents[a].rostered = true
                stats.agentStaffed(a, true, at: now)
                rostered.append(Int32(a))
                try queue.login(AgentHandle(a), at: now)
            }
        }
        groupScheduled[g] = target
    }

    mutating func addAgent(group g: Int) throws -> Int {
        let group = model.scenario.agents[g]
        let skills = group.skills.isEmpty
            ? model.queueNames.map { Skill(queue: $0, level: 1) }
            : group.skills.sorted { $0.key < $1.key }.map { Skill(queue: $0.key, level: $0.value) }
        let id = "\(group.name)-\(groupAgents[g].count + 1)"
        let handle = try queue.addAgent(AgentConfig(id: id, skills: skills, maxNoAnswer: 0))
        let a = Int(handle.index)
        while agents.count <= a { agents.append(SimAgent(group: Int32(g))) }
        agents[a] = SimAgent(group: Int32(g))
        groupAgents[g].append(Int32(a))
        stats.agentAdded(id: id, group: group.name)
        return a
    }

    /// Carries out every decision the queue manager has at this instant, then books its next wake-up.
    mutating func drain() throws {
        needsDrain = false
        if draining { return }              // the outer loop below asks the manager again
        draining = true
        defer { draining = false }
        while let output = queue.next(at: now) {
            switch output {
            case .offer(let offer): try connect(offer)
            case .callback(let offer): try startCallback(offer)
            case .removed(let removal): try removedFromQueue(removal)
            case .reservationExpired: break          // simulated agents act at once; never expected
            case .ringStopped: break                 // ring-all: the others were freed by the answer
            }
        }
        if !patienceDue.isEmpty { armPatience() }
        if let wake = queue.nextWakeUp(after: now), wake < wakeUpAt {
            wakeUpAt = wake
            events.push(.wakeUp, at: wake)
        }
    }

    /// The agent answers the offered caller at once; the conversation is scheduled. Under
    /// `ring-all` every idle member rings and each is as quick as the others: the one who
    /// answers first is drawn uniformly among them (the others stop ringing). Agents with
    /// `no_answer` let that share of offers ring out (`ringOut`).
    mutating func connect(_ offer: CallerOffer) throws {
        var offer = offer
        if calls[Int(offer.call.raw)].ringingOut { return }       // a ring-all round nobody answers
        if model.ringsAll[Int(offer.queue.index)] {
            var ringing = queue.ringingAgents(for: offer.ticket)
            if model.missesOffers && !ringing.isEmpty {
                ringing.removeAll { missesOffer(Int($0.index)) }
                if ringing.isEmpty { return ringingOut(offer, agent: -1) }      // every member misses
                if ringing.count == 1 { offer.agent = ringing[0] }
            }
            if ringing.count > 1 { offer.agent = ringing[min(ringing.count - 1, Int(rng.nextUnit() * Double(ringing.count)))] }
        } else if model.missesOffers && missesOffer(Int(offer.agent.index)) {
            return ringingOut(offer, agent: Int32(offer.agent.index))
        }
        let a = Int(offer.agent.index), s = Int(offer.call.raw), q = Int(offer.queue.index)
        try queue.answer(offer.agent, at: now)
        agents[a].answered += 1
        setBusy(a)
        agents[a].queue = Int32(q)
        agents[a].joinedAt = offer.joinedAt
        agents[a].workStart = now
        calls[s].ticket = nil
        calls[s].connected = true
        deadlines.remove(slot: s)                  // answered: the patience deadline is moot
        stats.dequeued(queue: q, joined: offer.joinedAt, at: now, exit: .answered)
        let talk = model.handling[q].sample(using: &rng)
        events.push(.talkEnd(agent: Int32(a), slot: Int32(s), generation: calls[s].generation), at: now + talk)
        if flow != nil { try feed(s, .agentConnected) }
    }

    /// Whether agent `a` lets this offer ring out (drawn only for groups with `no_answer`, so
    /// scenarios without it keep their random stream).
    mutating func missesOffer(_ a: Int) -> Bool {
        let p = model.scenario.agents[Int(agents[a].group)].noAnswer
        return p > 0 && rng.nextUnit() < p
    }

    /// The offer rings for the queue's `ring_timeout`; then `ringOut(agent:slot:generation:serial:)`.
    mutating func ringingOut(_ offer: CallerOffer, agent: Int32) {
        let s = Int(offer.call.raw)
        calls[s].ringingOut = true
        events.push(.ringOut(agent: agent, slot: Int32(s), generation: calls[s].generation, serial: calls[s].waitSerial),
                    at: now + model.queueSettings[Int(offer.queue.index)].ringTimeout)
    }

    /// The ring timeout passed: each agent still ringing for the caller misses the offer
    /// (`RINGNOANSWER`); the caller goes back to their place and the manager offers again.
    /// Nothing when the caller has hung up meanwhile (the manager withdrew the offer).
    mutating func ringOut(agent: Int, slot s: Int, generation: UInt32, serial: UInt32) throws {
        guard calls[s].generation == generation, calls[s].waitSerial == serial, calls[s].live, calls[s].ringingOut else { return }
        calls[s].ringingOut = false
        guard let ticket = calls[s].ticket else { return }
        for member in queue.ringingAgents(for: ticket) where agent < 0 || Int(member.index) == agent {
            try queue.notAnswered(member, at: now)
            stats.missedOffers += 1
        }
        try drain()
    }

    mutating func endTalk(agent a: Int, slot s: Int, generation: UInt32) throws {
        let q = Int(agents[a].queue)
        agents[a].talk += now - agents[a].workStart
        let wrapEnds = try queue.complete(AgentHandle(a), by: .agent, at: now)
        stats.handled(queue: q, joined: agents[a].joinedAt, seconds: wrapEnds - agents[a].workStart)
        if wrapEnds > now { events.push(.wrapEnd(agent: Int32(a)), at: wrapEnds) } else { setIdle(a) }
        if calls[s].generation == generation && calls[s].live {
            calls[s].connected = false
            if flow != nil {
                try feed(s, .agentDisconnected)
            } else {
                endCall(s)
            }
        }
        try drain()
    }

    /// The agent tries a reserved callback: reached (a conversation) or not (a short attempt).
    mutating func startCallback(_ offer: CallbackOffer) throws {
        let a = Int(offer.agent.index)
        try queue.answer(offer.agent, at: now)
        setBusy(a)
        agents[a].workStart = now
        stats.callbacksAttempted += 1
        stats.agents[a].callbacks += 1
        let reached = rng.nextUnit() < model.scenario.callbacks.reachRate
        let length = reached ? model.callbackHandling.sample(using: &rng) : model.callbackAttempt.sample(using: &rng)
        events.push(.callbackEnd(agent: Int32(a), reached: reached), at: now + length)
    }

    mutating func endCallback(agent a: Int, reached: Bool) throws {
        let result = try queue.reportOutcome(AgentHandle(a), reached ? .reached : .noAnswer, at: now)
        if reached { stats.callbacksCompleted += 1 }
        if result.wrapUpEnds > now { events.push(.wrapEnd(agent: Int32(a)), at: result.wrapUpEnds) } else { setIdle(a) }
        try drain()
    }

    mutating func removedFromQueue(_ removal: CallerRemoval) throws {
        let s = Int(removal.call.raw)
        guard calls[s].live, calls[s].ticket != nil else { return }
        calls[s].ticket = nil
        stats.dequeued(queue: Int(removal.queue.index), joined: calls[s].joinedAt, at: now, exit: .left)
        if flow != nil { try feed(s, .queueEmpty) } else { endCall(s) }
    }

    @inline(__always)
    mutating func setBusy(_ a: Int) {
        guard !agents[a].busy else { return }
        agents[a].busy = true
        stats.busy.add(1, at: now)
        agents[a].busySince = now
        if !agents[a].rostered {
            overtimeChanged(by: 1)
            stats.agentStaffed(a, true, at: now)
        }
    }

    @inline(__always)
    mutating func setIdle(_ a: Int) {
        guard agents[a].busy else { return }
        agents[a].busy = false
        stats.busy.add(-1, at: now)
        agents[a].busySeconds += AgentCounters.span(agents[a].busySince, now, limit: stats.duration)
        if !agents[a].rostered {
            overtimeChanged(by: -1)
            stats.agentStaffed(a, false, at: now)
        }
    }

    /// An agent past their shift started or stopped being busy: they count as staffed while busy.
    mutating func overtimeChanged(by delta: Int) {
        overtime += delta
        stats.staffed.set(Double(groupScheduled.reduce(0, +) + overtime), at: now)
    }
}
