/// Storage: the SQLite store (GRDB, WAL) for voicemail, callbacks, agents, call records and the queue log.
///
/// The only module that imports GRDB.
public enum StorageModule {}
