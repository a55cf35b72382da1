using System.Diagnostics;
using System.Net;
using ClinicBot.Bots;
using ClinicBot.Knowledge;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// Issue 8, part 4, with a real PostgreSQL server of the test's own that is stopped under a running app process:
/// what still works, what the person is told, what readiness says, and recovery in the same process.
/// </summary>
[Trait("Category", "Faults")]
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const string ClinicPhone = "832-899-4065";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task With_the_database_stopped_page_answers_and_crisis_work_bookings_get_the_apology_ready_is_503_and_it_recovers_without_a_restart()
    {
        await using var backend = PostgresFaultBackend.CreatePrivate();
        await using var app = await AppProcess.StartAsync("instance", backend.AppSettings);
        var messages = BotMessages.Load(Path.Combine(AppBuild.Folder, "Content", "bot-messages.json"));
        var inProgress = NewConversation();
        Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(await BotClient.SayAsync(app.Client, inProgress, "I'd like to book a free call")));
        var processId = app.ProcessId;

        backend.Server!.Stop();
        var notReadyAfter = await app.WaitForStatusAsync("/health/ready", HttpStatusCode.ServiceUnavailable, ProbeTimeout);
        using (var live = await app.Client.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        var outage = NewConversation();
        var (crisis, crisisTime) = await TimedAsync(() => BotClient.SayAsync(app.Client, outage, "I don't want to be alive anymore"));
        Assert.Contains(TopicNames.Crisis, Assert.Single(crisis).Topics);
        Assert.Contains("988", crisis[0].Text);

        var (hours, hoursTime) = await TimedAsync(() => BotClient.SayAsync(app.Client, outage, "what are your opening hours?"));
        Assert.Contains(TopicNames.Hours, hours.SelectMany(reply => reply.Topics));
        var (location, locationTime) = await TimedAsync(() => BotClient.SayAsync(app.Client, outage, "where is the clinic?"));
        Assert.Contains(TopicNames.LocationAddress, location.SelectMany(reply => reply.Topics));
        Assert.DoesNotContain(hours.Concat(location), reply => reply.Text == messages.StorageUnavailable);

        var (newBooking, newBookingTime) = await TimedAsync(() => BotClient.SayAsync(app.Client, outage, "Can I book a free call?"));
        Assert.Equal(messages.StorageUnavailable, Assert.Single(newBooking).Text);
        Assert.Contains(ClinicPhone, newBooking[0].Text);
        var (bookingAnswer, bookingAnswerTime) = await TimedAsync(() => BotClient.SayAsync(app.Client, inProgress, "Maria Alvarez"));
        Assert.Equal(messages.StorageUnavailable, Assert.Single(bookingAnswer).Text);

        var restart = Stopwatch.StartNew();
        backend.Server.Start();
        var databaseUp = restart.Elapsed;
        var readyAfter = await app.WaitForStatusAsync("/health/ready", HttpStatusCode.OK, ProbeTimeout);
        Assert.Equal(processId, app.ProcessId);
        Assert.Equal(0, await backend.CountAsync("bookings"));

        // Same process: the booking in progress resumes at the name step it was at, and completes.
        var resumed = await BotClient.SayAsync(app.Client, inProgress, "Maria Alvarez");
        Assert.Equal(BookingQuestion.Phone, BookingPlayer.Classify(resumed));
        var player = new BookingPlayer("Maria Alvarez");
        var reference = await player.ContinueAsync((text, _) => BotClient.SayAsync(app.Client, inProgress, text), resumed);
        var row = Assert.Single(await backend.BookingsAsync());
        Assert.Equal(reference, row.Reference);
        Assert.Equal("Maria Alvarez", row.Name);

        output.WriteLine(
            $"{backend.Description}: after pg_ctl stop, /health/ready turned 503 within {notReadyAfter.TotalSeconds:0.00} s (/health/live 200); " +
            $"during the outage: crisis {crisisTime.TotalMilliseconds:0} ms, hours {hoursTime.TotalMilliseconds:0} ms, location {locationTime.TotalMilliseconds:0} ms, " +
            $"new booking apology {newBookingTime.TotalMilliseconds:0} ms, in-progress booking apology {bookingAnswerTime.TotalMilliseconds:0} ms; " +
            $"pg_ctl start took {databaseUp.TotalSeconds:0.0} s, then /health/ready 200 within {readyAfter.TotalSeconds:0.00} s; booking {reference} completed in the same process");

        // What the app logged during all this: exception types only, no stack traces, nothing the person typed.
        var logged = app.Output;
        Assert.DoesNotContain(logged, line => line.Contains("Maria Alvarez", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains(logged, line => line.Contains("Database unavailable", StringComparison.Ordinal));
    }

    private static async Task<(T Result, TimeSpan Took)> TimedAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed);
    }

    private static string NewConversation() => "faults-outage-" + Guid.NewGuid().ToString("N");
}
