using System.Data.Common;
using System.Net.Sockets;
using ClinicBot.Storage;

namespace ClinicBot.Turn;

/// <summary>Tells a database that cannot be reached (down, restarting, refusing connections) from other failures.</summary>
public static class StorageOutage
{
    public static bool IsOutage(Exception exception) => exception switch
    {
        OperationCanceledException or EtagConflictException => false,
        DbException or SocketException or TimeoutException or IOException => true,
        { InnerException: { } inner } => IsOutage(inner),
        _ => false,
    };
}
