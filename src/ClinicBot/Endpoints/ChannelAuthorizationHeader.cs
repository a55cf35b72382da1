using System.IdentityModel.Tokens.Jwt;

namespace ClinicBot.Endpoints;

/// <summary>
/// Rejects a bearer token the Bot Framework SDK could not even parse. The SDK reads the token with
/// <see cref="JwtSecurityToken"/> before validating it and lets the parser's ArgumentException escape
/// (a 500), so a malformed token is turned away here, with the same parser, as unauthenticated.
/// Anything that parses is left to the SDK to validate.
/// </summary>
public static class ChannelAuthorizationHeader
{
    public static bool IsMalformedBearer(string authorizationHeader)
    {
        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer")
        {
            // Not a bearer header the SDK would parse: it answers 401 for these itself.
            return false;
        }

        try
        {
            _ = new JwtSecurityToken(parts[1]);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
