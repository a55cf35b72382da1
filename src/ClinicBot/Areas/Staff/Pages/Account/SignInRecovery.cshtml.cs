using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Account;

/// <summary>Second sign-in step without the phone: one of the recovery codes shown at enrolment (each works once).</summary>
public sealed class SignInRecoveryModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, StaffAuditLog audit, CodeAttemptThrottle throttle) : PageModel
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
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], "recovery:throttled"), ct).ConfigureAwait(false);
            Problem = CodeAttemptThrottle.TooManyMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var cleaned = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(cleaned).ConfigureAwait(false);
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeAccepted, [], $"sign-in:recovery;left={left}"), ct).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.SignIn, [], "password+recovery"), ct).ConfigureAwait(false);
            return LocalRedirect(ReturnUrl);
        }

        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], result.IsLockedOut ? "recovery:locked-out" : "recovery"), ct).ConfigureAwait(false);
        Problem = "That recovery code did not work. Each recovery code works once.";
        return Page();
    }
}
