using System.Security.Claims;
using System.Text;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicBot.Staff.Pages.Security;

/// <summary>
/// Two-factor enrolment (required before any other staff page) and changes to it. Enrolment: a key shown as a QR
/// code and for manual entry, confirmed with a code, then 10 recovery codes shown once. Changes (new recovery
/// codes, turning it off to move to a new phone) need the password and a current code. Every code entered here is
/// throttled per account and audited.
/// </summary>
public sealed class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffAuditLog audit, CodeAttemptThrottle throttle) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }

    public string? FormattedKey { get; private set; }

    /// <summary>Inline SVG drawn by QRCoder from the otpauth URI (no user-supplied markup).</summary>
    public string? QrCodeSvg { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Shown once, right after they are made; only hashes of their use are checked later.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

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
            // Resetting the key changed the security stamp: carry this session over to the new stamp.
            await ReissueSessionAsync(user, TwoFactorMethodOfThisSession()).ConfigureAwait(false);
        }

        return Redirect(StaffServiceCollectionExtensions.EnrolmentPath);
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect(StaffServiceCollectionExtensions.EnrolmentPath);
        }

        if (!await CodeAcceptedAsync(user, code, "enable", ct).ConfigureAwait(false))
        {
            await LoadAsync(user).ConfigureAwait(false);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false) ?? []];
        // Other sessions of this account (password only) end; this one carries on with both factors proven.
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        await ReissueSessionAsync(user, StaffServiceCollectionExtensions.TwoFactorMethod).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.TwoFactorChanged, [], "enabled;recovery-codes=" + RecoveryCodeCount), ct).ConfigureAwait(false);
        await LoadAsync(user).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(string? password, string? code, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !await PasswordAndCodeAcceptedAsync(user, password, code, "recovery-codes", ct).ConfigureAwait(false))
        {
            await LoadAsync(user).ConfigureAwait(false);
            return Page();
        }

        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false) ?? []];
        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.TwoFactorChanged, [], "new-recovery-codes"), ct).ConfigureAwait(false);
        await LoadAsync(user).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password, string? code, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !await PasswordAndCodeAcceptedAsync(user, password, code, "disable", ct).ConfigureAwait(false))
        {
            await LoadAsync(user).ConfigureAwait(false);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.TwoFactorChanged, [], "disabled"), ct).ConfigureAwait(false);
        // Two-factor is required: this session drops back to enrolment only, every other session has ended.
        await ReissueSessionAsync(user, "pwd").ConfigureAwait(false);
        return Redirect(StaffServiceCollectionExtensions.EnrolmentPath);
    }

    private async Task<bool> PasswordAndCodeAcceptedAsync(StaffUser user, string? password, string? code, string purpose, CancellationToken ct)
    {
        if (!throttle.TryAttempt(user.Id))
        {
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], purpose + ":throttled"), ct).ConfigureAwait(false);
            Message = CodeAttemptThrottle.TooManyMessage;
            return false;
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password).ConfigureAwait(false))
        {
            await users.AccessFailedAsync(user).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], purpose + ":password"), ct).ConfigureAwait(false);
            Message = "Your password or the code did not work.";
            return false;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Clean(code)).ConfigureAwait(false))
        {
            await users.AccessFailedAsync(user).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], purpose), ct).ConfigureAwait(false);
            Message = "Your password or the code did not work.";
            return false;
        }

        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeAccepted, [], purpose), ct).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> CodeAcceptedAsync(StaffUser user, string? code, string purpose, CancellationToken ct)
    {
        if (!throttle.TryAttempt(user.Id))
        {
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], purpose + ":throttled"), ct).ConfigureAwait(false);
            Message = CodeAttemptThrottle.TooManyMessage;
            return false;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Clean(code)).ConfigureAwait(false))
        {
            await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeRefused, [], purpose), ct).ConfigureAwait(false);
            Message = "That code is not valid. Check the time on your phone and try the current code.";
            return false;
        }

        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, AuditActions.CodeAccepted, [], purpose), ct).ConfigureAwait(false);
        return true;
    }

    private string TwoFactorMethodOfThisSession() =>
        User.HasClaim(StaffServiceCollectionExtensions.AuthenticationMethodClaim, StaffServiceCollectionExtensions.TwoFactorMethod)
            ? StaffServiceCollectionExtensions.TwoFactorMethod
            : "pwd";

    /// <summary>A new cookie for this session with the account's current security stamp; the session start is kept.</summary>
    private async Task ReissueSessionAsync(StaffUser user, string method)
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        await signIn.SignInWithClaimsAsync(user, current.Properties, [new Claim(StaffServiceCollectionExtensions.AuthenticationMethodClaim, method)]).ConfigureAwait(false);
    }

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        var key = Enabled ? null : await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        FormattedKey = key is null ? null : Group(key);
        QrCodeSvg = key is null ? null : AuthenticatorQrCode.Svg(AuthenticatorQrCode.Uri(user.Email ?? user.UserName ?? "staff", key));
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
