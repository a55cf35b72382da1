using System.Net;
using ClinicBot.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Tests.Staff;

/// <summary>Sessions end on the server: a cookie copied before sign-out stops working, and no session outlives 8 hours.</summary>
public sealed class StaffSessionTests
{
    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_after_it()
    {
        using var app = new StaffAppFactory();
        var reference = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Replay Person", DateTimeOffset.UtcNow));
        await app.CreateStaffAsync("replay@clinic.test");
        var client = app.CreateStaffClient();
        var signIn = await app.SignInAsync(client, "replay@clinic.test");
        var saved = signIn.Headers.GetValues("Set-Cookie")
            .Single(cookie => cookie.StartsWith(ClinicBot.Staff.StaffServiceCollectionExtensions.AuthCookieName + "=", StringComparison.Ordinal))
            .Split(';')[0];
        var attacker = app.CreateStaffClient();
        attacker.DefaultRequestHeaders.Add("Cookie", saved);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync($"/staff/bookings/{reference}")).StatusCode);

        var signedOut = await StaffForms.PostAsync(client, "/staff", "/staff/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await attacker.GetAsync($"/staff/bookings/{reference}");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("https://localhost/staff/account/sign-in", replayed.Headers.Location!.ToString());
        Assert.DoesNotContain("Replay Person", await replayed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_ends_eight_hours_after_sign_in_however_active()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new StaffAppFactory(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var client = await app.SignedInClientAsync("long-day@clinic.test");

        for (var minutes = 20; minutes <= 460; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        var ended = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("https://localhost/staff/account/sign-in", ended.Headers.Location!.ToString());
    }
}
