using System.Net;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Pages.Account;
using ClinicBot.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// Sign-in reveals nothing: unknown, wrong, locked and disabled accounts get the same answer through the same work
/// (a password hash is verified every time), and guessing is throttled per address and globally.
/// </summary>
public sealed class StaffSignInTests
{
    [Fact]
    public async Task Unknown_wrong_and_locked_accounts_get_the_same_answer_and_the_same_hash_check()
    {
        var hasher = new CountingPasswordHasher();
        using var app = new StaffAppFactory(configureServices: services => services.AddSingleton<IPasswordHasher<StaffUser>>(hasher));
        var locked = await app.CreateStaffAsync("locked@clinic.test");
        await app.CreateStaffAsync("known@clinic.test");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var pages = new List<string>();
        foreach (var (email, password) in new[]
        {
            ("nobody@clinic.test", "Wrong-password-123!"),
            ("known@clinic.test", "Wrong-password-123!"),
            ("locked@clinic.test", "Wrong-password-123!"),
            ("locked@clinic.test", StaffAppFactory.Password),
        })
        {
            var before = hasher.Verifications;
            var response = await StaffForms.SignInAsync(app.CreateStaffClient(), email, password);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before + 1, hasher.Verifications);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL", StringComparison.Ordinal);
            Assert.Contains(SignInModel.FailedMessage, html);
            Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
            pages.Add(html);
        }

        Assert.Single(pages.Select(WithoutAntiforgeryToken).Distinct());
        var reasons = StaffTestData.Query(app.DatabasePath, "SELECT detail FROM staff_audit WHERE action = 'account.sign-in-failed' ORDER BY id").Select(row => (string?)row["detail"]);
        Assert.Equal(["unknown-account", "password", "locked-out", "locked-out"], reasons);
    }

    [Fact]
    public async Task The_sixth_attempt_from_one_address_is_throttled_while_another_address_still_signs_in()
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?>
        {
            ["Staff:Throttle:SignInPerAddress"] = "5",
            ["Staff:Throttle:SignInWindowMinutes"] = "15",
        });
        await app.CreateStaffAsync("owner@clinic.test");
        var guesser = app.CreateStaffClient("203.0.113.7");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffForms.SignInAsync(guesser, "owner@clinic.test", $"Guess-{attempt}-password!")).StatusCode);
        }

        var sixth = await StaffForms.SignInAsync(guesser, "owner@clinic.test", StaffAppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Null(sixth.Headers.Location);

        var owner = app.CreateStaffClient("198.51.100.20");
        await app.SignInAsync(owner, "owner@clinic.test");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/staff")).StatusCode);

        var sources = StaffTestData.Query(app.DatabasePath, "SELECT action, source_address FROM staff_audit WHERE staff_email = 'owner@clinic.test' ORDER BY id");
        Assert.Equal(5, sources.Count(row => (string)row["action"]! == "account.sign-in-failed" && (string?)row["source_address"] == "203.0.113.7"));
        Assert.Contains(sources, row => (string)row["action"]! == "account.sign-in" && (string?)row["source_address"] == "198.51.100.20");
    }

    [Fact]
    public async Task The_global_throttle_stops_guessing_spread_over_many_addresses()
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?>
        {
            ["Staff:Throttle:SignInPerMinute"] = "3",
            ["Staff:Throttle:GlobalWindowMinutes"] = "60",
        });

        for (var address = 1; address <= 3; address++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffForms.SignInAsync(app.CreateStaffClient($"192.0.2.{address}"), "someone@clinic.test", "Guess-password-1!")).StatusCode);
        }

        var fourth = await StaffForms.SignInAsync(app.CreateStaffClient("192.0.2.4"), "someone@clinic.test", "Guess-password-1!");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }

    /// <summary>Identity's hasher, counting the verifications it is asked for.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static string WithoutAntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN");
}
