using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.DirectLine;

/// <summary>
/// Production mode: with DirectLine:Secret set, /api/directline/token exchanges the secret with
/// "Azure" — here a loopback stub — and the browser gets only the conversation token and Azure's domain.
/// </summary>
public sealed class AzureDirectLineTokenTests : IAsyncLifetime
{
    private const string Secret = "test-direct-line-secret-1234567890";
    private readonly List<(string? Authorization, string Body)> _generateCalls = [];
    private WebApplication? _azure;
    private string _azureBase = string.Empty;
    private HttpStatusCode _azureStatus = HttpStatusCode.OK;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _azure = builder.Build();
        _azure.MapPost("/v3/directline/tokens/generate", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _generateCalls.Add((context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            if (_azureStatus != HttpStatusCode.OK)
            {
                return Results.StatusCode((int)_azureStatus);
            }

            return Results.Json(new { conversationId = "azure-conv-1", token = "azure-token-abc", expires_in = 3600 });
        });
        await _azure.StartAsync();
        var address = _azure.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _azureBase = address.TrimEnd('/') + "/v3/directline";
    }

    public async Task DisposeAsync()
    {
        if (_azure is not null)
        {
            await _azure.DisposeAsync();
        }
    }

    private DirectLineAppFactory App() => new(settings: new Dictionary<string, string?>
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:Endpoint"] = _azureBase,
    });

    [Fact]
    public async Task The_token_endpoint_exchanges_the_secret_and_never_returns_it()
    {
        using var app = App();
        var response = await app.CreateClient().PostAsync("/api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("azure-token-abc", body["token"]!.GetValue<string>());
        Assert.Equal("azure-conv-1", body["conversationId"]!.GetValue<string>());
        Assert.Equal(_azureBase, body["domain"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, text);

        var call = Assert.Single(_generateCalls);
        Assert.Equal("Bearer " + Secret, call.Authorization);
        var userId = JsonNode.Parse(call.Body)!["user"]!["id"]!.GetValue<string>();
        Assert.StartsWith("dl_", userId);
    }

    [Fact]
    public async Task Each_visitor_gets_their_own_user_id()
    {
        using var app = App();
        var http = app.CreateClient();
        await http.PostAsync("/api/directline/token", null);
        await http.PostAsync("/api/directline/token", null);

        var ids = _generateCalls.Select(c => JsonNode.Parse(c.Body)!["user"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task When_azure_refuses_the_page_gets_a_plain_502_and_the_local_channel_is_not_served()
    {
        _azureStatus = HttpStatusCode.Forbidden;
        using var app = App();
        var http = app.CreateClient();

        var response = await http.PostAsync("/api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, text);
        Assert.Equal("ServiceUnavailable", JsonNode.Parse(text)!["error"]!["code"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/v3/directline/conversations", null)).StatusCode);
    }

    [Fact]
    public async Task The_page_may_connect_to_azure_direct_line_in_production_mode()
    {
        using var app = App();
        var page = await app.CreateClient().GetAsync("/");
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self' " + new Uri(_azureBase).GetLeftPart(UriPartial.Authority), csp);
    }
}
