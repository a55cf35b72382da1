using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Security;

/// <summary>
/// ASP.NET Core rate limiting for the password step of sign-in (POSTs only): Staff:Throttle:SignInPerAddress
/// attempts per client address per SignInWindowMinutes, and SignInPerMinute from all addresses together
/// (per GlobalWindowMinutes). With
/// the lockout threshold far above these, guessing is stopped by the throttle and no outsider can lock an owner
/// out. The client address is the connection's (behind a proxy: whatever the forwarded-headers setup makes it).
/// </summary>
public sealed class SignInRateLimitPolicy : IRateLimiterPolicy<string>, IDisposable
{
    public const string Name = "staff-sign-in";

    public const string TooManyMessage = "Too many sign-in attempts. Wait 15 minutes, then try again.";

    private readonly StaffThrottleOptions _options;
    private readonly FixedWindowRateLimiter _global;

    public SignInRateLimitPolicy(IOptions<StaffOptions> options)
    {
        _options = options.Value.Throttle;
        _global = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.SignInPerMinute),
            Window = TimeSpan.FromMinutes(Math.Max(1, _options.GlobalWindowMinutes)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var address = ClientAddress.Of(httpContext);
        return RateLimitPartition.Get(address, _ => new AddressThenGlobalLimiter(new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.SignInPerAddress),
            Window = TimeSpan.FromMinutes(Math.Max(1, _options.SignInWindowMinutes)),
            QueueLimit = 0,
            AutoReplenishment = true,
        }), _global));
    }

    public void Dispose() => _global.Dispose();

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "900";
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(TooManyMessage, ct).ConfigureAwait(false);
    }

    /// <summary>The address's own window first, then the shared global one; owns only the address's limiter.</summary>
    private sealed class AddressThenGlobalLimiter(RateLimiter perAddress, RateLimiter global) : RateLimiter
    {
        private readonly RateLimiter _chain = CreateChained(perAddress, global);

        public override TimeSpan? IdleDuration => perAddress.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => perAddress.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => _chain.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            _chain.AcquireAsync(permitCount, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            // The chain is only a view over the two limiters; the global one is shared and lives with the policy.
            if (disposing)
            {
                perAddress.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
