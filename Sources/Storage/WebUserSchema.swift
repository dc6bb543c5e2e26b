import GRDB

/// Tables of the browser desk's users and sessions (migration `v5-web-users`).
enum WebUserSchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE web_users (
              name TEXT PRIMARY KEY NOT NULL,
              role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'staff')),
              agent_id TEXT,
              password_hash TEXT NOT NULL,
              created_at TEXT NOT NULL,
              CHECK ((role = 'agent') = (agent_id IS NOT NULL))
            );
            CREATE TABLE web_sessions (
              token TEXT PRIMARY KEY NOT NULL,
              user_name TEXT NOT NULL REFERENCES web_users(name) ON DELETE CASCADE,
              csrf TEXT NOT NULL,
              created_at TEXT NOT NULL,
              expires_at TEXT NOT NULL
            );
            CREATE INDEX web_sessions_by_user ON web_sessions(user_name);
            """)
    }
}
