import CallFlow

/// A problem in a scenario file, located at a line and column.
///
/// Its description is `FILE:LINE:COLUMN: error: message`, the form editors and `ivr flow check` use.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario file as the user named it.
    public var file: String
    /// 1-based line (0 when the whole file is at fault).
    public var line: Int
    /// 1-based column (0 when unknown).
    public var column: Int
    /// What is wrong and what to do about it.
    public var message: String

    /// A located error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, control characters escaped.
    public var description: String {
        "\(YAMLInputCheck.printable(file)):\(line):\(column): error: \(YAMLInputCheck.printable(message))"
    }
}

/// Every problem found in a scenario file, reported together.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// The problems in file order.
    public var errors: [ScenarioError]

    /// Wraps located errors.
    public init(errors: [ScenarioError]) { self.errors = errors }

    /// One line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
