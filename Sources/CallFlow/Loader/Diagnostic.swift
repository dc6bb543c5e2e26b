/// A problem found in a flow file, printed as `FILE:LINE:COLUMN: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable {
        /// The flow cannot run.
        case error
        /// The flow runs, but probably not as meant.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// The file name as given by the user.
    public let file: String
    /// Line, from 1.
    public let line: Int
    /// Column, from 1.
    public let column: Int
    /// What is wrong and what to do.
    public let message: String

    /// A diagnostic at a position.
    public init(_ severity: Severity, file: String, line: Int, column: Int, message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, control characters escaped.
    public var description: String {
        "\(YAMLInputCheck.printable(file)):\(line):\(column): \(severity.rawValue): \(YAMLInputCheck.printable(message))"
    }
}

/// The result of compiling a flow: the program when there is no error, and every diagnostic.
public struct FlowCompilation: Sendable {
    /// The runnable program, or nil when any diagnostic is an error.
    public let program: FlowProgram?
    /// All problems found, in file order.
    public let diagnostics: [Diagnostic]

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
