import Testing
@testable import LoadSim
