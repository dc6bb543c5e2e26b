import Testing
@testable import LiveRuntime
