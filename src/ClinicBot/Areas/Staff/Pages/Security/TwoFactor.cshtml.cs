using System.Text;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Security;

/// <summary>TOTP set-up with Identity's built-in authenticator provider; the key is shown for manual entry (no QR, no script).</summary>
public sealed class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffAuditLog audit) : PageModel
{
    public bool Enabled { get; private set; }

    public string? FormattedKey { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostNewKeyAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.TwoFactorChanged, [], "new-key"), ct).ConfigureAwait(false);
        }

        return Redirect("/staff/security/two-factor");
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code, CancellationToken ct) => await SetEnabledAsync(code, enable: true, ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostDisableAsync(string? code, CancellationToken ct) => await SetEnabledAsync(code, enable: false, ct).ConfigureAwait(false);

    private async Task<IActionResult> SetEnabledAsync(string? code, bool enable, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        var cleaned = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned).ConfigureAwait(false);
        if (!valid)
        {
            Message = "That code is not valid. Check the time on your phone and try the current code.";
            await LoadAsync(user).ConfigureAwait(false);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, enable).ConfigureAwait(false);
        if (!enable)
        {
            await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        }

        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.TwoFactorChanged, [], enable ? "enabled" : "disabled"), ct).ConfigureAwait(false);
        return Redirect("/staff/security/two-factor");
    }

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        var key = Enabled ? null : await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        FormattedKey = key is null ? null : Group(key);
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
