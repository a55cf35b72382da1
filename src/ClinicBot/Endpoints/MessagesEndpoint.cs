using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace ClinicBot.Endpoints;

/// <summary>POST /api/messages: the Bot Framework channel endpoint, guarded against malformed bodies.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext httpContext, IBotFrameworkHttpAdapter adapter, IBot bot)
    {
        var read = await ActivityRequestReader.ReadAsync(httpContext.Request, httpContext.RequestAborted).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            await Results.Problem(statusCode: read.StatusCode, title: read.Problem).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        await using var body = read.Body!;
        httpContext.Request.Body = body;
        await adapter.ProcessAsync(httpContext.Request, httpContext.Response, bot, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
