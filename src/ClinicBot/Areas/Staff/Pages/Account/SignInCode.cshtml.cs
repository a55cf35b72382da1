using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Account;

/// <summary>Second sign-in step for accounts with two-factor on: the TOTP code from an authenticator app.</summary>
public sealed class SignInCodeModel(SignInManager<StaffUser> signIn, StaffAuditLog audit) : PageModel
{
    public string? Problem { get; private set; }

    public string ReturnUrl { get; private set; } = "/staff";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = LocalStaffUrl.OrDefault(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is null
            ? Redirect("/staff/account/sign-in")
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = LocalStaffUrl.OrDefault(returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false);
        if (user is null)
        {
            return Redirect("/staff/account/sign-in");
        }

        var cleaned = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, isPersistent: false, rememberClient: false).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.SignIn, [], "password+totp"), ct).ConfigureAwait(false);
            return LocalRedirect(ReturnUrl);
        }

        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.SignInFailed, [], result.IsLockedOut ? "locked-out" : "totp"), ct).ConfigureAwait(false);
        Problem = result.IsLockedOut ? "Too many failed attempts. The account is locked for 15 minutes." : "That code is not valid. Try the current one.";
        return Page();
    }
}
