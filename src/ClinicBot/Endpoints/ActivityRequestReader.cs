using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ClinicBot.Endpoints;

/// <summary>
/// Reads and checks an incoming activity body before the Bot Framework adapter sees it, so that
/// malformed input gets a short 4xx answer instead of an exception inside the SDK.
/// </summary>
public static class ActivityRequestReader
{
    private static readonly JsonSerializer ActivitySerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        MaxDepth = 64,
        NullValueHandling = NullValueHandling.Ignore,
    });

    public const int MaxBodyBytes = 256 * 1024;

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

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The request body is larger than 256 KB.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        var problem = Validate(buffer);
        if (problem is not null)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, problem);
        }

        buffer.Position = 0;
        return new ActivityReadResult(buffer, StatusCodes.Status200OK, null);
    }

    private static string? Validate(MemoryStream body)
    {
        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, leaveOpen: true)) { MaxDepth = 64 };
            activity = ActivitySerializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return "The body is not a valid activity JSON object.";
        }
        catch (ArgumentException)
        {
            return "The body is not a valid activity JSON object.";
        }

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

        var expectsReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (!expectsReplies && !IsHttpUrl(activity.ServiceUrl))
        {
            return "The activity needs an absolute http(s) 'serviceUrl' (or deliveryMode 'expectReplies').";
        }

        return null;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

public sealed record ActivityReadResult(MemoryStream? Body, int StatusCode, string? Problem)
{
    public bool Succeeded => Problem is null;

    public static ActivityReadResult Fail(int statusCode, string problem) => new(null, statusCode, problem);
}
