using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Account;

public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, StaffAuditLog audit) : PageModel
{
    public string? Problem { get; private set; }

    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/staff";

    public void OnGet(string? returnUrl) => ReturnUrl = LocalStaffUrl.OrDefault(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = LocalStaffUrl.OrDefault(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Problem = "Enter your email and password.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.RequiresTwoFactor)
        {
            return Redirect($"/staff/account/sign-in/code?returnUrl={Uri.EscapeDataString(ReturnUrl)}");
        }

        var user = await users.FindByNameAsync(email.Trim()).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(new AuditEntry(user?.Id, user?.Email, AuditActions.SignIn, [], "password"), ct).ConfigureAwait(false);
            return LocalRedirect(ReturnUrl);
        }

        await audit.WriteAsync(new AuditEntry(user?.Id, user?.Email, AuditActions.SignInFailed, [], result.IsLockedOut ? "locked-out" : "password"), ct).ConfigureAwait(false);
        Problem = result.IsLockedOut
            ? "Too many failed attempts. The account is locked for 15 minutes."
            : "That email and password do not match an account.";
        return Page();
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
