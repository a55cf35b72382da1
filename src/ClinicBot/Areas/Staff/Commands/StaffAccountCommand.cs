using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using Microsoft.AspNetCore.Identity;

namespace ClinicBot.Staff.Commands;

/// <summary>
/// The administrator's changes to an existing account, run on the server: disable (no sign-in, sessions end),
/// enable, reset-2fa (the person enrols again at next sign-in; sessions end) and remove. Each is audited with
/// the source "command-line".
/// </summary>
public sealed class StaffAccountCommand(UserManager<StaffUser> users, StaffAuditLog audit)
{
    public static readonly IReadOnlyList<string> Verbs = ["disable", "enable", "reset-2fa", "remove"];

    public async Task<int> RunAsync(string verb, string email, TextWriter output, TextWriter error)
    {
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        if (user is null)
        {
            await error.WriteLineAsync($"No staff account for {email}.").ConfigureAwait(false);
            return 1;
        }

        var (result, action, done) = verb switch
        {
            "disable" => (await DisableAsync(user).ConfigureAwait(false), AuditActions.AccountDisabled, "disabled: it cannot sign in and its sessions have ended"),
            "enable" => (await EnableAsync(user).ConfigureAwait(false), AuditActions.AccountEnabled, "enabled"),
            "reset-2fa" => (await ResetTwoFactorAsync(user).ConfigureAwait(false), AuditActions.TwoFactorReset, "reset: two-factor is set up again at next sign-in; its sessions have ended"),
            "remove" => (await users.DeleteAsync(user).ConfigureAwait(false), AuditActions.AccountRemoved, "removed"),
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not a staff account verb."),
        };

        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync(problem.Description).ConfigureAwait(false);
            }

            return 1;
        }

        await audit.WriteAsync(new AuditEntry(user.Id, user.Email, action, [], null, AuditSources.CommandLine), CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync($"Staff account {user.Email} {done}.").ConfigureAwait(false);
        return 0;
    }

    private async Task<IdentityResult> DisableAsync(StaffUser user)
    {
        var result = await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
        result = result.Succeeded ? await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false) : result;
        return result.Succeeded ? await users.UpdateSecurityStampAsync(user).ConfigureAwait(false) : result;
    }

    private async Task<IdentityResult> EnableAsync(StaffUser user)
    {
        var result = await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        return result.Succeeded ? await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false) : result;
    }

    private async Task<IdentityResult> ResetTwoFactorAsync(StaffUser user)
    {
        var result = await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        // A new key also changes the security stamp, which ends the account's sessions.
        return result.Succeeded ? await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false) : result;
    }
}
