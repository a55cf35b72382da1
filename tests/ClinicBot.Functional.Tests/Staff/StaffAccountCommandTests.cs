using System.Net;
using ClinicBot.Staff.Commands;
using ClinicBot.Staff.Pages.Account;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>`staff disable|enable|reset-2fa|remove EMAIL` against the running app's database: effects on sign-in and sessions, and the audit rows.</summary>
public sealed class StaffAccountCommandTests
{
    [Fact]
    public async Task Disable_ends_the_session_and_refuses_sign_in_like_a_wrong_password_and_enable_lets_the_person_back()
    {
        using var app = new StaffAppFactory();
        var client = await app.SignedInClientAsync("leaver@clinic.test");

        Assert.Equal(0, (await RunAsync(app, "disable", "leaver@clinic.test")).Code);
        Assert.StartsWith("https://localhost/staff/account/sign-in", (await client.GetAsync("/staff")).Headers.Location!.ToString());
        var refused = await StaffForms.SignInAsync(app.CreateStaffClient(), "leaver@clinic.test", StaffAppFactory.Password);
        Assert.Contains(SignInModel.FailedMessage, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        Assert.Equal(0, (await RunAsync(app, "enable", "leaver@clinic.test")).Code);
        var back = app.CreateStaffClient();
        await app.SignInAsync(back, "leaver@clinic.test");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/staff")).StatusCode);

        AssertAudited(app, "leaver@clinic.test", "account.disabled", "account.enabled");
    }

    [Fact]
    public async Task Reset_2fa_ends_the_session_and_the_next_sign_in_goes_to_enrolment()
    {
        using var app = new StaffAppFactory();
        var client = await app.SignedInClientAsync("lost-phone@clinic.test");

        Assert.Equal(0, (await RunAsync(app, "reset-2fa", "lost-phone@clinic.test")).Code);

        Assert.StartsWith("https://localhost/staff/account/sign-in", (await client.GetAsync("/staff")).Headers.Location!.ToString());
        var again = await StaffForms.SignInAsync(app.CreateStaffClient(), "lost-phone@clinic.test", StaffAppFactory.Password);
        Assert.Equal("/staff/security/two-factor", again.Headers.Location?.OriginalString);
        AssertAudited(app, "lost-phone@clinic.test", "account.two-factor-reset");
    }

    [Fact]
    public async Task Remove_deletes_the_account_and_ends_its_session()
    {
        using var app = new StaffAppFactory();
        var client = await app.SignedInClientAsync("removed@clinic.test");

        var (code, output, _) = await RunAsync(app, "remove", "removed@clinic.test");

        Assert.Equal(0, code);
        Assert.Contains("removed", output);
        Assert.Empty(StaffTestData.Query(app.DatabasePath, "SELECT Id FROM AspNetUsers WHERE UserName = 'removed@clinic.test'"));
        Assert.StartsWith("https://localhost/staff/account/sign-in", (await client.GetAsync("/staff")).Headers.Location!.ToString());
        AssertAudited(app, "removed@clinic.test", "account.removed");
        Assert.Equal(1, (await RunAsync(app, "remove", "removed@clinic.test")).Code);
    }

    private static void AssertAudited(StaffAppFactory app, string email, params string[] actions)
    {
        var rows = StaffTestData.Query(app.DatabasePath, $"SELECT action, source_address FROM staff_audit WHERE staff_email = '{email}' AND source_address = 'command-line' ORDER BY id");
        Assert.Equal(actions, rows.Select(row => (string)row["action"]!));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(StaffAppFactory app, string verb, string email)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaffCommandLine.RunAsync(["staff", verb, email, $"--Storage:SqlitePath={app.DatabasePath}"], new StringReader(string.Empty), output, error, inputIsTerminal: false);
        return (code, output.ToString(), error.ToString());
    }
}
