using ClinicBot.Knowledge;
using Microsoft.Bot.Builder;

namespace ClinicBot.Hosting;

/// <summary>
/// Loads the clinic's content and runs one understanding pass in the background right after start, so the
/// first visitor's message does not pay for loading and first-call compilation. Readiness does not wait for it.
/// </summary>
public sealed class WarmUpService(IServiceProvider services, TimeProvider clock, ILogger<WarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var knowledge = services.GetRequiredService<ClinicKnowledge>();
            foreach (var warning in knowledge.LoadWarnings)
            {
                logger.LogWarning("Content: {Warning}", warning);
            }

            knowledge.Answer(knowledge.Understand("what are your hours and where are you"), clock.GetUtcNow());
            knowledge.IsCrisis("warm up");
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<IBot>();
        }
        catch (Exception exception)
        {
            logger.LogWarning("Warm-up failed with {ExceptionType}; the first turn will load what it needs.", exception.GetType().Name);
        }
    }
}
