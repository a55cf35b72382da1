using Microsoft.AspNetCore.Identity;

namespace ClinicBot.Staff.Accounts;

public enum PasswordSignInOutcome
{
    /// <summary>Unknown account, wrong password, locked or disabled: the page says the same for all.</summary>
    Failed,

    /// <summary>Password right; the authenticator code is the next step.</summary>
    CodeRequired,

    /// <summary>Password right on an account without two-factor yet: signed in for enrolment only.</summary>
    EnrolmentOnly,
}

/// <param name="User">The account, when one exists (for the audit row only; never shown).</param>
/// <param name="Reason">Non-personal audit detail: unknown-account, locked-out, password, ...</param>
public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, StaffUser? User, string Reason);

/// <summary>
/// The password step of sign-in, doing the same work whatever the account: an unknown, locked or disabled account
/// still has a password hash verified (against a placeholder hash) so neither the answer nor its time tells
/// which accounts exist or are locked.
/// </summary>
public sealed class StaffPasswordSignIn(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher)
{
    private static readonly StaffUser Placeholder = new() { UserName = "placeholder", SecurityStamp = "placeholder" };
    private static string? s_placeholderHash;

    public async Task<PasswordSignInResult> SignInAsync(string email, string password)
    {
        var user = await users.FindByNameAsync(email).ConfigureAwait(false);
        if (user is null)
        {
            VerifyPlaceholder(password);
            return new PasswordSignInResult(PasswordSignInOutcome.Failed, null, "unknown-account");
        }

        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            VerifyPlaceholder(password);
            return new PasswordSignInResult(PasswordSignInOutcome.Failed, user, "locked-out");
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.RequiresTwoFactor)
        {
            return new PasswordSignInResult(PasswordSignInOutcome.CodeRequired, user, "password");
        }

        return result.Succeeded
            ? new PasswordSignInResult(PasswordSignInOutcome.EnrolmentOnly, user, "password-before-enrolment")
            : new PasswordSignInResult(PasswordSignInOutcome.Failed, user, result.IsLockedOut ? "password-then-locked" : "password");
    }

    private void VerifyPlaceholder(string password)
    {
        // The app's own hasher and settings, so the cost matches a real account's check.
        var hash = LazyInitializer.EnsureInitialized(ref s_placeholderHash, () => hasher.HashPassword(Placeholder, Guid.NewGuid().ToString("N")));
        hasher.VerifyHashedPassword(Placeholder, hash, password);
    }
}
