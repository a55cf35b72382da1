using ClinicBot.Analytics;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Retention;
using ClinicBot.Tests.Staff.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>The retention job deletes old requests with their status rows, on the injected clock.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Purge_deletes_bookings_older_than_the_cutoff_and_their_status_rows_and_keeps_newer_ones()
    {
        using var app = new StaffAppFactory();
        var now = DateTimeOffset.UtcNow;
        var old = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Old Person", now.AddDays(-91)));
        var recent = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Recent Person", now.AddDays(-89)));
        var statuses = app.Services.GetRequiredService<BookingStatusStore>();
        await statuses.SetAsync(old, BookingStatus.Called, "someone", now, CancellationToken.None);
        await statuses.SetAsync(recent, BookingStatus.Closed, "someone", now, CancellationToken.None);

        var deleted = await app.Services.GetRequiredService<BookingRetentionPurger>().PurgeOlderThanAsync(now.AddDays(-90), CancellationToken.None);

        Assert.Equal(1, deleted);
        var references = StaffTestData.Query(app.DatabasePath, "SELECT reference FROM bookings").Select(row => (string)row["reference"]!).ToList();
        Assert.Equal([recent], references);
        var statusReferences = StaffTestData.Query(app.DatabasePath, "SELECT reference FROM booking_status").Select(row => (string)row["reference"]!).ToList();
        Assert.Equal([recent], statusReferences);
    }

    [Fact]
    public async Task Background_job_runs_at_start_and_again_each_interval_with_the_configured_retention()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new StaffAppFactory(
            new Dictionary<string, string?> { ["Staff:RetentionDays"] = "7", ["Staff:PurgeIntervalMinutes"] = "60" },
            services => services.AddSingleton<TimeProvider>(clock));
        var start = clock.GetUtcNow();
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Eight Days", start.AddDays(-8)));
        var sixDays = await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Six Days", start.AddDays(-6).AddMinutes(30)));

        // The start-up run may have happened before the rows existed: the next interval must catch them.
        clock.Advance(TimeSpan.FromMinutes(61));
        await WaitForPurgeAsync(clock, () => Count(app) == 1);
        Assert.Equal(sixDays, StaffTestData.Query(app.DatabasePath, "SELECT reference FROM bookings").Single()["reference"]);

        // One more day: the six-day-old request crosses the 7-day line at a later run.
        clock.Advance(TimeSpan.FromDays(1));
        await WaitForPurgeAsync(clock, () => Count(app) == 0);
    }

    [Fact]
    public async Task Purge_on_an_empty_database_is_harmless()
    {
        using var app = new StaffAppFactory();
        Assert.Equal(0, await app.Services.GetRequiredService<BookingRetentionPurger>().PurgeOlderThanAsync(DateTimeOffset.UtcNow, CancellationToken.None));
    }

    private static long Count(StaffAppFactory app) =>
        (long)StaffTestData.Query(app.DatabasePath, "SELECT COUNT(*) AS n FROM bookings").Single()["n"]!;

    /// <summary>
    /// Waits for a purge run to make <paramref name="condition"/> true. The job sets its next timer only after a
    /// run finishes, and a busy machine can let the test advance the clock before that: so when nothing happens
    /// for a second, the clock moves on by one more interval (at most about ten hours in all, which keeps the
    /// six-day-old request inside the seven days until the test moves a whole day).
    /// </summary>
    private static async Task WaitForPurgeAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        for (var poll = 1; !condition(); poll++)
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            if (poll % 20 == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(60));
            }

            await Task.Delay(50);
        }
    }
}
