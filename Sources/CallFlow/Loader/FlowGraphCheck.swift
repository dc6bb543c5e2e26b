/// Whole-flow checks on the step graph: unreachable steps and loops that never wait for the caller.
struct FlowGraphCheck {
    let builder: FlowBuilder

    func run() {
        let count = builder.parts.stepNames.count
        guard count > 0, builder.edges.count == count else { return }
        reportUnreachable(count)
        let instantLoops = reportLoops(count, instantOnly: true)
        reportLoops(count, instantOnly: false)
        if !instantLoops { reportLongInstantChains(count) }
    }

    private func reportUnreachable(_ count: Int) {
        var seen = Array(repeating: false, count: count)
        var stack = [builder.parts.start]
        seen[builder.parts.start] = true
        while let step = stack.popLast() {
            for edge in builder.edges[step] where !seen[edge.target] {
                seen[edge.target] = true
                stack.append(edge.target)
            }
        }
        for step in 0..<count where !seen[step] {
            builder.reader.warning(builder.stepNodes[step], "step '\(builder.parts.stepNames[step])' is never reached from the start step '\(builder.parts.stepNames[builder.parts.start])'")
        }
    }

    /// Finds cycles made only of instant links (goto, set, hours) or only of links taken
    /// without a key press (a silent caller), and reports each once at its first step.
    /// Returns whether an instant cycle was found.
    @discardableResult
    private func reportLoops(_ count: Int, instantOnly: Bool) -> Bool {
        let links: [[Int]] = (0..<count).map { v in
            builder.edges[v].filter { instantOnly ? $0.instant : $0.silent }.map(\.target)
        }
        var found = false
        for component in Self.cycles(links) {
            if !instantOnly && isInstantCycle(component) { continue }
            found = true
            let names = component.map { builder.parts.stepNames[$0] }
            let first = component[0]
            let path = Self.shortPath(names + [names[0]])
            if instantOnly {
                builder.reader.error(builder.stepNodes[first], "steps \(path) loop forever without waiting for the caller: one of them must play, ask or hang up")
            } else {
                builder.reader.error(builder.stepNodes[first], "steps \(path) can cycle forever while the caller stays silent: send a timeout (on_no_input, on_timeout, on_failure) to a step that ends the call")
            }
        }
        return found
    }

    /// The strongly connected components of `links` that contain a cycle (more than one step,
    /// or a step linked to itself), each sorted. Tarjan's algorithm with an explicit stack, so
    /// a flow of any length cannot overflow the thread's stack.
    static func cycles(_ links: [[Int]]) -> [[Int]] {
        let count = links.count
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []
        // Each frame: a step and how many of its links have been followed.
        var frames: [(step: Int, next: Int)] = []
        for root in 0..<count where index[root] < 0 {
            frames.append((root, 0))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let v = frame.step
                if frame.next < links[v].count {
                    frames[frames.count - 1].next += 1
                    let w = links[v][frame.next]
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        frames.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.step { low[parent] = min(low[parent], low[v]) }
                if low[v] == index[v] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    if component.count > 1 || links[v].contains(v) { components.append(component.sorted()) }
                }
            }
        }
        return components
    }

    /// `a → b → c`, or for a long cycle its first and last few steps and how many between.
    static func shortPath(_ names: [String]) -> String {
        guard names.count > 12 else { return names.joined(separator: " → ") }
        return (names.prefix(5) + ["… (\(names.count - 10) more) …"] + names.suffix(5)).joined(separator: " → ")
    }

    /// Reports the longest run of instant steps (goto, set, hours) when a call could take more
    /// than ``CallInterpreter/maxHops`` of them in a row: the interpreter would end the call there.
    /// Only called when there is no instant cycle, so the instant links form a DAG.
    private func reportLongInstantChains(_ count: Int) {
        let links: [[Int]] = (0..<count).map { v in builder.edges[v].filter(\.instant).map(\.target) }
        // depth[v]: the most steps entered in a row from v through instant links (v included).
        var depth = Array(repeating: 0, count: count)
        var frames: [(step: Int, next: Int)] = []
        for root in 0..<count where depth[root] == 0 {
            frames.append((root, 0))
            depth[root] = -1                       // on the path
            while let frame = frames.last {
                let v = frame.step
                if frame.next < links[v].count {
                    frames[frames.count - 1].next += 1
                    let w = links[v][frame.next]
                    if depth[w] == 0 { depth[w] = -1; frames.append((w, 0)) }
                    continue
                }
                frames.removeLast()
                depth[v] = 1 + (links[v].map { max(depth[$0], 0) }.max() ?? 0)
            }
        }
        guard let worst = (0..<count).max(by: { depth[$0] < depth[$1] }), depth[worst] > CallInterpreter.maxHops else { return }
        builder.reader.error(builder.stepNodes[worst], "from step '\(builder.parts.stepNames[worst])' a call can pass \(depth[worst]) goto/set/hours steps in a row without waiting; at most \(CallInterpreter.maxHops) (the call would be ended there): put a play, menu or other waiting step between them")
    }

    private func isInstantCycle(_ component: [Int]) -> Bool {
        let members = Set(component)
        return component.allSatisfy { step in
            builder.edges[step].contains { $0.instant && members.contains($0.target) }
        }
    }
}
