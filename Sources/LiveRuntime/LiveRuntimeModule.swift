/// LiveRuntime: runs calls on ALSA lines in real time, timers on each line's sample clock.
///
/// Feeds events to the call-flow interpreter and carries out its actions.
public enum LiveRuntimeModule {}
