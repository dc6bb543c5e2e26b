import Testing
@testable import CallQueue
