import Foundation
import Yams

/// A link between steps for the graph checks: where it goes, and whether it can be taken
/// without the caller pressing a key (`silent`) or without any waiting at all (`instant`).
struct FlowEdge {
    var target: Int
    var silent: Bool
    var instant: Bool
}

/// Builds the program tables while reading the YAML tree (used by ``FlowCompiler``).
final class FlowBuilder {
    let reader: YAMLReader
    let availablePrompts: Set<String>?
    let defaultName: String
    var parts = FlowProgram.Parts()
    var stepIndex: [String: Int] = [:]
    var stepNodes: [Node] = []
    var edges: [[FlowEdge]] = []
    private var promptIndex: [String: Int] = [:]
    private var queueIndex: [String: Int] = [:]
    private var mailboxIndex: [String: Int] = [:]
    private var musicIndex: [String: Int] = [:]
    private var valueIndex: [String: Int] = [:]
    var scheduleIndex: [String: Int] = [:]
    var variableIndex: [String: Int] = [:]
    var currentStep = 0
    /// Set once the missing prompts for reading queue numbers out have been reported.
    var warnedAboutNumberPrompts = false

    static let topLevelKeys = ["name", "start", "variables", "schedules", "steps"]

    init(reader: YAMLReader, availablePrompts: Set<String>?, defaultName: String) {
        self.reader = reader
        self.availablePrompts = availablePrompts
        self.defaultName = defaultName
    }

    /// Prompts a queue needs to read its position and estimated wait out.
    static let announcementPrompts = ["queue-position", "queue-wait", "minutes"] + NumberWord.promptNames
    /// Used when the library has them, never asked for: `minute` (a one-minute wait; else `minutes`).
    static let optionalAnnouncementPrompts = ["minute"]
    /// Prompts a callback needs to read a phone number back (digit by digit).
    static let readBackPrompts = NumberWord.digitPromptNames
    /// Said for 0 in a number read back, when the library has it (British "oh seven seven …").
    static let ohPrompt = "digit-oh"

    /// The prompts of `needed` missing from the prompt library (none when no library is given).
    func missingPrompts(_ needed: [String]) -> [String] {
        guard let available = availablePrompts else { return [] }
        return needed.filter { !available.contains($0) }
    }

