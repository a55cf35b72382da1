using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicBot.Tests.ChannelAuth;

/// <summary>What goes into a minted token; the defaults describe a valid Azure Bot Service channel token.</summary>
public sealed record ChannelTokenSpec(
    string Issuer,
    string Audience,
    string? ServiceUrl,
    DateTimeOffset NotBefore,
    DateTimeOffset Expires,
    IReadOnlyDictionary<string, object>? ExtraClaims = null);

/// <summary>Mints JWTs the way the Bot Connector service signs them (RS256, "serviceurl" claim).</summary>
public static class ChannelTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Sign(ChannelTokenSpec spec, SecurityKey key, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>(spec.ExtraClaims ?? new Dictionary<string, object>());
        if (spec.ServiceUrl is not null)
        {
            claims["serviceurl"] = spec.ServiceUrl;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            IssuedAt = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>The same claims with header {"alg":"none"} and no signature.</summary>
    public static string Unsigned(ChannelTokenSpec spec, string keyId)
    {
        var signed = Handler.ReadJsonWebToken(Sign(spec, new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = keyId }));
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"none","typ":"JWT","kid":"{{keyId}}"}"""));
        return $"{header}.{signed.EncodedPayload}.";
    }

    /// <summary>A key the stub does not publish, optionally claiming the published key's id.</summary>
    public static SecurityKey ForeignKey(string keyId) => new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = keyId };
}
