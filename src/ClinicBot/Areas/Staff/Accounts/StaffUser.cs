using Microsoft.AspNetCore.Identity;

namespace ClinicBot.Staff.Accounts;

/// <summary>One clinic staff member's sign-in account (user name = email). Each person has their own.</summary>
public sealed class StaffUser : IdentityUser
{
}
