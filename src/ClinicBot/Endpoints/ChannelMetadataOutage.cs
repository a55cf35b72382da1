using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClinicBot.Endpoints;

/// <summary>
/// Channel authentication needs the Bot Framework's OpenID metadata (signing keys). When it cannot be fetched the
/// request is answered 503 (the caller's token may be fine; retry later), and the outage is logged in one line at
/// most once a minute, however many requests fail, instead of a stack trace per request.
/// </summary>
public sealed class ChannelMetadataOutage(TimeProvider time, ILogger<ChannelMetadataOutage> logger)
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private long _nextLogTicks = long.MinValue;

    /// <summary>
    /// True for the SDK's failure to obtain the metadata: Microsoft.IdentityModel's ConfigurationManager reports
    /// it as InvalidOperationException (IDX20803, "Unable to obtain configuration from"), wrapping the retriever's error.
    /// </summary>
    public static bool IsMetadataFailure(Exception exception) =>
        exception is InvalidOperationException && exception.Message.Contains("IDX20803", StringComparison.Ordinal)
        || exception is OpenIdConnectProtocolException
        || exception.InnerException is { } inner && IsMetadataFailure(inner);

    public void Report(Exception exception)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextLogTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextLogTicks, now + LogInterval.Ticks, next) != next)
        {
            return;
        }

        logger.LogError(
            "Channel authentication is unavailable: the OpenID metadata could not be fetched ({ExceptionType}: {Inner}); " +
            "/api/messages answers 503 until it can. Repeats within a minute are not logged.",
            exception.GetType().Name, exception.InnerException?.GetType().Name ?? "none");
    }
}
