using ClinicBot.Staff.Accounts;
using ClinicBot.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// The staff accounts' PostgreSQL tables are created by migration 4 of the storage from a checked-in script
/// (src/ClinicBot.Storage/Postgres/staff-identity.postgres.sql: the storage has no EF Core and no web app); it must
/// stay what EF Core generates from the Identity model, or Identity would read and write tables of another shape.
/// </summary>
public sealed class StaffIdentityPostgresScriptTests(ITestOutputHelper output)
{
    [Fact]
    public void The_checked_in_script_is_what_EF_Core_generates_from_the_staff_model()
    {
        using var context = new StaffDbContext(new DbContextOptionsBuilder<StaffDbContext>().UseNpgsql().Options);
        var generated = context.Database.GenerateCreateScript();

        if (Normalize(generated) != Normalize(PostgresSchema.StaffIdentityCreateScript()))
        {
            // What migration 4 would create after a change to the model or to EF Core. Released migrations are never
            // edited: add a migration that brings existing databases to the new shape instead.
            output.WriteLine(generated);
        }

        Assert.Equal(Normalize(generated), Normalize(PostgresSchema.StaffIdentityCreateScript()));
    }

    // Blank lines, trailing spaces and line endings do not count.
    private static string Normalize(string script) => string.Join('\n', script.ReplaceLineEndings("\n").Split('\n')
        .Select(line => line.TrimEnd())
        .Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
}
