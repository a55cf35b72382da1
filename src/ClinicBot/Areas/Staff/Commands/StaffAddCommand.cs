using ClinicBot.Staff.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ClinicBot.Staff.Commands;

/// <summary>Creates one staff account with a password the person chooses; the password policy is Identity's.</summary>
public sealed class StaffAddCommand(UserManager<StaffUser> users)
{
    /// <returns>0 when the account was created; 1 with the reasons written to <paramref name="error"/> otherwise.</returns>
    public async Task<int> RunAsync(string email, IPasswordSource passwords, TextWriter output, TextWriter error)
    {
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email.Trim())
        {
            await error.WriteLineAsync($"'{email}' is not an email address.").ConfigureAwait(false);
            return 1;
        }

        if (await users.FindByEmailAsync(address.Address).ConfigureAwait(false) is not null)
        {
            await error.WriteLineAsync($"An account for {address.Address} already exists.").ConfigureAwait(false);
            return 1;
        }

        var password = passwords.ReadNewPassword(output);
        if (password is null)
        {
            await error.WriteLineAsync("The two passwords did not match (or none was given); no account was created.").ConfigureAwait(false);
            return 1;
        }

        var user = new StaffUser { UserName = address.Address, Email = address.Address, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync(problem.Description).ConfigureAwait(false);
            }

            return 1;
        }

        await output.WriteLineAsync($"Staff account {address.Address} created. Sign in at /staff; two-factor sign-in is set up at the first sign-in.").ConfigureAwait(false);
        return 0;
    }
}
