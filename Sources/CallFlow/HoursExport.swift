/// Opening hours (`BusinessHours`, `LocalDate`, `ClockInterval`, ...) live in the pure `Hours`
/// module, shared with Storage; CallFlow re-exports them so its users see one API.
@_exported import Hours
