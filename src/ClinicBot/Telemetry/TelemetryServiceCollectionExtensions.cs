using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClinicBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";

    /// <summary>
    /// The bot's metrics and turn spans (<see cref="ClinicBotMetrics"/>), and, when <c>Telemetry:OtlpEndpoint</c> (or the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set, OpenTelemetry exporting them with ASP.NET Core's and .NET's
    /// own over OTLP. Off by default: nothing leaves the machine unless configured.
    /// </summary>
    public static IServiceCollection AddClinicTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<ClinicBotMetrics>();

        var endpoint = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        var target = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["Telemetry:ServiceName"] ?? "clinicbot"))
            .WithTracing(tracing => tracing
                .AddSource(ClinicBotMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(options => { if (target is not null) options.Endpoint = target; }))
            .WithMetrics(metrics => metrics
                .AddMeter(ClinicBotMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(options => { if (target is not null) options.Endpoint = target; }));
        return services;
    }
}
