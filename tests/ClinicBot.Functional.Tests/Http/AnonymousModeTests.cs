using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Http;

public class AnonymousModeTests
{
    [Fact]
    public void Production_refuses_to_start_without_an_app_id()
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null, environment: "Production");

        var failure = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("MicrosoftAppId is empty", failure.Message);
        Assert.Contains("Bot:AllowAnonymous", failure.Message);
    }

    [Fact]
    public async Task Production_starts_anonymously_when_explicitly_allowed()
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null, environment: "Production", settings: new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });

        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task With_an_app_id_an_unauthenticated_request_gets_401()
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "5f0a3f1e-1111-4222-8333-944445555666",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
        });

        var response = await ActivityJson.PostAsync(factory.CreateClient(), ActivityJson.Message("hi", "conv-auth", "http://127.0.0.1:9/"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
