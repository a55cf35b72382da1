using ClinicBot.Channels.DirectLine.RateLimiting;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Runs around every channel endpoint: the per-address rate limit, no caching of answers, and a plain
/// JSON 500 (never a stack trace, never message text in the log) when something unexpected fails.
/// </summary>
public sealed class DirectLineRequestFilter(DirectLineRateLimits limits, ILogger<DirectLineRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        context.Response.Headers.CacheControl = "no-store";
        using var lease = limits.AcquireForAddress(context);
        if (!lease.IsAcquired)
        {
            return DirectLineRateLimits.TooManyRequests(lease, context);
        }

        try
        {
            return await next(invocation);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception exception)
        {
            logger.LogError("Direct Line request {Method} {Route} failed with {ExceptionType}",
                context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText, exception.GetType().FullName);
            return DirectLineEndpoints.Error(StatusCodes.Status500InternalServerError, "ServiceError", "Something went wrong. Please try again.");
        }
    }
}
