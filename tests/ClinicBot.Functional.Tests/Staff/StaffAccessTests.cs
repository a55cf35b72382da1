using System.Net;
using ClinicBot.Tests.Staff.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>Who gets in, what a request must carry, and which headers and cookie flags protect the staff pages.</summary>
public sealed class StaffAccessTests : IClassFixture<StaffAccessTests.App>
{
    private readonly App _app;

    public StaffAccessTests(App app)
    {
        _app = app;
    }

    public sealed class App() : StaffAppFactory();

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/bookings/KB-ABCDE")]
    [InlineData("/staff/dashboard")]
    [InlineData("/staff/security/two-factor")]
    [InlineData("/STAFF/DASHBOARD")]
    public async Task Unauthenticated_requests_are_redirected_to_sign_in(string url)
    {
        var client = _app.CreateStaffClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/staff/account/sign-in?returnUrl=", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Unauthenticated_export_post_is_redirected_and_returns_no_data()
    {
        var client = _app.CreateStaffClient();

        var response = await client.PostAsync("/staff?handler=Export", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("text/csv", response.Content.Headers.ContentType?.ToString() ?? string.Empty);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused_and_changes_nothing()
    {
        var reference = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Ana Token", DateTimeOffset.UtcNow));
        var client = await _app.SignedInClientAsync("af-check@clinic.test");

        var response = await client.PostAsync($"/staff/bookings/{reference}?handler=Status", new FormUrlEncodedContent([new("status", "closed")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var statusRows = StaffTestData.Query(_app.DatabasePath, $"SELECT status FROM booking_status WHERE reference = '{reference}'");
        Assert.Empty(statusRows);

        var withToken = await StaffForms.PostAsync(client, $"/staff/bookings/{reference}", $"/staff/bookings/{reference}?handler=Status", ("status", "closed"));
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal("closed", StaffTestData.Query(_app.DatabasePath, $"SELECT status FROM booking_status WHERE reference = '{reference}'").Single()["status"]);
    }

    [Fact]
    public async Task Sign_out_is_post_only_with_token_and_ends_the_session()
    {
        var client = await _app.SignedInClientAsync("signout@clinic.test");

        var withoutToken = await client.PostAsync("/staff/account/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        var signedOut = await StaffForms.PostAsync(client, "/staff", "/staff/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_audited_and_five_of_them_do_not_lock_the_owner_out()
    {
        var user = await _app.CreateStaffAsync("lockout@clinic.test");
        var client = _app.CreateStaffClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await StaffForms.SignInAsync(client, "lockout@clinic.test", "Wrong-password-123!");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains(ClinicBot.Staff.Pages.Account.SignInModel.FailedMessage, WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync()));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
        var failures = StaffTestData.Query(_app.DatabasePath, $"SELECT * FROM staff_audit WHERE action = 'account.sign-in-failed' AND staff_user_id = '{user.Id}'");
        Assert.Equal(5, failures.Count);
        await _app.SignInAsync(client, "lockout@clinic.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Staff_pages_carry_security_headers_and_no_store()
    {
        var client = await _app.SignedInClientAsync("headers@clinic.test");

        foreach (var url in new[] { "/staff", "/staff/dashboard", "/staff/account/sign-in" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Sign_in_cookie_is_secure_http_only_same_site_strict()
    {
        await _app.CreateStaffAsync("cookie@clinic.test");
        var client = _app.CreateStaffClient();

        var response = await _app.SignInAsync(client, "cookie@clinic.test");

        var authCookie = response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("__Host-ClinicStaff=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Open_redirect_in_return_url_is_ignored()
    {
        await _app.CreateStaffAsync("redirect@clinic.test");
        var client = _app.CreateStaffClient();

        var passwordStep = await StaffForms.PostAsync(client, "/staff/account/sign-in", "/staff/account/sign-in",
            ("email", "redirect@clinic.test"), ("password", StaffAppFactory.Password), ("returnUrl", "https://evil.example/staff"));
        Assert.Equal("/staff/account/sign-in/code?returnUrl=%2Fstaff", passwordStep.Headers.Location!.OriginalString);
        var response = await StaffForms.PostAsync(client, "/staff/account/sign-in/code", "/staff/account/sign-in/code",
            ("code", _app.NextCode("redirect@clinic.test")), ("returnUrl", "https://evil.example/staff"));

        Assert.Equal("/staff", response.Headers.Location!.OriginalString);
    }
}

/// <summary>The 30-minute idle timeout, on a fake clock shared by the cookie handler.</summary>
public sealed class StaffIdleTimeoutTests
{
    [Fact]
    public async Task Session_survives_activity_within_thirty_minutes_and_ends_after_thirty_idle_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new StaffAppFactory(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var client = await app.SignedInClientAsync("idle@clinic.test");

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        // Activity renewed the sliding window: 20 more minutes (40 since sign-in) is still inside it.
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/staff/account/sign-in", expired.Headers.Location!.ToString());
    }
}
