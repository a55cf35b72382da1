namespace ClinicBot.Staff.Security;

/// <summary>The client address a request came from, as throttles and audit rows key it.</summary>
public static class ClientAddress
{
    /// <summary>The connection's address (behind a proxy: what forwarded-headers processing made it); IPv4-mapped IPv6 as IPv4.</summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
