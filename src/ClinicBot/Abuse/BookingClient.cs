using ClinicBot.Endpoints;
using Microsoft.Bot.Builder;

namespace ClinicBot.Abuse;

/// <summary>
/// Who the current turn's bookings count against, for <see cref="DailyBookingCap"/>: the visitor's address for the
/// local web chat and for anonymous /api/messages traffic (after <see cref="Hosting.TrustedProxies"/>), and the
/// channel's user id for authenticated channels such as Teams, whose requests all come from Microsoft's addresses.
/// Set for the rest of the turn by <see cref="BookingClientStamp"/>; the booking store reads it.
/// </summary>
public static class BookingClient
{
    private static readonly AsyncLocal<string?> Value = new();

    public static string? Current => Value.Value;

    internal static void Set(string? client) => Value.Value = client;
}

/// <summary>Turn middleware that sets <see cref="BookingClient.Current"/> for the turn.</summary>
public sealed class BookingClientStamp(IHttpContextAccessor http, AnonymousReplyHosts replyHosts) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        // Set inside this async method, so the value flows into the rest of the turn and is gone after it.
        BookingClient.Set(ClientOf(turnContext));
        await next(cancellationToken).ConfigureAwait(false);
    }

    private string? ClientOf(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (turnContext.Adapter is ClinicBotAdapter && !replyHosts.IsAnonymous)
        {
            return string.IsNullOrEmpty(activity.From?.Id) ? null : $"user:{activity.ChannelId}:{activity.From.Id}";
        }

        var address = http.HttpContext?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        return $"address:{(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}";
    }
}
