namespace ClinicBot.Hosting;

/// <summary>
/// An empty MicrosoftAppId makes the Bot Framework SDK accept unauthenticated requests. That is the
/// local default for development; in any other environment it must be switched on explicitly.
/// </summary>
public static class AnonymousModeGuard
{
    public const string AllowAnonymousKey = "Bot:AllowAnonymous";

    public static void EnsureAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        var appId = configuration["MicrosoftAppId"];
        if (!string.IsNullOrWhiteSpace(appId) || environment.IsDevelopment())
        {
            return;
        }

        if (!configuration.GetValue<bool>(AllowAnonymousKey))
        {
            throw new InvalidOperationException(
                $"MicrosoftAppId is empty, which would let anyone post to /api/messages without authentication. " +
                $"Configure MicrosoftAppId/MicrosoftAppPassword (and MicrosoftAppType, MicrosoftAppTenantId), " +
                $"or set {AllowAnonymousKey}=true to run anonymously in the '{environment.EnvironmentName}' environment on purpose.");
        }
    }
}
