using System.Data.Common;
using System.Net.Sockets;
using ClinicBot.Storage;

namespace ClinicBot.Turn;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, refusing connections) from other failures; an
/// unreachable channel (a socket error under an HTTP failure) is not a database outage.
/// </summary>
public static class StorageOutage
{
    public static bool IsOutage(Exception exception) => FailedParts.Of(exception) != FailedPart.OutboundChannel && IsDatabaseFailure(exception);

    private static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        OperationCanceledException or EtagConflictException => false,
        DbException or SocketException or TimeoutException or IOException => true,
        { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };
}
