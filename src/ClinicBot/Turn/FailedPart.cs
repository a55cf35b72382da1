using System.Data.Common;
using System.Net.Sockets;
using ClinicBot.Storage;

namespace ClinicBot.Turn;

/// <summary>The part of the app a turn's failure came from, named in the log so an operator knows where to look.</summary>
public enum FailedPart
{
    /// <summary>The database server or file (Storage:Provider): down, refusing connections, failing a query.</summary>
    Database,

    /// <summary>The conversation's saved state: kept conflicting with concurrent turns, or could not be read back.</summary>
    BotState,

    /// <summary>The channel the replies go to (the connector at the activity's serviceUrl): unreachable or refusing.</summary>
    OutboundChannel,

    /// <summary>The sentence-embedding model (ONNX Runtime) the understanding uses.</summary>
    Model,

    /// <summary>None of the above: the app's own code.</summary>
    App,
}

/// <summary>
/// Tells which <see cref="FailedPart"/> an exception came from by walking its inner exceptions. An HTTP failure
/// anywhere in the chain is the outbound channel (a refused socket under it is the channel's, not the database's).
/// </summary>
public static class FailedParts
{
    public static FailedPart Of(Exception exception)
    {
        var chain = Chain(exception).ToList();
        if (chain.Any(IsOutbound))
        {
            return FailedPart.OutboundChannel;
        }

        if (chain.Any(e => e is DbException))
        {
            return FailedPart.Database;
        }

        if (chain.Any(e => e is EtagConflictException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException))
        {
            return FailedPart.BotState;
        }

        if (chain.Any(IsModel))
        {
            return FailedPart.Model;
        }

        // A bare socket, I/O or timeout failure with no HTTP around it comes from the database driver.
        return chain.Any(e => e is SocketException or IOException or TimeoutException) ? FailedPart.Database : FailedPart.App;
    }

    /// <summary>The words the log uses for <paramref name="part"/>.</summary>
    public static string Describe(FailedPart part) => part switch
    {
        FailedPart.Database => "database (unreachable or failing)",
        FailedPart.BotState => "bot state (conversation state conflicting or unreadable)",
        FailedPart.OutboundChannel => "outbound channel (the connector replies are sent to is unreachable or refused them)",
        FailedPart.Model => "model (sentence embeddings)",
        _ => "app code",
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    // The Bot Framework connector client throws ErrorResponseException / HttpOperationException for a refused reply;
    // HttpClient's own timeout is a TaskCanceledException around a TimeoutException.
    private static bool IsOutbound(Exception exception) =>
        exception is HttpRequestException
        || exception.GetType().Name is "ErrorResponseException" or "HttpOperationException"
        || exception is TaskCanceledException { InnerException: TimeoutException };

    private static bool IsModel(Exception exception) =>
        exception.GetType().Namespace?.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal) == true
        || exception.TargetSite?.DeclaringType?.Assembly.GetName().Name == "ClinicBot.Embeddings";
}
