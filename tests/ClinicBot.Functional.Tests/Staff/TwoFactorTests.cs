using System.Net;
using System.Text.RegularExpressions;
using ClinicBot.Staff.Accounts;
using ClinicBot.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Staff;

/// <summary>
/// Two-factor is required: enrolment (QR + manual key, recovery codes shown once), codes that work once, recovery
/// codes that work once, password re-entry for changes, and every code throttled and audited.
/// </summary>
public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task Password_only_sign_in_opens_nothing_but_enrolment()
    {
        using var app = new StaffAppFactory();
        var reference = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Hidden Person", DateTimeOffset.UtcNow));
        await app.CreateStaffAsync("pwonly@clinic.test", twoFactor: false);
        var client = app.CreateStaffClient();

        var signedIn = await StaffForms.SignInAsync(client, "pwonly@clinic.test", StaffAppFactory.Password);
        Assert.Equal("/staff/security/two-factor", signedIn.Headers.Location?.OriginalString);

        foreach (var url in new[] { "/staff", $"/staff/bookings/{reference}", "/staff/dashboard", "/staff?handler=Export" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/staff/security/two-factor", response.Headers.Location!.ToString());
            Assert.DoesNotContain("Hidden Person", await response.Content.ReadAsStringAsync());
        }

        var export = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff?handler=Export", ("status", ""));
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.DoesNotContain("text/csv", export.Content.Headers.ContentType?.ToString() ?? string.Empty);
        Assert.DoesNotContain("Hidden Person", await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/security/two-factor")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_shows_a_qr_code_and_key_then_ten_recovery_codes_once_and_opens_the_staff_pages()
    {
        using var app = new StaffAppFactory();
        await app.CreateStaffAsync("enrol@clinic.test", twoFactor: false);
        var client = app.CreateStaffClient();
        await StaffForms.SignInAsync(client, "enrol@clinic.test", StaffAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=NewKey")).StatusCode);
        var page = await client.GetStringAsync("/staff/security/two-factor");
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key));
        Assert.Contains("<svg", page);
        Assert.DoesNotContain("<script", page);
        app.RememberKey("enrol@clinic.test", key);

        var wrong = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=Enable", ("code", "000000"));
        Assert.Contains("not valid", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);

        var enabled = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=Enable", ("code", app.NextCode("enrol@clinic.test")));
        var enabledHtml = await enabled.Content.ReadAsStringAsync();
        Assert.Equal(10, RecoveryCodePattern().Matches(enabledHtml).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        var later = await client.GetStringAsync("/staff/security/two-factor");
        Assert.Contains("<strong>on</strong>", later);
        Assert.Empty(RecoveryCodePattern().Matches(later));

        var audit = StaffTestData.Query(app.DatabasePath, "SELECT action, detail FROM staff_audit WHERE staff_email = 'enrol@clinic.test'");
        Assert.Contains(audit, row => (string)row["action"]! == "account.code-refused" && (string?)row["detail"] == "enable");
        Assert.Contains(audit, row => (string)row["action"]! == "account.code-accepted" && (string?)row["detail"] == "enable");
    }

    [Fact]
    public async Task A_totp_code_is_refused_the_second_time()
    {
        using var app = new StaffAppFactory();
        await app.CreateStaffAsync("reuse@clinic.test");
        var code = app.NextCode("reuse@clinic.test");

        var first = app.CreateStaffClient();
        await StaffForms.SignInAsync(first, "reuse@clinic.test", StaffAppFactory.Password);
        var accepted = await StaffForms.PostAsync(first, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", code), ("returnUrl", "/staff"));
        Assert.Equal("/staff", accepted.Headers.Location?.OriginalString);

        var second = app.CreateStaffClient();
        await StaffForms.SignInAsync(second, "reuse@clinic.test", StaffAppFactory.Password);
        var replayed = await StaffForms.PostAsync(second, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", code), ("returnUrl", "/staff"));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("did not work", await replayed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff")).StatusCode);

        var next = await StaffForms.PostAsync(second, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", app.NextCode("reuse@clinic.test")), ("returnUrl", "/staff"));
        Assert.Equal("/staff", next.Headers.Location?.OriginalString);

        var audit = StaffTestData.Query(app.DatabasePath, "SELECT action, detail FROM staff_audit WHERE staff_email = 'reuse@clinic.test' AND action LIKE 'account.code-%' ORDER BY id");
        Assert.Equal(["account.code-accepted", "account.code-refused", "account.code-accepted"], audit.Select(row => (string)row["action"]!));
    }

    [Fact]
    public async Task One_code_checked_by_two_requests_that_both_loaded_the_account_first_is_accepted_once()
    {
        using var app = new StaffAppFactory();
        var created = await app.CreateStaffAsync("race@clinic.test");
        var code = app.NextCode("race@clinic.test");
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var firstUsers = first.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var secondUsers = second.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        // Both requests have read the account (and its concurrency stamp) before either checks the code.
        var firstCopy = (await firstUsers.FindByIdAsync(created.Id))!;
        var secondCopy = (await secondUsers.FindByIdAsync(created.Id))!;

        var firstResult = await firstUsers.VerifyTwoFactorTokenAsync(firstCopy, TokenOptions.DefaultAuthenticatorProvider, code);
        var secondResult = await secondUsers.VerifyTwoFactorTokenAsync(secondCopy, TokenOptions.DefaultAuthenticatorProvider, code);

        Assert.True(firstResult);
        Assert.False(secondResult);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        using var app = new StaffAppFactory();
        await app.CreateStaffAsync("recover@clinic.test", twoFactor: false);
        var enrolling = app.CreateStaffClient();
        await StaffForms.SignInAsync(enrolling, "recover@clinic.test", StaffAppFactory.Password);
        await StaffForms.PostAsync(enrolling, "/staff/security/two-factor", "/staff/security/two-factor?handler=NewKey");
        app.RememberKey("recover@clinic.test", KeyPattern().Match(await enrolling.GetStringAsync("/staff/security/two-factor")).Groups[1].Value);
        var enabled = await StaffForms.PostAsync(enrolling, "/staff/security/two-factor", "/staff/security/two-factor?handler=Enable", ("code", app.NextCode("recover@clinic.test")));
        var recoveryCode = WebUtility.HtmlDecode(RecoveryCodePattern().Match(await enabled.Content.ReadAsStringAsync()).Groups[1].Value);

        var first = app.CreateStaffClient();
        await StaffForms.SignInAsync(first, "recover@clinic.test", StaffAppFactory.Password);
        var used = await StaffForms.PostAsync(first, "/staff/account/sign-in/recovery", "/staff/account/sign-in/recovery", ("code", recoveryCode), ("returnUrl", "/staff"));
        Assert.Equal("/staff", used.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff")).StatusCode);

        var second = app.CreateStaffClient();
        await StaffForms.SignInAsync(second, "recover@clinic.test", StaffAppFactory.Password);
        var again = await StaffForms.PostAsync(second, "/staff/account/sign-in/recovery", "/staff/account/sign-in/recovery", ("code", recoveryCode), ("returnUrl", "/staff"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("did not work", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff")).StatusCode);

        var audit = StaffTestData.Query(app.DatabasePath, "SELECT action, detail FROM staff_audit WHERE staff_email = 'recover@clinic.test' AND detail LIKE '%recovery%' ORDER BY id");
        Assert.Contains(audit, row => (string)row["action"]! == "account.code-accepted" && (string?)row["detail"] == "sign-in:recovery;left=9");
        Assert.Contains(audit, row => (string)row["action"]! == "account.code-refused" && (string?)row["detail"] == "recovery");
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_a_code_and_then_only_enrolment_opens()
    {
        using var app = new StaffAppFactory();
        var client = await app.SignedInClientAsync("change@clinic.test");

        var noPassword = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=Disable",
            ("password", "Wrong-password-123!"), ("code", "123456"));
        Assert.Contains("did not work", await noPassword.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        var disabled = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=Disable",
            ("password", StaffAppFactory.Password), ("code", app.NextCode("change@clinic.test")));
        Assert.Equal("/staff/security/two-factor", disabled.Headers.Location?.OriginalString);
        Assert.Contains("<strong>off</strong>", await client.GetStringAsync("/staff/security/two-factor"));
        Assert.StartsWith("https://localhost/staff/security/two-factor", (await client.GetAsync("/staff")).Headers.Location!.ToString());

        var audit = StaffTestData.Query(app.DatabasePath, "SELECT action, detail FROM staff_audit WHERE staff_email = 'change@clinic.test' ORDER BY id");
        Assert.Contains(audit, row => (string)row["action"]! == "account.code-refused" && (string?)row["detail"] == "disable:password");
        Assert.Contains(audit, row => (string)row["action"]! == "account.two-factor" && (string?)row["detail"] == "disabled");
    }

    [Fact]
    public async Task Codes_are_throttled_per_account_even_when_the_next_one_is_right()
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Staff:Throttle:CodesPerAccount"] = "3" });
        await app.CreateStaffAsync("throttle@clinic.test");
        var client = app.CreateStaffClient();
        await StaffForms.SignInAsync(client, "throttle@clinic.test", StaffAppFactory.Password);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var wrong = await StaffForms.PostAsync(client, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", "000000"), ("returnUrl", "/staff"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await StaffForms.PostAsync(client, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", app.NextCode("throttle@clinic.test")), ("returnUrl", "/staff"));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
        Assert.Single(StaffTestData.Query(app.DatabasePath, "SELECT id FROM staff_audit WHERE detail = 'sign-in:throttled'"));
    }

    [GeneratedRegex("<code class=\"key\">([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<code class=\"recovery\">([^<]+)</code>")]
    private static partial Regex RecoveryCodePattern();
}
