/// LoadSim: the load simulator: scenarios, caller models, a discrete-event scheduler, statistics, Erlang C and A.
///
/// Runs the same interpreter and queue manager as live calls, on virtual time.
public enum LoadSimModule {}
