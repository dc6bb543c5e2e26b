/// Whole-flow checks on the step graph: unreachable steps and loops that never wait for the caller.
struct FlowGraphCheck {
    let builder: FlowBuilder

    func run() {
        let count = builder.parts.stepNames.count
        guard count > 0, builder.edges.count == count else { return }
        reportUnreachable(count)
        reportLoops(count, instantOnly: true)
        reportLoops(count, instantOnly: false)
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
    private func reportLoops(_ count: Int, instantOnly: Bool) {
        // Tarjan's strongly connected components over the chosen links.
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []

        func links(_ v: Int) -> [Int] {
            builder.edges[v].filter { instantOnly ? $0.instant : $0.silent }.map(\.target)
        }
        func connect(_ v: Int) {
            index[v] = counter; low[v] = counter; counter += 1
            stack.append(v); onStack[v] = true
            for w in links(v) {
                if index[w] < 0 { connect(w); low[v] = min(low[v], low[w]) } else if onStack[w] { low[v] = min(low[v], index[w]) }
            }
            if low[v] == index[v] {
                var component: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    component.append(w)
                    if w == v { break }
                }
                if component.count > 1 || links(v).contains(v) { components.append(component.sorted()) }
            }
        }
        for v in 0..<count where index[v] < 0 { connect(v) }

        for component in components {
            if !instantOnly && isInstantCycle(component) { continue }
            let names = component.map { builder.parts.stepNames[$0] }
            let first = component[0]
            let path = (names + [names[0]]).joined(separator: " → ")
            if instantOnly {
                builder.reader.error(builder.stepNodes[first], "steps \(path) loop forever without waiting for the caller: one of them must play, ask or hang up")
            } else {
                builder.reader.error(builder.stepNodes[first], "steps \(path) can cycle forever while the caller stays silent: send a timeout (on_no_input, on_timeout, on_failure) to a step that ends the call")
            }
        }
    }

    private func isInstantCycle(_ component: [Int]) -> Bool {
        component.allSatisfy { step in
            builder.edges[step].contains { $0.instant && component.contains($0.target) }
        }
    }
}
