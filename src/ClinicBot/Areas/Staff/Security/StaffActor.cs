using System.Security.Claims;

namespace ClinicBot.Staff.Security;

/// <summary>Who is signed in, for audit rows.</summary>
public static class StaffActor
{
    public static string? Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? Email(ClaimsPrincipal user) => user.Identity?.Name;
}
