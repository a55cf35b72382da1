using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClinicBot.Staff.Pages.Account;

/// <summary>The password step. Throttled per address and globally; one message for every kind of failure.</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
public sealed class SignInModel(StaffPasswordSignIn passwords, StaffAuditLog audit) : PageModel
{
    public const string FailedMessage = "Sign-in failed. Check your email and password, or ask the clinic's administrator.";

    public string? Problem { get; private set; }

    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/staff";

    public void OnGet(string? returnUrl) => ReturnUrl = LocalStaffUrl.OrDefault(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = LocalStaffUrl.OrDefault(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 1024)
        {
            Problem = "Enter your email and password.";
            return Page();
        }

        var result = await passwords.SignInAsync(email.Trim(), password).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case PasswordSignInOutcome.CodeRequired:
                await audit.WriteAsync(new AuditEntry(result.User?.Id, result.User?.Email, AuditActions.SignIn, [], "password-ok-code-next"), ct).ConfigureAwait(false);
                return Redirect($"/staff/account/sign-in/code?returnUrl={Uri.EscapeDataString(ReturnUrl)}");
            case PasswordSignInOutcome.EnrolmentOnly:
                await audit.WriteAsync(new AuditEntry(result.User?.Id, result.User?.Email, AuditActions.SignIn, [], result.Reason), ct).ConfigureAwait(false);
                return Redirect(StaffServiceCollectionExtensions.EnrolmentPath);
            default:
                // Unknown accounts are audited without the typed email: it may be a patient's address typed by mistake.
                await audit.WriteAsync(new AuditEntry(result.User?.Id, result.User?.Email, AuditActions.SignInFailed, [], result.Reason), ct).ConfigureAwait(false);
                Problem = FailedMessage;
                return Page();
        }
    }
}

/// <summary>Only redirects back into the staff pages, never to another site (open-redirect guard).</summary>
public static class LocalStaffUrl
{
    public static string OrDefault(string? url) =>
        url is not null && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/staff";
}
