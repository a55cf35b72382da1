namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// Every app table in the SQLite file, created if missing whenever the file is opened by the app.
/// The staff accounts (ASP.NET Core Identity) are created by EF Core: see Areas/Staff/Data/StaffSchema.
/// Keep in step with <see cref="Postgres.PostgresSchema"/>: the stores run the same SQL on both.
/// </summary>
public static class SqliteSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS bot_state (
            key TEXT PRIMARY KEY NOT NULL,
            etag TEXT NOT NULL,
            json TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS bookings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL UNIQUE,
            idempotency_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            phone_e164 TEXT NOT NULL,
            email TEXT NULL,
            callback TEXT NOT NULL,
            created_at TEXT NOT NULL,
            channel TEXT NOT NULL,
            call_for TEXT NULL,
            booked_by TEXT NULL
        );

        CREATE TABLE IF NOT EXISTS booking_status (
            reference TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS staff_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            staff_user_id TEXT NULL,
            staff_email TEXT NULL,
            action TEXT NOT NULL,
            booking_references TEXT NOT NULL,
            detail TEXT NULL,
            source_address TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_staff_audit_at ON staff_audit (at);

        CREATE TABLE IF NOT EXISTS analytics_turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            conversation_hash TEXT NOT NULL,
            crisis_reply INTEGER NOT NULL,
            unanswered_question TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_analytics_turns_day ON analytics_turns (day);
        CREATE TABLE IF NOT EXISTS analytics_topics (
            turn_id INTEGER NOT NULL REFERENCES analytics_turns (id) ON DELETE CASCADE,
            topic TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_analytics_topics_turn ON analytics_topics (turn_id);
        CREATE TABLE IF NOT EXISTS analytics_bookings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day TEXT NOT NULL,
            channel TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS directline_conversations (
            conversation_id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            started INTEGER NOT NULL DEFAULT 0,
            created_utc INTEGER NOT NULL,
            last_activity_utc INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            activity_json TEXT NOT NULL,
            PRIMARY KEY (conversation_id, sequence)
        );
        CREATE INDEX IF NOT EXISTS directline_conversations_last_activity
            ON directline_conversations (last_activity_utc);
        CREATE TABLE IF NOT EXISTS directline_settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    /// <summary>Columns added after a table was first released: added to a file made before them (table, column, definition).</summary>
    public static IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("bookings", "call_for", "TEXT NULL"),
        ("bookings", "booked_by", "TEXT NULL"),
        ("staff_audit", "source_address", "TEXT NULL"),
    ];
}
