using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Security;

/// <summary>
/// Caps two-factor and recovery codes entered per account (Staff:Throttle:CodesPerAccount per CodeWindowMinutes),
/// wherever a code is accepted: the sign-in code and recovery pages and the two-factor settings page. Someone
/// who has the password can change address at will, so the cap is per account, not per address.
/// </summary>
public sealed class CodeAttemptThrottle : IDisposable
{
    public const string TooManyMessage = "Too many codes were tried for this account. Wait 15 minutes, then try again.";

    private readonly PartitionedRateLimiter<string> _perAccount;

    public CodeAttemptThrottle(IOptions<StaffOptions> options)
    {
        var throttle = options.Value.Throttle;
        _perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, throttle.CodesPerAccount),
                Window = TimeSpan.FromMinutes(Math.Max(1, throttle.CodeWindowMinutes)),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <returns>False when this account has used up its attempts for the window.</returns>
    public bool TryAttempt(string userId)
    {
        using var lease = _perAccount.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _perAccount.Dispose();
}
