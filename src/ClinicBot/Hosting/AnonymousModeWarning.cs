using ClinicBot.Endpoints;

namespace ClinicBot.Hosting;

/// <summary>Says at start-up, in every environment, that /api/messages takes unauthenticated traffic.</summary>
public sealed class AnonymousModeWarning(AnonymousReplyHosts replyHosts, IHostEnvironment environment, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (replyHosts.IsAnonymous)
        {
            var hosts = replyHosts.Hosts.Count == 0 ? "none" : string.Join(", ", replyHosts.Hosts);
            logger.LogWarning(
                "ANONYMOUS MODE in the {Environment} environment: MicrosoftAppId is empty, so /api/messages accepts activities " +
                "from anyone without channel authentication. Replies go only to serviceUrl hosts in {Key} ({Hosts}). " +
                "Configure MicrosoftAppId/MicrosoftAppPassword before exposing this app.",
                environment.EnvironmentName, AnonymousReplyHosts.Key, hosts);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
