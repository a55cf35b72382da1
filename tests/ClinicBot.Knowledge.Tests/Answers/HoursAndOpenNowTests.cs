using System.Text.Json;
using ClinicBot.Knowledge;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Answers;

/// <summary>Opening hours computed in America/Chicago from a pinned clock, including daylight-saving changes.</summary>
public sealed class HoursAndOpenNowTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly ClinicKnowledge _knowledge = fixture.Knowledge;

    /// <summary>Local Sugar Land wall-clock time turned into an instant with the zone's real offset.</summary>
    private DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var zone = _knowledge.Facts.Hours.TimeZone;
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    public void Open_now_edges_on_a_weekday(int hour, int minute, bool open)
    {
        var now = Local(2026, 6, 17, hour, minute); // a Wednesday

        Assert.Equal(open, _knowledge.Facts.Hours.IsOpen(now));
        var answer = Assert.Single(_knowledge.Respond("are you open right now?", now));
        Assert.Equal(TopicNames.OpenNow, answer.Topic);
        Assert.StartsWith(open ? "Right now the clinic is open" : "Right now the clinic is closed", answer.Text);
    }

    [Fact]
    public void Before_opening_the_next_opening_is_today_at_nine()
    {
        var answer = _knowledge.Respond("open now?", Local(2026, 6, 17, 8, 59))[0];

        Assert.Contains("It next opens today at 9:00 AM", answer.Text);
    }

    [Fact]
    public void Friday_evening_and_the_weekend_point_to_monday()
    {
        Assert.Contains("It next opens on Monday at 9:00 AM", _knowledge.Respond("are you open", Local(2026, 6, 19, 17, 0))[0].Text);
        Assert.Contains("It next opens on Monday at 9:00 AM", _knowledge.Respond("are you open", Local(2026, 6, 20, 11, 0))[0].Text);
        Assert.Contains("It next opens tomorrow at 9:00 AM", _knowledge.Respond("are you open", Local(2026, 6, 21, 11, 0))[0].Text);
        Assert.False(_knowledge.Facts.Hours.IsOpen(Local(2026, 6, 20, 11, 0)));
    }

    [Fact]
    public void Daylight_saving_changes_keep_local_hours()
    {
        // 2026-03-09 is the Monday after the spring-forward Sunday; 2026-11-02 the Monday after fall-back.
        var springUtc = new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero); // 9:00 CDT (UTC-5)
        var fallUtc = new DateTimeOffset(2026, 11, 2, 14, 30, 0, TimeSpan.Zero); // 8:30 CST (UTC-6)
        var fallOpenUtc = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero); // 9:00 CST

        Assert.True(_knowledge.Facts.Hours.IsOpen(springUtc));
        Assert.False(_knowledge.Facts.Hours.IsOpen(springUtc.AddMinutes(-1)));
        Assert.False(_knowledge.Facts.Hours.IsOpen(fallUtc));
        Assert.True(_knowledge.Facts.Hours.IsOpen(fallOpenUtc));
        Assert.Contains("next opens today at 9:00 AM", _knowledge.Respond("are you open now", fallUtc)[0].Text);
    }

    [Fact]
    public void Asking_about_saturday_or_the_weekend_says_closed()
    {
        var now = Local(2026, 6, 16, 10, 30);

        Assert.Contains("On Saturday the clinic is closed", _knowledge.Respond("open saturday?", now)[0].Text);
        Assert.Contains("closed on weekends", _knowledge.Respond("r u open on the weekend", now)[0].Text);
    }

    [Fact]
    public void Asking_about_a_time_compares_it_with_that_days_hours()
    {
        var now = Local(2026, 6, 16, 10, 30);

        Assert.Contains("At 7:00 PM today the clinic is closed", _knowledge.Respond("are you open at 7pm", now)[0].Text);
        Assert.Contains("At 4:45 PM today the clinic is open", _knowledge.Respond("still open? its like 4:45", now)[0].Text);
        Assert.Contains("At 10:00 AM on Saturday the clinic is closed", _knowledge.Respond("open saturday at 10am?", now)[0].Text);
        Assert.Contains("Tomorrow the clinic is open 9:00 AM – 5:00 PM", _knowledge.Respond("are you open tomorrow", now)[0].Text);
    }

    [Fact]
    public void Open_now_card_leads_with_the_asked_day()
    {
        var answer = _knowledge.Respond("open saturday?", Local(2026, 6, 16, 10, 30))[0];

        using var card = JsonDocument.Parse(answer.AdaptiveCardJson!);
        Assert.StartsWith("On Saturday the clinic is closed", card.RootElement.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Contains("\"color\":\"Good\"", answer.AdaptiveCardJson);
    }

    [Fact]
    public void Holidays_are_not_invented()
    {
        var text = _knowledge.Respond("are you open on christmas", Local(2026, 6, 16, 10, 30))[0].Text;

        Assert.Contains("doesn't list holiday hours", text);
    }

    [Fact]
    public void Hours_answer_has_the_table_and_a_valid_1_5_card()
    {
        var answer = Assert.Single(_knowledge.Respond("what are your hours", Local(2026, 6, 20, 12, 0)));

        Assert.Equal(TopicNames.Hours, answer.Topic);
        Assert.Contains("Mon: 9:00 AM – 5:00 PM", answer.Text);
        Assert.Contains("Fri: 9:00 AM – 5:00 PM", answer.Text);
        Assert.Contains("Sat: Closed", answer.Text);
        using var card = JsonDocument.Parse(answer.AdaptiveCardJson!);
        Assert.Equal("AdaptiveCard", card.RootElement.GetProperty("type").GetString());
        Assert.Equal("1.5", card.RootElement.GetProperty("version").GetString());
        var facts = card.RootElement.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts");
        Assert.Equal(7, facts.GetArrayLength());
        Assert.Contains("Right now the clinic is closed", answer.AdaptiveCardJson);
        Assert.Equal("Business hours", card.RootElement.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("{", card.RootElement.GetProperty("body").ToString().Replace("{\"", "").Replace("{ \"", ""));
    }
}
