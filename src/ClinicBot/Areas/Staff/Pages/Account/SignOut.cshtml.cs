using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Account;

/// <summary>
/// Signing out is a POST (antiforgery-checked); GET only shows the button. It ends the session on the server:
/// the account's security stamp changes, so a copy of the cookie taken before sign-out no longer works.
/// </summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, StaffAuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(User).ConfigureAwait(false);
            if (user is not null)
            {
                await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            }

            await audit.WriteAsync(new AuditEntry(StaffActor.Id(User), StaffActor.Email(User), AuditActions.SignOut, [], null), ct).ConfigureAwait(false);
        }

        await signIn.SignOutAsync().ConfigureAwait(false);
        return Redirect("/staff/account/sign-in");
    }
}
