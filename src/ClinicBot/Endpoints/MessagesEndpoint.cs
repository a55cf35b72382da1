using ClinicBot.SdkTuning;
using Microsoft.Bot.Builder;

namespace ClinicBot.Endpoints;

/// <summary>POST /api/messages: the Bot Framework channel endpoint, guarded against malformed bodies.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext httpContext, ClinicBotAdapter adapter, IBot bot, ActivityOriginCheck originCheck)
    {
        var read = await ActivityRequestReader.ReadAsync(httpContext.Request, httpContext.RequestAborted).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            await Results.Problem(statusCode: read.StatusCode, title: read.Problem).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        if (originCheck.Refusal(read.Activity!) is { } refusal)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: refusal).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        await ParsedActivityProcessing.ProcessAsync(httpContext, adapter, read.Activity!, bot).ConfigureAwait(false);
    }
}
