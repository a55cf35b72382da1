using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine.RateLimiting;

public enum ConversationRequestKind
{
    Message,
    Read,
}

/// <summary>
/// Fixed-window limits per IP address and per conversation token (System.Threading.RateLimiting).
/// A refused request gets 429 with Retry-After.
/// </summary>
public sealed class DirectLineRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _requestsPerAddress;
    private readonly PartitionedRateLimiter<string> _conversationsPerAddress;
    private readonly PartitionedRateLimiter<string> _messagesPerConversation;
    private readonly PartitionedRateLimiter<string> _readsPerConversation;

    public DirectLineRateLimits(IOptions<DirectLineOptions> options)
    {
        var limits = options.Value.RateLimits;
        var window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds));
        _requestsPerAddress = Create(limits.RequestsPerAddress, window);
        _conversationsPerAddress = Create(limits.ConversationsPerAddress, window);
        _messagesPerConversation = Create(limits.MessagesPerConversation, window);
        _readsPerConversation = Create(limits.ReadsPerConversation, window);
    }

    public RateLimitLease AcquireForAddress(HttpContext context) =>
        _requestsPerAddress.AttemptAcquire(AddressOf(context));

    public RateLimitLease AcquireNewConversation(HttpContext context) =>
        _conversationsPerAddress.AttemptAcquire(AddressOf(context));

    public RateLimitLease AcquireForConversation(string conversationId, ConversationRequestKind kind) =>
        (kind == ConversationRequestKind.Message ? _messagesPerConversation : _readsPerConversation).AttemptAcquire(conversationId);

    /// <summary>The 429 answer for a refused lease.</summary>
    public static IResult TooManyRequests(RateLimitLease lease, HttpContext context)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Json(
            Protocol.ErrorResponse.Of("TooManyRequests", "Too many requests. Please wait a moment and try again."),
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose()
    {
        _requestsPerAddress.Dispose();
        _conversationsPerAddress.Dispose();
        _messagesPerConversation.Dispose();
        _readsPerConversation.Dispose();
    }

    private static string AddressOf(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits),
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
