using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClinicBot.Tests.ChannelAuth;

/// <summary>
/// Lets the SDK read OpenID metadata from the plain-http loopback stub.
/// The SDK's <see cref="JwtTokenExtractor"/> keeps one static ConfigurationManager per metadata URL and builds
/// it with an HttpDocumentRetriever that refuses non-https addresses (IDX20108), with no setting to change
/// that. Registering a manager for the stub's URL first, identical except for RequireHttps = false, makes the
/// SDK fetch and validate against the stub over real HTTP. Only the stub's own (random-port) URLs are
/// registered, so production URLs are untouched. Written against Microsoft.Bot.Connector 4.23.1; if a
/// later SDK renames the field this fails loudly instead of letting the tests pass for the wrong reason.
/// </summary>
public static class SdkOpenIdMetadataCache
{
    private static readonly HttpClient MetadataClient = new();

    public static void AllowHttp(string metadataUrl)
    {
        var field = typeof(JwtTokenExtractor).GetField("_openIdMetadataCache", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("JwtTokenExtractor._openIdMetadataCache not found: the SDK changed; revisit SdkOpenIdMetadataCache.");
        var cache = (ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>>)field.GetValue(null)!;
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(MetadataClient) { RequireHttps = false });
        if (!cache.TryAdd(metadataUrl, manager))
        {
            throw new InvalidOperationException($"The SDK already cached metadata for {metadataUrl}.");
        }
    }
}
