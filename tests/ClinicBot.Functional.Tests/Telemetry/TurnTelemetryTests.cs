using System.Diagnostics.Metrics;
using ClinicBot.Booking.Store;
using ClinicBot.Telemetry;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ClinicBot.Tests.Telemetry;

/// <summary>The bot's metrics count turns, replies, crisis replies by tier and bookings — as counts with channel names only.</summary>
public sealed class TurnTelemetryTests : IDisposable
{
    private readonly BotUnderTest _bot = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose()
    {
        _bot.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_page_question_and_a_crisis_message_are_counted_with_the_crisis_reply_as_definite()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var recorder = new MetricsRecorder(meters);
        var adapter = new TestAdapter();
        adapter.Use(new TurnTelemetryMiddleware(new ClinicBotMetrics(meters), TimeProvider.System));

        var hours = await _bot.SayAsync(adapter, "what are your hours?");
        Assert.Equal(1, recorder.Sum("clinicbot.turns"));
        Assert.Equal(hours.Count, recorder.Sum("clinicbot.replies"));
        Assert.Equal(0, recorder.Sum("clinicbot.crisis_replies"));

        await _bot.SayAsync(adapter, "i want to kill myself");
        Assert.Equal(2, recorder.Sum("clinicbot.turns"));
        Assert.Equal(1, recorder.Sum("clinicbot.crisis_replies", "tier", TurnTelemetryMiddleware.Definite));
        Assert.Equal(2, recorder.Count("clinicbot.turn.duration"));
        Assert.Equal(["test"], recorder.TagValues("channel"));
    }

    [Fact]
    public void The_app_runs_the_telemetry_middleware_first_on_every_channel_and_exports_nothing_unless_configured()
    {
        using var app = new ClinicBotAppFactory(dataFolder: null);

        Assert.IsType<TurnTelemetryMiddleware>(app.Services.GetServices<IMiddleware>().First());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void An_otlp_endpoint_in_configuration_switches_on_the_exporters()
    {
        using var app = new AppWithOtlpEndpoint();

        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task A_new_booking_saved_through_the_apps_store_is_counted_once_and_a_retried_delivery_not_again()
    {
        using var app = new ClinicBotAppFactory(dataFolder: null);
        using var recorder = new MetricsRecorder(app.Services.GetRequiredService<IMeterFactory>());
        var store = app.Services.GetRequiredService<IBookingStore>();
        var request = new BookingRequest("telemetry-key-1", "Test Person", "+17135550120", null,
            DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow, "webchat");

        await store.SaveAsync(request, CancellationToken.None);
        await store.SaveAsync(request, CancellationToken.None);

        Assert.Equal(1, recorder.Sum("clinicbot.bookings", "channel", "webchat"));
    }

    /// <summary>The endpoint as a host setting: the app reads it while registering services, before the test's app configuration applies.</summary>
    private sealed class AppWithOtlpEndpoint() : ClinicBotAppFactory(dataFolder: null)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(TelemetryServiceCollectionExtensions.OtlpEndpointKey, "http://127.0.0.1:4317");
        }
    }
}
