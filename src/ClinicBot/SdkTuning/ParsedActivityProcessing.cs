using ClinicBot.Endpoints;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace ClinicBot.SdkTuning;

/// <summary>
/// What <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> does after
/// parsing the request body, for an activity /api/messages has already read and checked (ProcessAsync would
/// read and parse the body a second time): authenticate, run the turn, write the invoke response.
/// </summary>
public static class ParsedActivityProcessing
{
    public static async Task ProcessAsync(HttpContext httpContext, ClinicBotAdapter adapter, Activity activity, IBot bot)
    {
        var authHeader = httpContext.Request.Headers.Authorization.ToString();
        if (ChannelAuthorizationHeader.IsMalformedBearer(authHeader))
        {
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await adapter.ProcessParsedActivityAsync(authHeader, activity, bot, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception rejected) when (rejected is UnauthorizedAccessException or SecurityTokenException)
        {
            // The SDK turns only an expired token into UnauthorizedAccessException; a bad or missing
            // signature, an unknown key or a token not yet valid escape as SecurityTokenException. Turn
            // errors never get here (the adapter's OnTurnError handles them), so both mean "not authenticated".
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        catch (Exception outage) when (ChannelMetadataOutage.IsMetadataFailure(outage))
        {
            httpContext.RequestServices.GetRequiredService<ChannelMetadataOutage>().Report(outage);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Channel authentication is temporarily unavailable; try again later.")
                .ExecuteAsync(httpContext).ConfigureAwait(false);
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
