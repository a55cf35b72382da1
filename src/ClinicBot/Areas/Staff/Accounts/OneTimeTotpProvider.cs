using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace ClinicBot.Staff.Accounts;

/// <summary>
/// The authenticator-app (TOTP) token provider, replacing Identity's default so that a code works once: the time
/// step of the last accepted code is kept per account (in AspNetUserTokens), and a code from that step or an
/// earlier one is refused. Saving the step goes through the account row's concurrency stamp, so two requests
/// racing with one code cannot both save it.
/// </summary>
public sealed class OneTimeTotpProvider(TimeProvider time) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string TokenStore = "[ClinicBot]";
    public const string LastStepName = "TotpLastStep";

    // One step either side of now, for a phone clock a little off (RFC 6238's network-delay window).
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false));

    /// <summary>Codes come from the person's authenticator app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        var code = AuthenticatorCode.Clean(token);
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Window))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, TokenStore, LastStepName).ConfigureAwait(false);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, TokenStore, LastStepName, step.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return saved.Succeeded;
    }
}

/// <summary>What people type as a code: spaces and dashes dropped.</summary>
public static class AuthenticatorCode
{
    public static string Clean(string? typed) =>
        (typed ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();
}
