import Foundation
@testable import CallFlow

/// Loads the shipped `flows/store.yaml` and the prompt names in `prompts/`.
enum StoreFlow {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let promptNames: Set<String> = {
        let dir = root.appendingPathComponent("prompts")
        var names = Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path))?
            .filter { $0.hasSuffix(".wav") }.map { String($0.dropLast(4)) } ?? [])
        names.insert("music/default")
        return names
    }()

    static let compilation = FlowCompiler.compile(fileAt: root.appendingPathComponent("flows/store.yaml").path,
                                                  displayName: "flows/store.yaml", availablePrompts: promptNames)

    static var program: FlowProgram { compilation.program! }

    static var hours: BusinessHours { program.schedules[program.scheduleNames.firstIndex(of: "store")!] }
}
