using System.Buffers;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ClinicBot.Endpoints;

/// <summary>
/// Reads and checks an incoming activity body before the Bot Framework adapter sees it, so that
/// malformed input gets a short 4xx answer instead of an exception inside the SDK. The body is parsed
/// once, with the SDK's own serializer, and the parsed activity is what the adapter processes.
/// </summary>
public static class ActivityRequestReader
{
    public const int MaxBodyBytes = 256 * 1024;

    private const int ChunkedStartBytes = 4 * 1024;

    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The request body is larger than 256 KB.");
        }

        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ActivityReadResult.Fail(StatusCodes.Status415UnsupportedMediaType, "Send the activity as application/json.");
        }

        // One pooled buffer, sized by Content-Length when the client sent it (one byte more, to notice a longer body).
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : ChunkedStartBytes);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBodyBytes)
                {
                    return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The request body is larger than 256 KB.");
                }
            }

            var (activity, problem) = Parse(buffer, length);
            return problem is null
                ? new ActivityReadResult(activity, StatusCodes.Status200OK, null)
                : ActivityReadResult.Fail(StatusCodes.Status400BadRequest, problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (Activity? Activity, string? Problem) Parse(byte[] buffer, int length)
    {
        Activity? activity;
        try
        {
            using var body = new MemoryStream(buffer, 0, length, writable: false);
            using var reader = new JsonTextReader(new StreamReader(body)) { MaxDepth = 64 };
            // The serializer CloudAdapter.ProcessAsync itself would use, so the bot sees the same activity.
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return (null, "The body is not a valid activity JSON object.");
        }
        catch (ArgumentException)
        {
            return (null, "The body is not a valid activity JSON object.");
        }

        var problem = Validate(activity);
        return (problem is null ? activity : null, problem);
    }

    private static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "The body must be a JSON object (a Bot Framework activity).";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no 'type'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no 'conversation.id'.";
        }

        // Required even with deliveryMode expectReplies: the adapter builds a connector client for the serviceUrl
        // on every turn (a missing or unparsable one was a 500), and the SDK only checks a channel token's
        // serviceurl claim when the activity has a serviceUrl.
        if (!IsHttpUrl(activity.ServiceUrl))
        {
            return "The activity needs an absolute http(s) 'serviceUrl'.";
        }

        // The SDK's conversationUpdate dispatch reads every listed member's id (a null entry was a turn error).
        if (HasEmptyEntry(activity.MembersAdded) || HasEmptyEntry(activity.MembersRemoved))
        {
            return "The activity lists an empty member in 'membersAdded' or 'membersRemoved'.";
        }

        return null;
    }

    private static bool HasEmptyEntry<T>(IList<T>? items) where T : class => items is not null && items.Any(item => item is null);

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

public sealed record ActivityReadResult(Activity? Activity, int StatusCode, string? Problem)
{
    public bool Succeeded => Problem is null;

    public static ActivityReadResult Fail(int statusCode, string problem) => new(null, statusCode, problem);
}
