using System.Globalization;
using System.Text;
using ClinicBot.Channels.DirectLine.Production;
using ClinicBot.Channels.DirectLine.Protocol;
using ClinicBot.Channels.DirectLine.RateLimiting;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Channels.DirectLine.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// HTTP surface of the channel: /api/directline/token for the page, and (in local mode) the Direct Line
/// 3.0 routes Web Chat uses under /v3/directline, including the WebSocket stream (polling works too).
/// </summary>
public static class DirectLineEndpoints
{
    public const string LocalBasePath = "/v3/directline";

    public static RouteGroupBuilder MapDirectLineTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/directline").AddEndpointFilter<DirectLineRequestFilter>();
        group.MapPost("/token", IssueWebChatTokenAsync);
        return group;
    }

    public static RouteGroupBuilder MapLocalDirectLineChannel(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(LocalBasePath).AddEndpointFilter<DirectLineRequestFilter>();
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        return group;
    }

    private static async Task<IResult> IssueWebChatTokenAsync(
        HttpContext context,
        DirectLineRateLimits limits,
        IOptions<DirectLineOptions> options,
        LocalDirectLineChannel channel,
        DirectLineTexts texts,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        using var lease = limits.AcquireNewConversation(context);
        if (!lease.IsAcquired)
        {
            return DirectLineRateLimits.TooManyRequests(lease, context);
        }

        var settings = options.Value;
        if (settings.UsesAzure)
        {
            var azure = services.GetRequiredService<AzureDirectLineTokenClient>();
            try
            {
                var generated = await azure.GenerateAsync(cancellationToken);
                return Results.Json(new WebChatTokenResponse(
                    AzureDirectLineTokenClient.Domain(settings), generated.ConversationId, generated.Token,
                    generated.ExpiresIn, settings.PollingIntervalMilliseconds, WebSocket: false));
            }
            catch (Exception exception) when (exception is AzureDirectLineException or HttpRequestException or TaskCanceledException)
            {
                return Error(StatusCodes.Status502BadGateway, "ServiceUnavailable", texts.ServiceUnreachable);
            }
        }

        var issued = await channel.CreateConversationAsync(cancellationToken);
        return Results.Json(new WebChatTokenResponse(
            LocalDomain(context.Request), issued.Grant.ConversationId, issued.Value,
            issued.ExpiresInSeconds, settings.PollingIntervalMilliseconds, WebSocket: settings.EnableWebSocket));
    }

    private static async Task<IResult> StartConversationAsync(
        HttpContext context, ChannelAccess access, LocalDirectLineChannel channel, [FromServices] IBot bot, CancellationToken cancellationToken)
    {
        var authorized = await access.AuthorizeAsync(context, conversationId: null, ConversationRequestKind.Read, cancellationToken);
        if (authorized.Failure is not null)
        {
            return authorized.Failure;
        }

        await channel.StartAsync(authorized.Conversation!, bot, cancellationToken);
        return Results.Json(Describe(authorized, context.Request, watermark: null), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ResumeConversationAsync(
        HttpContext context, string conversationId, ChannelAccess access, LocalDirectLineChannel channel, [FromServices] IBot bot, CancellationToken cancellationToken)
    {
        if (!TryReadWatermark(context.Request, out var watermark))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a whole number.");
        }

        var authorized = await access.AuthorizeAsync(context, conversationId, ConversationRequestKind.Read, cancellationToken);
        if (authorized.Failure is not null)
        {
            return authorized.Failure;
        }

        await channel.StartAsync(authorized.Conversation!, bot, cancellationToken);
        return Results.Json(Describe(authorized, context.Request, watermark));
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext context,
        string conversationId,
        ChannelAccess access,
        LocalDirectLineChannel channel,
        [FromServices] IBot bot,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var authorized = await access.AuthorizeAsync(context, conversationId, ConversationRequestKind.Message, cancellationToken);
        if (authorized.Failure is not null)
        {
            return authorized.Failure;
        }

        var body = await ReadBodyAsync(context.Request, options.Value.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
        }

        var parsed = IncomingActivityParser.Parse(body, options.Value.MaxMessageLength);
        switch (parsed.Outcome)
        {
            case IncomingActivityOutcome.Invalid:
                return Error(StatusCodes.Status400BadRequest, "BadArgument", parsed.Problem!);
            case IncomingActivityOutcome.TooLong:
                await channel.RejectTooLongAsync(authorized.Conversation!, parsed.TooLongText!, cancellationToken);
                return Error(StatusCodes.Status400BadRequest, "MessageTooLong",
                    $"Messages can be at most {options.Value.MaxMessageLength.ToString(CultureInfo.InvariantCulture)} characters.");
            case IncomingActivityOutcome.Ignored:
                return Results.Json(new ActivityIdResponse(string.Empty));
        }

        await channel.StartAsync(authorized.Conversation!, bot, cancellationToken);
        var id = await channel.PostAsync(authorized.Conversation!, parsed.Activity!, bot, cancellationToken);
        return Results.Json(new ActivityIdResponse(id));
    }

    private static async Task<IResult> GetActivitiesAsync(
        HttpContext context, string conversationId, ChannelAccess access, ActivityTranscript transcript, CancellationToken cancellationToken)
    {
        if (!TryReadWatermark(context.Request, out var watermark))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a whole number.");
        }

        var authorized = await access.AuthorizeAsync(context, conversationId, ConversationRequestKind.Read, cancellationToken);
        if (authorized.Failure is not null)
        {
            return authorized.Failure;
        }

        var (activities, next) = await transcript.ReadAfterAsync(conversationId, watermark, cancellationToken);
        return Results.Text(ActivitySetJson(activities, next), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context, string conversationId, ChannelAccess access, ActivityStream stream, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.EnableWebSocket || !context.WebSockets.IsWebSocketRequest)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "This address takes a WebSocket connection.");
        }

        if (!TryReadWatermark(context.Request, out var watermark))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a whole number.");
        }

        var authorized = await access.AuthorizeAsync(context, conversationId, ConversationRequestKind.Read, cancellationToken, tokenFromQuery: true);
        if (authorized.Failure is not null)
        {
            return authorized.Failure;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, watermark, cancellationToken);
        return Results.Empty;
    }

    /// <summary>Direct Line's ActivitySet: { "activities": [...], "watermark": "N" } (the watermark as a string).</summary>
    internal static string ActivitySetJson(IReadOnlyList<string> activities, long watermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        json.AppendJoin(',', activities);
        json.Append("],\"watermark\":\"").Append(watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return json.ToString();
    }

    private static async Task<IResult> RefreshTokenAsync(
        HttpContext context, ChannelAccess access, ConversationTokenService tokens, CancellationToken cancellationToken)
    {
        var authorized = await access.AuthorizeAsync(context, conversationId: null, ConversationRequestKind.Read, cancellationToken);
        if (authorized.Failure is not null)
        {
            return authorized.Failure;
        }

        var grant = authorized.Grant!;
        var issued = await tokens.RefreshAsync(grant, cancellationToken);
        if (issued is null)
        {
            return Error(StatusCodes.Status403Forbidden, "ConversationTooOld",
                "This conversation has reached its maximum age and its token cannot be refreshed. Please start a new conversation.");
        }

        return Results.Json(new ConversationResponse(grant.ConversationId, issued.Value, issued.ExpiresInSeconds));
    }

    private static ConversationResponse Describe(ChannelAccess.Result authorized, HttpRequest request, long? watermark)
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        string? streamUrl = null;
        if (options.EnableWebSocket)
        {
            var scheme = request.IsHttps ? "wss" : "ws";
            streamUrl = $"{scheme}://{request.Host}{request.PathBase}{LocalBasePath}/conversations/{Uri.EscapeDataString(authorized.Grant!.ConversationId)}/stream"
                + $"?watermark={watermark?.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(authorized.TokenValue!)}";
        }

        return new ConversationResponse(authorized.Grant!.ConversationId, authorized.TokenValue!, authorized.ExpiresInSeconds, streamUrl);
    }

    private static bool TryReadWatermark(HttpRequest request, out long watermark)
    {
        watermark = 0;
        var raw = request.Query["watermark"].ToString();
        return raw.Length == 0 || (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }

    /// <summary>The body as text, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static string LocalDomain(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{LocalBasePath}";

    internal static IResult Error(int status, string code, string message) =>
        Results.Json(ErrorResponse.Of(code, message), statusCode: status);
}
