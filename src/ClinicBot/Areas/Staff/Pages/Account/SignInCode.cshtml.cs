using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Account;

/// <summary>Second sign-in step: the TOTP code from an authenticator app (each code works once), throttled and audited.</summary>
public sealed class SignInCodeModel(SignInManager<StaffUser> signIn, StaffAuditLog audit, CodeAttemptThrottle throttle) : PageModel
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

        if (!throttle.TryAttempt(user.Id))
        {
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], "sign-in:throttled"), ct).ConfigureAwait(false);
            Problem = CodeAttemptThrottle.TooManyMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Clean(code), isPersistent: false, rememberClient: false).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeAccepted, [], "sign-in:totp"), ct).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.SignIn, [], "password+totp"), ct).ConfigureAwait(false);
            return LocalRedirect(ReturnUrl);
        }

        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], result.IsLockedOut ? "sign-in:locked-out" : "sign-in:totp"), ct).ConfigureAwait(false);
        Problem = "That code did not work. Codes work once: wait for the next one, or use a recovery code.";
        return Page();
    }
}
