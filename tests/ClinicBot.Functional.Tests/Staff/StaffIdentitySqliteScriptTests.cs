using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// The staff accounts' SQLite tables are created from a checked-in script (no EF Core model building at start-up);
/// it must stay what EF Core generates from the Identity model, or Identity would read and write tables of another shape.
/// </summary>
public sealed class StaffIdentitySqliteScriptTests(ITestOutputHelper output)
{
    [Fact]
    public void The_checked_in_script_is_what_EF_Core_generates_from_the_staff_model()
    {
        using var context = new StaffDbContext(new DbContextOptionsBuilder<StaffDbContext>().UseSqlite("Data Source=:memory:").Options);
        var generated = context.Database.GenerateCreateScript();

        if (Normalize(generated) != Normalize(StaffIdentitySchema.SqliteCreateScript()))
        {
            // What to put in Areas/Staff/Data/staff-identity.sqlite.sql after a change to the model or to EF Core.
            output.WriteLine(generated);
        }

        Assert.Equal(Normalize(generated), Normalize(StaffIdentitySchema.SqliteCreateScript()));
    }

    // Blank lines, trailing spaces and the file's "--" header do not count.
    private static string Normalize(string script) => string.Join('\n', script.ReplaceLineEndings("\n").Split('\n')
        .Select(line => line.TrimEnd())
        .Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
}
