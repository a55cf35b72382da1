using ClinicBot.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ClinicBot.Endpoints;

public static class EndpointRouteBuilderExtensions
{
    public static WebApplication MapClinicBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        return app;
    }

    /// <summary>Baseline security headers for every response; pages add their own Content-Security-Policy.</summary>
    public static WebApplication UseClinicBotSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        return app;
    }
}
