using ClinicBot.Tests.Staff.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

public sealed class HstsTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Hsts_is_sent_over_https_in_production_only(string environment, bool expected)
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, environment: environment);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://clinic.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/staff/account/sign-in");

        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
        if (expected)
        {
            Assert.Contains("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        }
    }
}
