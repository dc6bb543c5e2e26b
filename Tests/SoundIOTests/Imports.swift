import Testing
@testable import SoundIO
