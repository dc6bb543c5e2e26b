import Testing
@testable import CallFlow
