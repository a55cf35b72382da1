using ClinicBot.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace ClinicBot.Endpoints;

/// <summary>POST /api/messages: the Bot Framework channel endpoint, guarded against malformed bodies.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext httpContext, ClinicBotAdapter adapter, IBot bot)
    {
        var read = await ActivityRequestReader.ReadAsync(httpContext.Request, httpContext.RequestAborted).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            await Results.Problem(statusCode: read.StatusCode, title: read.Problem).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        // What CloudAdapter.ProcessAsync does after parsing the body, with the activity already parsed above
        // (ProcessAsync would read and parse the body a second time).
        var authHeader = httpContext.Request.Headers.Authorization.ToString();
        if (ChannelAuthorizationHeader.IsMalformedBearer(authHeader))
        {
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await adapter.ProcessParsedActivityAsync(authHeader, read.Activity!, bot, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception rejected) when (rejected is UnauthorizedAccessException or SecurityTokenException)
        {
            // The SDK turns only an expired token into UnauthorizedAccessException; a bad or missing
            // signature, an unknown key or a token not yet valid escape as SecurityTokenException. Turn
            // errors never get here (the adapter's OnTurnError handles them), so both mean "not authenticated".
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (invokeResponse?.Status == StatusCodes.Status501NotImplemented)
        {
            // The SDK's answer to an invoke activity no handler knows. An unsupported request is the
            // caller's problem, not a server failure.
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This invoke activity is not supported.").ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        await HttpHelper.WriteResponseAsync(httpContext.Response, invokeResponse).ConfigureAwait(false);
    }
}