    /// `names` for a message: all of them when few, else the first few and how many more.
    static func summary(_ names: [String]) -> String {
        guard names.count > 4 else { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }

    func build(_ root: Node) {
        guard let pairs = reader.pairs(root, "a flow file") else { return }
        parts.name = defaultName
        var stepsNode: Node?, startNode: Node?
        for (key, keyNode, value) in pairs {
            switch key {
            case "name": parts.name = reader.string(value, "name") ?? defaultName
            case "start": startNode = value
            case "variables": readVariables(value)
            case "schedules": readSchedules(value)
            case "steps": stepsNode = value
            case let other where other.hasPrefix("x-"): continue   // a place for YAML anchors
            default:
                reader.error(keyNode, "unknown top-level key '\(key)': expected \(Self.topLevelKeys.joined(separator: ", ")) (or x-NAME for shared options)")
            }
        }
        guard let stepsNode else {
            reader.error(root, "the flow has no `steps:`: add at least one step")
            return
        }
        guard let stepPairs = reader.pairs(stepsNode, "steps") else { return }
        if stepPairs.isEmpty { reader.error(stepsNode, "`steps:` is empty: add at least one step"); return }
        if stepPairs.count > FlowLimits.maxSteps {
            reader.error(stepPairs[FlowLimits.maxSteps].keyNode, "the flow has \(stepPairs.count) steps; at most \(FlowLimits.maxSteps): this is step \(FlowLimits.maxSteps + 1). Split the line into several flows or share steps between branches")
            return
        }
        for (i, step) in stepPairs.enumerated() {
            stepIndex[step.key] = i
            parts.stepNames.append(step.key)
            stepNodes.append(step.keyNode)
        }
        edges = Array(repeating: [], count: stepPairs.count)
        parts.steps = Array(repeating: .hangup(nil), count: stepPairs.count)
        parts.start = 0
        if let startNode, let name = reader.string(startNode, "start") {
            if let index = stepIndex[name] { parts.start = index } else {
                reader.error(startNode, "start step '\(name)' does not exist\(suggestion(name))")
            }
        }
        for (i, step) in stepPairs.enumerated() {
            currentStep = i
            parts.steps[i] = StepReader(builder: self, name: step.key, node: step.value, index: i).read()
        }
        FlowGraphCheck(builder: self).run()
        internNumberPrompts()
    }

    /// Steps that read numbers out use these prompts from the library: queues (position and
    /// wait) ``announcementPrompts``, callbacks (number read-back) ``readBackPrompts``. Only
    /// prompts the library has are interned; the interpreter skips or works around the rest.
    private func internNumberPrompts() {
        let announces = parts.queues.contains { $0.announcePosition || $0.announceWait }
        let readsBack = parts.callbacks.contains { $0.confirm }
        var needed: [String] = []
        if readsBack || announces { needed += Self.readBackPrompts }
        if announces { needed += (Self.announcementPrompts + Self.optionalAnnouncementPrompts).filter { !needed.contains($0) } }
        for name in needed where availablePrompts?.contains(name) ?? true {
            _ = intern(name, &promptIndex, &parts.promptNames)
        }
        // "oh" for the 0 of a national number read back ("oh seven seven …"): only when the
        // library has it; else `digit-0` is said.
        if readsBack, availablePrompts?.contains(Self.ohPrompt) == true {
            _ = intern(Self.ohPrompt, &promptIndex, &parts.promptNames)
        }
    }

    // MARK: - Interning

    /// Whether `name` can name a prompt or hold music file: letters, digits, dashes and
    /// underscores, starting with a letter or digit (so it is always a plain file name).
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    func prompt(_ name: String, _ node: Node) -> Int? {
        if !Self.isPlainName(name) {
            reader.error(node, "'\(name)' is not a prompt name: use letters, digits, dashes and underscores, e.g. main-menu")
            return nil
        }
        if let available = availablePrompts, !available.contains(name) {
            reader.error(node, "prompt '\(name)' is missing from the prompt library: add prompts/\(name).wav (or record it with `ivr prompt record \(name)`)")
        }
        return intern(name, &promptIndex, &parts.promptNames)
    }

    func prompts(_ node: Node, _ what: String) -> PromptList {
        var list = PromptList()
        let names = reader.strings(node, what)
        if names.isEmpty, case .sequence = node {
            reader.error(node, "\(what) lists no prompts: name at least one, e.g. [greeting]")
        }
        if names.count > PromptList.capacity {
            reader.error(node, "\(what) lists \(names.count) prompts: at most \(PromptList.capacity)")
        }
        for (name, item) in names { if let p = prompt(name, item) { list.append(p) } }
        return list
    }

    func queue(_ name: String) -> Int { intern(name, &queueIndex, &parts.queueNames) }
    func mailbox(_ name: String) -> Int { intern(name, &mailboxIndex, &parts.mailboxNames) }
    /// Hold music: `prompts/music/<name>.wav` or a folder `prompts/music/<name>/`
    /// (listed as `music/<name>` in `availablePrompts`).
    func music(_ name: String, _ node: Node) -> Int {
        if !Self.isPlainName(name) {
            reader.error(node, "'\(name)' is not a hold music name: use letters, digits, dashes and underscores, e.g. default")
        } else if musicIndex[name] == nil, let available = availablePrompts, !available.contains("music/\(name)") {
            reader.error(node, "hold music '\(name)' is missing from the prompt library: add prompts/music/\(name).wav or a folder prompts/music/\(name)/")
        }
        return intern(name, &musicIndex, &parts.musicNames)
    }
    func value(_ text: String) -> Int { intern(text, &valueIndex, &parts.values) }

    private func intern(_ name: String, _ index: inout [String: Int], _ table: inout [String]) -> Int {
        if let i = index[name] { return i }
        index[name] = table.count
        table.append(name)
        return table.count - 1
    }

    /// A literal or `$variable` text value.
    func valueSource(_ node: Node, _ what: String) -> ValueSource {
        guard let text = reader.string(node, what) else { return .none }
        if text.hasPrefix("$") {
            let name = String(text.dropFirst())
            guard let slot = variableIndex[name] else {
                reader.error(node, "unknown variable '\(name)': declare it under `variables:`")
                return .none
            }
            return .variable(slot)
        }
        return .literal(value(text))
    }

    /// The step a reference names; records the edge for the graph checks.
    func target(_ node: Node, _ what: String, silent: Bool, instant: Bool = false) -> Int {
        guard let name = reader.string(node, what) else { return -1 }
        if name == "hangup" && stepIndex[name] == nil { return -1 }
        guard let index = stepIndex[name] else {
            reader.error(node, "\(what) '\(name)' is not a step in this flow\(suggestion(name))")
            return -1
        }
        edges[currentStep].append(FlowEdge(target: index, silent: silent, instant: instant))
        return index
    }

    /// The step after `index` in the file, or -1 (hang up) for the last one.
    func following(_ index: Int, silent: Bool, instant: Bool = false) -> Int {
        let next = index + 1 < parts.stepNames.count ? index + 1 : -1
        if next >= 0 { edges[currentStep].append(FlowEdge(target: next, silent: silent, instant: instant)) }
        return next
    }

    /// "Did you mean" hints given so far: each compares with every step name, so a flow full of
    /// bad references gets them for the first few only (and stays quick to check).
    private var suggestionsGiven = 0

    func suggestion(_ name: String) -> String {
        suggestionsGiven += 1
        guard suggestionsGiven <= 50, name.count <= 64 else { return "" }
        let close = parts.stepNames.lazy.filter { abs($0.count - name.count) <= 2 && editDistance($0, name) <= 2 }
        if let best = close.first { return ": did you mean '\(best)'?" }
        return ": steps are \(parts.stepNames.prefix(8).joined(separator: ", "))"
    }

    // MARK: - Top level sections

    private func readVariables(_ node: Node) {
        guard let pairs = reader.pairs(node, "variables") else { return }
        for (key, keyNode, value) in pairs {
            guard variableIndex.count < VariableSlots.capacity else {
                reader.error(keyNode, "too many variables: a flow may have at most \(VariableSlots.capacity)")
                continue
            }
            variableIndex[key] = parts.variableNames.count
            parts.variableNames.append(key)
            if let text = reader.string(value, "variable '\(key)'") {
                parts.initialVariables[variableIndex[key]!] = self.value(text)
            }
        }
    }

    private func readSchedules(_ node: Node) {
        guard let pairs = reader.pairs(node, "schedules") else { return }
        let parser = ScheduleParser(reader: reader)
        for (key, _, value) in pairs {
            guard let hours = parser.parse(value, name: key) else { continue }
            scheduleIndex[key] = parts.schedules.count
            parts.schedules.append(hours)
            parts.scheduleNames.append(key)
        }
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
