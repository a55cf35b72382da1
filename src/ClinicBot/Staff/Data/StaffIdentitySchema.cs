using ClinicBot.Staff.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBot.Staff.Data;

/// <summary>The staff accounts' tables (ASP.NET Core Identity) as PostgreSQL DDL, generated from the EF Core model.</summary>
public static class StaffIdentitySchema
{
    public static string PostgresCreateScript()
    {
        using var context = new StaffDbContext(new DbContextOptionsBuilder<StaffDbContext>().UseNpgsql().Options);
        return context.Database.GenerateCreateScript();
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
