using Microsoft.EntityFrameworkCore;

namespace ClinicBot.Staff.Data;

/// <summary>
/// The staff accounts' tables (ASP.NET Core Identity) as DDL generated from the EF Core model. The PostgreSQL DDL is
/// migration 4 of the storage (ClinicBot.Storage.Postgres.PostgresSchema.StaffIdentityCreateScript).
/// </summary>
public static class StaffIdentitySchema
{
    private const string SqliteScriptResource = "ClinicBot.Staff.Data.staff-identity.sqlite.sql";

    /// <summary>
    /// The SQLite DDL, checked in (staff-identity.sqlite.sql) rather than generated at start-up: generating it builds
    /// the EF Core model, about a third of the app's start-up CPU. A test keeps it equal to what EF Core generates.
    /// </summary>
    public static string SqliteCreateScript()
    {
        using var stream = typeof(StaffIdentitySchema).Assembly.GetManifestResourceStream(SqliteScriptResource)
            ?? throw new InvalidOperationException($"Missing embedded resource {SqliteScriptResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Points the staff accounts' DbContext at the app's database.</summary>
    public static void UseClinicDatabase(this DbContextOptionsBuilder options, Storage.ClinicDatabase database)
    {
        switch (database)
        {
            case Storage.Postgres.PostgresDatabase postgres:
                options.UseNpgsql(postgres.DataSource);
                break;
            case Storage.Sqlite.SqliteDatabase sqlite:
                options.UseSqlite(sqlite.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"No staff account store for {database.Provider}.");
        }
    }
}
