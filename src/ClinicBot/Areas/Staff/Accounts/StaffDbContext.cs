using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables (AspNetUsers, ...) in the app's database. Only accounts live here;
/// booking status, audit and analytics have their own small SQL classes, so a later PostgreSQL move
/// swaps UseSqlite for UseNpgsql here and the SQL dialect in those classes.
/// </summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser>(options)
{
}
