/// The inputs `ivr erlang` accepts, so that every answer comes back in seconds.
///
/// Erlang A is solved on a chain whose length grows with the load and with the calls that
/// arrive within one mean patience, and its service level takes steps in proportion to the
/// target over the handling time; these bounds keep both small. docs/SIMULATION.md lists them.
public enum ErlangLimits {
    /// Longest --aht, --target and --patience: one day.
    public static let longestTime = 86_400.0
    /// Shortest --aht: one second.
    public static let shortestHandling = 1.0
    /// Largest offered load (Erlangs) with --patience.
    public static let largestLoadWithPatience = 2_000.0
    /// Largest arrival rate × mean patience (calls arriving within one mean patience) with --patience.
    public static let mostCallsWithinPatience = 10_000.0
    /// Largest arrival rate × --target (calls arriving within the target) with --patience.
    public static let mostCallsWithinTarget = 5_000.0
    /// Longest --target with --patience: one hour.
    public static let longestTargetWithPatience = 3_600.0
}
