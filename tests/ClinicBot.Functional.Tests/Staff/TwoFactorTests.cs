using System.Net;
using System.Text.RegularExpressions;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>TOTP with Identity's authenticator provider: set up with the manual key, then required at sign-in.</summary>
public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task Enabling_totp_makes_sign_in_ask_for_a_code_and_only_a_valid_code_gets_in()
    {
        using var app = new StaffAppFactory();
        var client = await app.SignedInClientAsync("totp@clinic.test");

        var created = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=NewKey");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await client.GetStringAsync("/staff/security/two-factor");
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key));

        var wrong = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=Enable", ("code", "000000"));
        Assert.Contains("not valid", await wrong.Content.ReadAsStringAsync());

        var enabled = await StaffForms.PostAsync(client, "/staff/security/two-factor", "/staff/security/two-factor?handler=Enable", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("<strong>on</strong>", await client.GetStringAsync("/staff/security/two-factor"));

        var fresh = app.CreateStaffClient();
        var firstStep = await StaffForms.SignInAsync(fresh, "totp@clinic.test", StaffAppFactory.Password);
        Assert.StartsWith("/staff/account/sign-in/code", firstStep.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/staff")).StatusCode);

        var badCode = await StaffForms.PostAsync(fresh, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", "123456"), ("returnUrl", "/staff"));
        Assert.Equal(HttpStatusCode.OK, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/staff")).StatusCode);

        var goodCode = await StaffForms.PostAsync(fresh, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", Totp.Code(key, DateTimeOffset.UtcNow)), ("returnUrl", "/staff"));
        Assert.Equal("/staff", goodCode.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/staff")).StatusCode);
    }

    [GeneratedRegex("<code class=\"key\">([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();
}
