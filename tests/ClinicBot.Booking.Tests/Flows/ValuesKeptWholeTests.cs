using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Texts;
using ClinicBot.Knowledge;
using ClinicBot.Tests.Booking.Support;
using Microsoft.Bot.Schema;

namespace ClinicBot.Tests.Booking.Flows;

/// <summary>
/// Values the person gave are kept whole through the booking dialog and every change to them is said:
/// an extension, an international prefix, a spoken or corrected email, a holiday, a date clinic.json closes.
/// </summary>
public sealed class ValuesKeptWholeTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("clinicbot-values-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static async Task<BookingTestBot> AtCallbackStepAsync(BookingTestBot bot)
    {
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Maria Delgado");
        await bot.SayAsync("832-555-0142");
        await bot.SayAsync("skip");
        return bot;
    }

    private static string Texts(IEnumerable<IActivity> replies) =>
        string.Join("\n", replies.OfType<IMessageActivity>().Select(r => r.Text));

    [Fact]
    public async Task An_extension_is_said_kept_shown_and_saved_with_the_number()
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Marcus Bell");

        var kept = Texts(await bot.SayAsync("713-555-0120 ext 4"));
        await bot.SayAsync("skip");
        var card = await bot.SayAsync("tuesday at 10am");
        var booked = Texts(await bot.SayAsync("yes"));

        Assert.Contains("extension 4", kept);
        Assert.Contains("+1 713-555-0120 ext. 4", card.OfType<IMessageActivity>().Single(r => r.Attachments?.Count > 0).Attachments[0].Content.ToString());
        Assert.Contains("+1 713-555-0120 ext. 4", booked);
        Assert.Equal("+17135550120;ext=4", Assert.Single(await bot.BookingsAsync()).PhoneE164);
    }

    [Fact]
    public async Task An_international_prefix_is_read_and_said()
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Oliver Hughes");

        var read = Texts(await bot.SayAsync("011 44 20 7946 0958"));
        await bot.SayAsync("skip");
        await bot.SayAsync("tuesday at 10am");
        await bot.SayAsync("yes");

        Assert.Contains("011", read);
        Assert.Contains("+442079460958", read);
        Assert.Equal("+442079460958", Assert.Single(await bot.BookingsAsync()).PhoneE164);
    }

    [Theory]
    [InlineData("sam underscore lee at example dot net", "sam_lee@example.net", "sam_lee@example.net")]
    [InlineData("ana.ruiz@gmial.com", "ana.ruiz@gmail.com", "gmial.com")]
    public async Task A_spoken_or_corrected_email_is_said_back_and_saved(string typed, string saved, string said)
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Sam Lee");
        await bot.SayAsync("713-555-0131");

        var reply = Texts(await bot.SayAsync(typed));
        await bot.SayAsync("tuesday at 11");
        await bot.SayAsync("yes");

        Assert.Contains(said, reply);
        Assert.Contains(saved, reply);
        Assert.Equal(saved, Assert.Single(await bot.BookingsAsync()).Email);
    }

    [Fact]
    public async Task A_holiday_is_refused_with_the_reason_and_the_nearest_weekdays_are_offered()
    {
        using var bot = await AtCallbackStepAsync(new BookingTestBot());

        var replies = await bot.SayAsync("new year's day at 11");

        var reply = Assert.Single(replies.OfType<IMessageActivity>());
        Assert.Contains("New Year's Day", reply.Text);
        Assert.Contains("holiday schedule isn't on its page", reply.Text);
        Assert.Equal(["Tue Dec 29, 11:00 AM", "Wed Dec 30, 11:00 AM", "Mon Jan 4, 11:00 AM"], reply.SuggestedActions.Actions.Select(a => a.Title));

        await bot.SayAsync("Wed Dec 30, 11:00 AM");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 30, 11, 0, 0, TimeSpan.FromHours(-6)), booking.Callback);
    }

    [Fact]
    public async Task A_weekend_time_in_the_first_message_makes_the_time_question_say_why_and_offer_open_times()
    {
        using var bot = new BookingTestBot();

        var replies = (await bot.SayAsync("book a call: I'm Carla Mendes, 713-555-0111, carla.m@example.com, saturday 10am")).OfType<IMessageActivity>().ToList();

        Assert.Equal(BookingTexts.Default.Reask("reaskCallback", "Weekend"), replies[^1].Text);
        Assert.NotEmpty(replies[^1].SuggestedActions.Actions);
        Assert.All(replies[^1].SuggestedActions.Actions, action => Assert.DoesNotContain("Sat", action.Title));
        Assert.Empty(await bot.BookingsAsync());
    }

    [Theory]
    [InlineData("book a call: I'm Carla Mendes, 713-555-0111, carla.m@example.com, christmas eve at 10", "that's Christmas Eve")]
    public async Task A_holiday_in_the_first_message_is_said_not_dropped(string first, string said)
    {
        using var bot = new BookingTestBot();

        var replies = Texts(await bot.SayAsync(first));

        Assert.Contains(said, replies);
        Assert.EndsWith(BookingTexts.Default.Get("askCallback"), replies);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task A_closed_date_from_clinic_json_is_refused_with_the_reason_and_never_offered()
    {
        var window = CallbackWindow.From(LoadClinicWith("\"closedDates\": [\"2026-12-09\"]").Facts);
        using var bot = await AtCallbackStepAsync(new BookingTestBot { Window = window });

        var reply = Assert.Single((await bot.SayAsync("dec 9 at 10")).OfType<IMessageActivity>());

        Assert.Contains(new DateOnly(2026, 12, 9), window.ClosedDates);
        Assert.StartsWith("The clinic is closed on Wednesday, December 9.", reply.Text);
        Assert.NotEmpty(reply.SuggestedActions.Actions);
        Assert.DoesNotContain(reply.SuggestedActions.Actions, a => a.Title.Contains("Dec 9,", StringComparison.Ordinal));
        Assert.Empty(await bot.BookingsAsync());

        await bot.SayAsync("dec 10 at 10");
        await bot.SayAsync("yes");
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.FromHours(-6)), Assert.Single(await bot.BookingsAsync()).Callback);
    }

    [Fact]
    public void A_closed_date_that_is_not_a_date_makes_the_clinic_content_fall_back_with_a_warning()
    {
        var knowledge = LoadClinicWith("\"closedDates\": [\"Dec 9\"]");

        Assert.Contains(knowledge.LoadWarnings, w => w.Contains("closed date", StringComparison.Ordinal));
        Assert.Empty(knowledge.Facts.ClosedDates);
    }

    private ClinicKnowledge LoadClinicWith(string closedDates)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Content");
        var target = Path.Combine(_temp, "Content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var clinic = Path.Combine(target, "clinic.json");
        var text = File.ReadAllText(clinic);
        Assert.Contains("\"closedDates\": []", text);
        File.WriteAllText(clinic, text.Replace("\"closedDates\": []", closedDates, StringComparison.Ordinal));
        return ClinicKnowledge.Load(target);
    }
}
