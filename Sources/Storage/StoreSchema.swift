import GRDB

/// The database schema, as GRDB migrations. Add a migration; never edit a shipped one.
///
/// - v1: queues (with the default four), agents, skills, callbacks, attempts, voicemails,
///   call records, waiting callers.
/// - v2: `agents.logged_in_at` (for AGENTLOGOFF's logged-in time) and
///   `queues.callback_initial_delay` (Amazon Connect's initial delay).
/// - v3: queues still on v1's default shop hours get the phone line's hours.
/// - v4: `voicemails.mailbox` and `voicemails.interrupted` (rows are written when recording
///   starts, in status `recording`, and completed when it ends or after a crash).
/// - v5-web-users: `web_users` (browser desk sign-in: role, agent link, bcrypt hash) and
///   `web_sessions` (random session tokens with their CSRF token and expiry).
/// - v5: the queue's routing settings (`strategy`, `wrap_up`, `max_wait`, `join_empty`,
///   `leave_when_empty`, `announce_frequency`, `ring_timeout`, `level_widening`) and `holidays`;
///   queues on the default hours get the line's bank holidays.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createQueuesAndAgents(db)
            try createCallbacks(db)
            try createVoicemailsAndCalls(db)
            for queue in StoreDefaultsV1.queues { try queue.insert(db) }
        }
        migrator.registerMigration("v2-login-time-initial-delay") { db in
            try db.execute(sql: """
                ALTER TABLE agents ADD COLUMN logged_in_at TEXT;
                ALTER TABLE queues ADD COLUMN callback_initial_delay REAL NOT NULL DEFAULT 0
                  CHECK (callback_initial_delay >= 0);
                """)
        }
        migrator.registerMigration("v3-line-hours") { db in
            try db.execute(sql: "UPDATE queues SET hours = ? WHERE hours = ?",
                           arguments: [StoreDefaults.lineHours, StoreDefaultsV1.shopHours])
        }
        migrator.registerMigration("v4-voicemail-while-recording") { db in
            try db.execute(sql: """
                ALTER TABLE voicemails ADD COLUMN mailbox TEXT;
                ALTER TABLE voicemails ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX voicemails_by_status ON voicemails(status);
                """)
        }
        migrator.registerMigration("v5-web-users") { db in try WebUserSchema.create(db) }
        migrator.registerMigration("v5-queue-settings") { db in
            try db.execute(sql: """
                ALTER TABLE queues ADD COLUMN strategy TEXT NOT NULL DEFAULT 'longest-idle';
                ALTER TABLE queues ADD COLUMN wrap_up REAL NOT NULL DEFAULT 0;
                ALTER TABLE queues ADD COLUMN max_wait REAL NOT NULL DEFAULT 0;
                ALTER TABLE queues ADD COLUMN join_empty TEXT NOT NULL DEFAULT 'yes';
                ALTER TABLE queues ADD COLUMN leave_when_empty TEXT NOT NULL DEFAULT 'no';
                ALTER TABLE queues ADD COLUMN announce_frequency REAL NOT NULL DEFAULT 60;
                ALTER TABLE queues ADD COLUMN ring_timeout REAL NOT NULL DEFAULT 15;
                ALTER TABLE queues ADD COLUMN level_widening REAL NOT NULL DEFAULT 30;
                ALTER TABLE queues ADD COLUMN holidays TEXT NOT NULL DEFAULT '';
                """)
            try db.execute(sql: "UPDATE queues SET holidays = ? WHERE holidays = '' AND hours IN (?, ?)",
                           arguments: [StoreDefaults.holidays.joined(separator: ", "),
                                       StoreDefaults.lineHours, StoreDefaults.officeHours])
        }
        return migrator
    }

    private static func createQueuesAndAgents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE queues (
              name TEXT PRIMARY KEY NOT NULL,
              title TEXT NOT NULL,
              hours TEXT NOT NULL,
              time_zone TEXT NOT NULL,
              callback_max_attempts INTEGER NOT NULL CHECK (callback_max_attempts >= 1),
              callback_retry_delay REAL NOT NULL CHECK (callback_retry_delay >= 0),
              callback_reservation_timeout REAL NOT NULL CHECK (callback_reservation_timeout > 0)
            );
            CREATE TABLE agents (
              id TEXT PRIMARY KEY NOT NULL,
              name TEXT NOT NULL,
              state TEXT NOT NULL,
              state_since TEXT NOT NULL,
              created_at TEXT NOT NULL
            );
            CREATE TABLE agent_skills (
              agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
              queue TEXT NOT NULL REFERENCES queues(name),
              level INTEGER NOT NULL CHECK (level >= 1),
              PRIMARY KEY (agent_id, queue)
            );
            """)
    }

    private static func createCallbacks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE callbacks (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              number TEXT NOT NULL,
              queue TEXT NOT NULL REFERENCES queues(name),
              topic TEXT,
              source TEXT NOT NULL,
              joined_at TEXT NOT NULL,
              requested_at TEXT NOT NULL,
              due TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              max_attempts INTEGER NOT NULL,
              status TEXT NOT NULL,
              reserved_by TEXT REFERENCES agents(id),
              reserved_until TEXT,
              outcome TEXT,
              voicemail_id INTEGER,
              notes TEXT NOT NULL DEFAULT '',
              CHECK ((status = 'reserved') = (reserved_by IS NOT NULL AND reserved_until IS NOT NULL))
            );
            CREATE INDEX callbacks_by_status_due ON callbacks(status, due);
            CREATE UNIQUE INDEX callbacks_one_open_per_number ON callbacks(number) WHERE status != 'closed';
            CREATE TABLE callback_attempts (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              callback_id INTEGER NOT NULL REFERENCES callbacks(id) ON DELETE CASCADE,
              agent_id TEXT,
              outcome TEXT NOT NULL,
              note TEXT,
              at TEXT NOT NULL
            );
            CREATE INDEX callback_attempts_by_callback ON callback_attempts(callback_id);
            """)
    }

    private static func createVoicemailsAndCalls(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE voicemails (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              file TEXT NOT NULL UNIQUE,
              caller TEXT,
              received_at TEXT NOT NULL,
              duration REAL NOT NULL,
              flow TEXT,
              step TEXT,
              topic TEXT,
              status TEXT NOT NULL DEFAULT 'new'
            );
            CREATE TABLE call_records (
              id TEXT PRIMARY KEY NOT NULL,
              caller TEXT,
              flow TEXT,
              line TEXT,
              started_at TEXT NOT NULL,
              ended_at TEXT,
              queue TEXT,
              agent_id TEXT,
              wait_seconds REAL,
              talk_seconds REAL,
              outcome TEXT NOT NULL
            );
            CREATE TABLE waiting_callers (
              call_id TEXT PRIMARY KEY NOT NULL,
              queue TEXT NOT NULL REFERENCES queues(name),
              caller TEXT,
              joined_at TEXT NOT NULL
            );
            """)
    }
}

/// The v1 default queues as v1 stored them (without later columns); kept so the
/// v1 migration never changes.
enum StoreDefaultsV1 {
    struct Queue: PersistableRecord, Encodable {
        static let databaseTableName = "queues"
        let name: String, title: String, hours: String
        var time_zone = "Europe/London"
        var callback_max_attempts = 3
        var callback_retry_delay = 600.0
        var callback_reservation_timeout = 600.0
    }

    /// v1's default hours of orders, returns and general.
    static let shopHours = "mon-fri 08:00-20:00, sat 09:00-17:00, sun 10:00-16:00"

    static let queues: [Queue] = [
        Queue(name: "orders", title: "Orders and delivery", hours: shopHours),
        Queue(name: "payments", title: "Payments and refunds", hours: "mon-fri 09:00-17:30"),
        Queue(name: "returns", title: "Returns and exchanges", hours: shopHours),
        Queue(name: "general", title: "Everything else", hours: shopHours),
    ]
}
