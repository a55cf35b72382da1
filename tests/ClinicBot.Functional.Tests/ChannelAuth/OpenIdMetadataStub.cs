using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ClinicBot.Tests.ChannelAuth;

/// <summary>
/// A local stand-in for the Bot Framework's OpenID metadata on a real Kestrel loopback port. It serves two
/// authorities, each with its own RSA key generated here: "channel" (what Azure Bot Service signs channel
/// tokens with) and "emulator" (the Azure AD metadata the SDK uses for tokens whose issuer is an
/// emulator/AAD issuer). Tests only ever sign with the channel key or with keys the stub does not publish.
/// Every request is counted by path, so tests can tell metadata fetches apart from anything else.
/// </summary>
public sealed class OpenIdMetadataStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private OpenIdMetadataStub(WebApplication app, string[] endorsedChannels)
    {
        _app = app;
        Channel = new SigningAuthority("channel", endorsedChannels);
        Emulator = new SigningAuthority("emulator", endorsedChannels);
    }

    public SigningAuthority Channel { get; }

    public SigningAuthority Emulator { get; }

    public string BaseUrl { get; private set; } = "";

    public string ChannelMetadataUrl => $"{BaseUrl}channel/.well-known/openid-configuration";

    public string EmulatorMetadataUrl => $"{BaseUrl}emulator/.well-known/openid-configuration";

    /// <summary>Paths requested so far, in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests.ToArray();

    public static async Task<OpenIdMetadataStub> StartAsync(params string[] endorsedChannels)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OpenIdMetadataStub(app, endorsedChannels);
        app.Use((context, next) =>
        {
            stub._requests.Enqueue(context.Request.Path.Value ?? "");
            return next(context);
        });
        app.MapGet("/{authority}/.well-known/openid-configuration", (string authority) =>
            stub.Find(authority) is { } found ? Results.Json(found.Metadata(stub.BaseUrl)) : Results.NotFound());
        app.MapGet("/{authority}/keys", (string authority) =>
            stub.Find(authority) is { } found ? Results.Json(found.KeySet()) : Results.NotFound());
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return stub;
    }

    private SigningAuthority? Find(string authority) =>
        authority == Channel.Name ? Channel : authority == Emulator.Name ? Emulator : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Channel.Dispose();
        Emulator.Dispose();
    }
}

/// <summary>One published RSA signing key and the OpenID metadata that points at it.</summary>
public sealed class SigningAuthority(string name, string[] endorsements) : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string Name { get; } = name;

    public string KeyId { get; } = $"{name}-key-{Guid.NewGuid():N}";

    /// <summary>The published key, with the key id the JWKS announces.</summary>
    public SecurityKey SigningKey => new RsaSecurityKey(_rsa) { KeyId = KeyId };

    /// <summary>The issuer the metadata document announces (the SDK validates against its configured issuer, not this).</summary>
    public JsonObject Metadata(string baseUrl) => new()
    {
        ["issuer"] = "https://api.botframework.com",
        ["authorization_endpoint"] = $"{baseUrl}{Name}/authorize",
        ["jwks_uri"] = $"{baseUrl}{Name}/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    /// <summary>The JWKS, with the "endorsements" (channel ids the key may sign for) the Bot Framework adds.</summary>
    public JsonObject KeySet()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            }),
        };
    }

    public void Dispose() => _rsa.Dispose();
}
