import Testing
@testable import Telephony
