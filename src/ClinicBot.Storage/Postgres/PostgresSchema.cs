using ClinicBot.Storage.Schema;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The app's tables on PostgreSQL, as ordered migrations (see <see cref="PostgresMigrator"/>). Column types
/// mirror <see cref="Sqlite.SqliteSchema"/> so every store runs the same SQL on both engines: timestamps are
/// fixed-width ISO-8601 UTC text (COLLATE "C", so text order is time order), JSON is TEXT (kept byte for byte:
/// Newtonsoft's "$type" must stay first, which jsonb would not promise).
/// </summary>
public static class PostgresSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "bot state and bookings", () => """
            CREATE TABLE bot_state (
                key TEXT PRIMARY KEY,
                etag TEXT NOT NULL,
                json TEXT NOT NULL,
                updated_utc TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE bookings (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                idempotency_key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                phone_e164 TEXT NOT NULL,
                email TEXT NULL,
                callback TEXT NOT NULL,
                created_at TEXT COLLATE "C" NOT NULL,
                channel TEXT NOT NULL
            );
            """),
        new(2, "staff booking status, audit and analytics", () => """
            CREATE TABLE booking_status (
                reference TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                updated_at TEXT COLLATE "C" NOT NULL,
                updated_by TEXT NOT NULL
            );
            CREATE TABLE staff_audit (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at TEXT COLLATE "C" NOT NULL,
                staff_user_id TEXT NULL,
                staff_email TEXT NULL,
                action TEXT NOT NULL,
                booking_references TEXT NOT NULL,
                detail TEXT NULL
            );
            CREATE INDEX ix_staff_audit_at ON staff_audit (at);
            CREATE TABLE analytics_turns (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at TEXT COLLATE "C" NOT NULL,
                day TEXT COLLATE "C" NOT NULL,
                channel TEXT NOT NULL,
                conversation_hash TEXT NOT NULL,
                crisis_reply BIGINT NOT NULL,
                unanswered_question TEXT NULL
            );
            CREATE INDEX ix_analytics_turns_day ON analytics_turns (day);
            CREATE TABLE analytics_topics (
                turn_id BIGINT NOT NULL REFERENCES analytics_turns (id) ON DELETE CASCADE,
                topic TEXT NOT NULL
            );
            CREATE INDEX ix_analytics_topics_turn ON analytics_topics (turn_id);
            CREATE TABLE analytics_bookings (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                day TEXT COLLATE "C" NOT NULL,
                channel TEXT NOT NULL
            );
            """),
        new(3, "local Direct Line conversations and transcripts", () => """
            CREATE TABLE directline_conversations (
                conversation_id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                started BIGINT NOT NULL DEFAULT 0,
                created_utc BIGINT NOT NULL,
                last_activity_utc BIGINT NOT NULL
            );
            CREATE TABLE directline_activities (
                conversation_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                activity_json TEXT NOT NULL,
                PRIMARY KEY (conversation_id, sequence)
            );
            CREATE INDEX directline_conversations_last_activity ON directline_conversations (last_activity_utc);
            CREATE TABLE directline_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """),
        new(4, "staff accounts (ASP.NET Core Identity, from the EF Core model)", StaffIdentityCreateScript),
        new(5, "staff audit rows keep the client address", () => "ALTER TABLE staff_audit ADD COLUMN source_address TEXT NULL;"),
        new(6, "bookings for someone else: who the call is for and who booked it (encrypted)", () => """
            ALTER TABLE bookings ADD COLUMN call_for TEXT NULL;
            ALTER TABLE bookings ADD COLUMN booked_by TEXT NULL;
            """),
        new(7, "Data Protection key ring shared by every instance (DataProtection:KeyStore=Database)", () => """
            CREATE TABLE dataprotection_keys (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                friendly_name TEXT NOT NULL UNIQUE,
                xml TEXT NOT NULL,
                created_utc TEXT COLLATE "C" NOT NULL
            );
            """),
    ];

    private const string StaffIdentityScriptResource = "ClinicBot.Storage.Postgres.staff-identity.postgres.sql";

    /// <summary>
    /// Migration 4: the staff accounts' tables (ASP.NET Core Identity), checked in (staff-identity.postgres.sql) as
    /// EF Core generated them from the staff model when this step was released, so the storage needs neither the
    /// web app nor EF Core. A functional test keeps it equal to what EF Core generates.
    /// </summary>
    public static string StaffIdentityCreateScript()
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream(StaffIdentityScriptResource)
            ?? throw new InvalidOperationException($"Missing embedded resource {StaffIdentityScriptResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
