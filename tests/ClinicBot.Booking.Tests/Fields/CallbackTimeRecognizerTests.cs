using ClinicBot.Booking.Fields;
using static ClinicBot.Tests.Booking.Fields.ClinicTime;

namespace ClinicBot.Tests.Booking.Fields;

public class CallbackTimeRecognizerTests
{
    private readonly CallbackTimeRecognizer _recognizer = new(CallbackWindow.ClinicDefault);

    // now = Monday 2026-11-30 10:00 Chicago. Expected: yyyy-MM-dd HH:mm on the Chicago wall clock.
    [Theory]
    [InlineData("tomorrow morning", "2026-12-01 10:00")]
    [InlineData("monday at 4", "2026-11-30 16:00")]
    [InlineData("any weekday after 2pm", "2026-11-30 14:00")]
    [InlineData("asap", "2026-11-30 11:00")]
    [InlineData("as soon as possible please", "2026-11-30 11:00")]
    [InlineData("1pm pacific on thursday", "2026-12-03 15:00")]
    [InlineData("next tuesday 10:30", "2026-12-01 10:30")]
    [InlineData("el martes en la mañana", "2026-12-01 10:00")]
    [InlineData("this afternoon", "2026-11-30 14:00")]
    [InlineData("friday 2pm", "2026-12-04 14:00")]
    [InlineData("the 3rd at 11", "2026-12-03 11:00")]
    [InlineData("10am", "2026-12-01 10:00")]
    [InlineData("tuesday morning", "2026-12-01 10:00")]
    [InlineData("wednesday afternoon", "2026-12-02 14:00")]
    [InlineData("thursday at 11", "2026-12-03 11:00")]
    [InlineData("monday 10am", "2026-12-07 10:00")]
    [InlineData("thursday around 3", "2026-12-03 15:00")]
    [InlineData("wednesday 9:30", "2026-12-02 09:30")]
    [InlineData("tuesdays after 1 work best", "2026-12-01 13:00")]
    [InlineData("mornings are best, maybe 9 or 10", "2026-12-01 09:00")]
    [InlineData("monday or tuesday in the morning please", "2026-11-30 11:00")]
    [InlineData("wednesday around noon", "2026-12-02 12:00")]
    [InlineData("any weekday 1-4pm", "2026-11-30 13:00")]
    [InlineData("12:30 on my lunch break, any weekday", "2026-11-30 12:30")]
    [InlineData("fine, 9am wednesday", "2026-12-02 09:00")]
    [InlineData("ok then monday at 4", "2026-11-30 16:00")]
    [InlineData("friday at 3", "2026-12-04 15:00")]
    [InlineData("wait, make it tuesday at 10 instead", "2026-12-01 10:00")]
    [InlineData("Tomorrow @ 2:15 PM", "2026-12-01 14:15")]
    [InlineData("dec 2 at 3:30pm", "2026-12-02 15:30")]
    [InlineData("12/4 at 9", "2026-12-04 09:00")]
    [InlineData("thursday at four thirty", "2026-12-03 16:30")]
    [InlineData("half past two on friday", "2026-12-04 14:30")]
    [InlineData("mañana en la tarde", "2026-12-01 14:00")]
    [InlineData("el jueves a las 3 de la tarde", "2026-12-03 15:00")]
    [InlineData("lo antes posible", "2026-11-30 11:00")]
    [InlineData("whatever works for you guys", "2026-11-30 11:00")]
    [InlineData("i'm flexible", "2026-11-30 11:00")]
    [InlineData("anything but monday", "2026-12-01 10:00")]
    [InlineData("i can't do mondays, how about tuesday at 2", "2026-12-01 14:00")]
    [InlineData("i work nights so mornings are better", "2026-11-30 11:00")]
    [InlineData("mornings don't work for me, afternoons are fine", "2026-11-30 14:00")]
    [InlineData("a week from today at 10", "2026-12-07 10:00")]
    [InlineData("el lunes a las 10", "2026-12-07 10:00")]
    [InlineData("cualquier día en la tarde", "2026-11-30 14:00")]
    [InlineData("tomorrow between 9 and 11", "2026-12-01 09:00")]
    [InlineData("dec 8 2pm", "2026-12-08 14:00")]
    [InlineData("quarter to 3 friday", "2026-12-04 14:45")]
    [InlineData("15:30 thursday", "2026-12-03 15:30")]
    [InlineData("next week tuesday at 2", "2026-12-08 14:00")]
    [InlineData("tuesday next week", "2026-12-08 10:00")]
    [InlineData("day after tomorrow at 11am", "2026-12-02 11:00")]
    [InlineData("first thing tomorrow", "2026-12-01 09:00")]
    [InlineData("tomorrow late afternoon", "2026-12-01 16:00")]
    [InlineData("in 2 hours", "2026-11-30 12:00")]
    [InlineData("between 1 and 3 on wednesday", "2026-12-02 13:00")]
    [InlineData("not monday, tuesday at 9", "2026-12-01 09:00")]
    [InlineData("any day except monday, morning", "2026-12-01 10:00")]
    [InlineData("3ish tomorrow", "2026-12-01 15:00")]
    [InlineData("tmrw 11", "2026-12-01 11:00")]
    [InlineData("thrusday at 2pm", "2026-12-03 14:00")]
    [InlineData("wenesday at 2", "2026-12-02 14:00")]
    [InlineData("thirsday morning", "2026-12-03 10:00")]
    [InlineData("tuseday 11am", "2026-12-01 11:00")]
    [InlineData("9am PT", "2026-11-30 11:00")]
    [InlineData("i'm available weekdays from 1 to 3", "2026-11-30 13:00")]
    [InlineData("friday no later than 3", "2026-12-04 09:00")]
    [InlineData("friday later than 3", "2026-12-04 15:00")]
    [InlineData("not before 10 on tuesday", "2026-12-01 10:00")]
    [InlineData("2pm central on friday", "2026-12-04 14:00")]
    [InlineData("friday 10am eastern", "2026-12-04 09:00")]
    [InlineData("wednesday after lunch", "2026-12-02 13:00")]
    public void Resolves_wishes_to_a_slot_in_chicago(string text, string expected)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.True(result.Outcome == CallbackOutcome.Accepted, $"{text}: {result.Outcome} {result.Time}");
        Assert.Equal(expected, result.Time!.Value.ToString("yyyy-MM-dd HH:mm"));
        Assert.Equal(TimeSpan.FromHours(-6), result.Time.Value.Offset);
        Assert.Empty(result.Alternatives);
    }

    [Fact]
    public void My_time_uses_the_channel_time_zone()
    {
        var result = _recognizer.Recognize("tuesday 10am my time", MondayMorning, "America/Los_Angeles");

        Assert.Equal(CallbackOutcome.Accepted, result.Outcome);
        Assert.Equal(At(2026, 12, 1, 12, 0), result.Time);
    }

    [Fact]
    public void My_time_in_the_evening_there_is_outside_hours_here()
    {
        var result = _recognizer.Recognize("4pm my time", MondayMorning, "America/Los_Angeles");

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Equal(At(2026, 11, 30, 18, 0), result.Time);
        AssertAlternativesInsideWindow(result, MondayMorning);
        Assert.Contains(At(2026, 11, 30, 16, 30), result.Alternatives);
    }

    [Theory]
    [InlineData("4pm my time")]
    [InlineData("tuesday at 10 my local time")]
    public void My_time_without_a_known_zone_asks_for_the_zone(string text)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.Equal(CallbackOutcome.ZoneUnknown, result.Outcome);
        Assert.Null(result.Time);
    }

    [Fact]
    public void Weekend_wish_is_steered_to_the_nearest_weekdays()
    {
        var result = _recognizer.Recognize("saturday morning", MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Equal(At(2026, 12, 5, 10, 0), result.Time);
        Assert.Equal([At(2026, 12, 3, 10, 0), At(2026, 12, 4, 10, 0), At(2026, 12, 7, 10, 0)], result.Alternatives);
    }

    [Fact]
    public void Sunday_only_is_outside_hours_with_friday_and_monday_offered()
    {
        var result = _recognizer.Recognize("sunday only, i work all week", MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Contains(At(2026, 12, 4, 10, 0), result.Alternatives);
        Assert.Contains(At(2026, 12, 7, 10, 0), result.Alternatives);
        AssertAlternativesInsideWindow(result, MondayMorning);
    }

    [Fact]
    public void Evening_wish_gets_the_last_slots_of_the_day()
    {
        var result = _recognizer.Recognize("can you call me at 7pm? i work until 6", MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Equal(At(2026, 11, 30, 19, 0), result.Time);
        Assert.Equal([At(2026, 11, 30, 16, 30), At(2026, 12, 1, 16, 30), At(2026, 12, 2, 16, 30)], result.Alternatives);
    }

    [Fact]
    public void Early_morning_wish_gets_opening_time_offered()
    {
        var result = _recognizer.Recognize("8am before work?", MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Equal(At(2026, 12, 1, 8, 0), result.Time);
        Assert.Contains(At(2026, 12, 1, 9, 0), result.Alternatives);
        AssertAlternativesInsideWindow(result, MondayMorning);
    }

    [Theory]
    [InlineData("saturday?")]
    [InlineData("sunday at 3")]
    [InlineData("tonight")]
    [InlineData("this evening")]
    [InlineData("friday 6pm")]
    [InlineData("tuesday at 5:30pm")]
    [InlineData("early morning tomorrow")]
    [InlineData("7:00 am wednesday")]
    [InlineData("the weekend")]
    [InlineData("after work")]
    [InlineData("el sabado por la mañana")]
    [InlineData("tuesday at 4:45pm")]
    [InlineData("after 5")]
    public void Closed_times_are_outside_hours_with_up_to_three_open_alternatives(string text)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.NotNull(result.Time);
        Assert.Equal(3, result.Alternatives.Count);
        AssertAlternativesInsideWindow(result, MondayMorning);
    }

    [Fact]
    public void Last_start_is_accepted_and_a_minute_later_is_not()
    {
        Assert.Equal(CallbackOutcome.Accepted, _recognizer.Recognize("tuesday 4:30pm", MondayMorning).Outcome);
        Assert.Equal(CallbackOutcome.OutsideHours, _recognizer.Recognize("tuesday 4:31pm", MondayMorning).Outcome);
        Assert.Equal(CallbackOutcome.Accepted, _recognizer.Recognize("tuesday 9am", MondayMorning).Outcome);
        Assert.Equal(CallbackOutcome.OutsideHours, _recognizer.Recognize("tuesday 8:59am", MondayMorning).Outcome);
    }

    [Theory]
    [InlineData("today at 9am")]
    [InlineData("yesterday")]
    [InlineData("yesterday at 2pm")]
    [InlineData("nov 20 at 10am")]
    public void Past_times_are_in_past_with_future_alternatives(string text)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.Equal(CallbackOutcome.InPast, result.Outcome);
        Assert.True(result.Time < MondayMorning);
        Assert.NotEmpty(result.Alternatives);
        AssertAlternativesInsideWindow(result, MondayMorning);
    }

    [Fact]
    public void This_morning_said_in_the_afternoon_is_in_the_past()
    {
        var now = At(2026, 11, 30, 13, 0);

        var result = _recognizer.Recognize("this morning", now);

        Assert.Equal(CallbackOutcome.InPast, result.Outcome);
        Assert.Equal(At(2026, 11, 30, 14, 0), result.Alternatives[0]);
    }

    [Fact]
    public void Today_at_9_offers_the_earliest_slot_today_first()
    {
        var result = _recognizer.Recognize("today at 9am", MondayMorning);

        Assert.Equal([At(2026, 11, 30, 11, 0), At(2026, 12, 1, 9, 0), At(2026, 12, 2, 9, 0)], result.Alternatives);
    }

    [Fact]
    public void A_time_inside_the_notice_period_is_too_soon()
    {
        var result = _recognizer.Recognize("today at 10:30", MondayMorning);

        Assert.Equal(CallbackOutcome.TooSoon, result.Outcome);
        Assert.Equal(At(2026, 11, 30, 11, 0), result.Alternatives[0]);
    }

    [Fact]
    public void Asap_rounds_up_to_the_next_half_hour_after_the_notice()
    {
        var now = At(2026, 11, 30, 10, 7);

        var result = _recognizer.Recognize("asap", now);

        Assert.Equal(At(2026, 11, 30, 11, 30), result.Time);
    }

    [Fact]
    public void Asap_late_on_friday_moves_to_monday_opening()
    {
        var now = At(2026, 12, 4, 16, 0);

        var result = _recognizer.Recognize("asap", now);

        Assert.Equal(At(2026, 12, 7, 9, 0), result.Time);
    }

    [Fact]
    public void Afternoon_said_late_in_the_afternoon_takes_the_latest_slot_that_still_fits()
    {
        var now = At(2026, 11, 30, 15, 0);

        var result = _recognizer.Recognize("this afternoon", now);

        Assert.Equal(At(2026, 11, 30, 16, 0), result.Time);
    }

    [Fact]
    public void Spring_forward_monday_is_in_daylight_time()
    {
        var now = At(2026, 3, 6, 10, 0); // Friday, standard time (-06:00)

        var result = _recognizer.Recognize("monday 9am", now);

        Assert.Equal(CallbackOutcome.Accepted, result.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-5)), result.Time);
        Assert.Equal(TimeSpan.FromHours(-5), result.Time!.Value.Offset);
    }

    [Fact]
    public void Fall_back_monday_is_in_standard_time()
    {
        var now = At(2026, 10, 30, 10, 0); // Friday, daylight time (-05:00)

        var result = _recognizer.Recognize("monday 9am", now);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(-6)), result.Time);
    }

    [Fact]
    public void Asap_across_the_spring_change_is_monday_opening_in_daylight_time()
    {
        var now = At(2026, 3, 6, 16, 0);

        var result = _recognizer.Recognize("asap", now);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-5)), result.Time);
    }

    [Fact]
    public void Weekend_alternatives_across_the_spring_change_carry_the_right_offsets()
    {
        var now = At(2026, 3, 6, 10, 0);

        var result = _recognizer.Recognize("saturday morning", now);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.FromHours(-6)), result.Time);
        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 6, 11, 0, 0, TimeSpan.FromHours(-6)),
                new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-5)),
                new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-5)),
            ],
            result.Alternatives);
    }

    [Fact]
    public void Pacific_time_converts_with_both_zones_daylight_rules()
    {
        // Thursday 2026-03-12: both zones on daylight time; 1pm PDT is 3pm CDT.
        var result = _recognizer.Recognize("1pm pacific on thursday", At(2026, 3, 9, 10, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.FromHours(-5)), result.Time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("let me check my calendar")]
    [InlineData("hmm let me think")]
    [InlineData("no, weekdays don't work for me at all")]
    [InlineData("Maria Delgado")]
    [InlineData("832-555-0142")]
    public void Text_without_a_usable_time_is_not_understood(string text)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.Equal(CallbackOutcome.NotUnderstood, result.Outcome);
        Assert.Null(result.Time);
    }

    [Fact]
    public void A_custom_window_is_honoured()
    {
        var window = CallbackWindow.ClinicDefault with
        {
            Days = new HashSet<DayOfWeek> { DayOfWeek.Tuesday },
            Opens = new TimeOnly(13, 0),
            LastStart = new TimeOnly(15, 0),
            MinimumNotice = TimeSpan.FromHours(24),
        };
        var recognizer = new CallbackTimeRecognizer(window);

        Assert.Equal(At(2026, 12, 1, 13, 0), recognizer.Recognize("asap", MondayMorning).Time);
        Assert.Equal(CallbackOutcome.OutsideHours, recognizer.Recognize("wednesday at 2", MondayMorning).Outcome);
    }

    [Fact]
    public void Closed_dates_are_steered_like_weekends()
    {
        var window = CallbackWindow.ClinicDefault with { ClosedDates = new HashSet<DateOnly> { new(2026, 12, 1) } };
        var recognizer = new CallbackTimeRecognizer(window);

        var result = recognizer.Recognize("tuesday at 10", MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.DoesNotContain(result.Alternatives, a => a.Day == 1);
        Assert.Equal(At(2026, 12, 2, 10, 0), recognizer.Recognize("tomorrow or wednesday at 10", MondayMorning).Time);
    }

    [Theory]
    [InlineData("new year's day at 11", "New Year's Day", "2027-01-01 11:00")]
    [InlineData("new years day", "New Year's Day", "2027-01-01 10:00")]
    [InlineData("christmas eve at 10am", "Christmas Eve", "2026-12-24 10:00")]
    [InlineData("xmas morning", "Christmas Day", "2026-12-25 10:00")]
    [InlineData("can they call me new years eve around 2", "New Year's Eve", "2026-12-31 14:00")]
    [InlineData("thanksgiving", "Thanksgiving", "2027-11-25 10:00")]
    [InlineData("black friday", "the day after Thanksgiving", "2027-11-26 10:00")]
    [InlineData("mlk day at 3", "Martin Luther King Jr. Day", "2027-01-18 15:00")]
    [InlineData("memorial day", "Memorial Day", "2027-05-31 10:00")]
    [InlineData("12/24 at 10", "Christmas Eve", "2026-12-24 10:00")]
    [InlineData("dec 25 at 2pm", "Christmas Day", "2026-12-25 14:00")]
    public void A_holiday_is_recognised_and_not_booked(string text, string holiday, string asked)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.Equal(CallbackOutcome.Holiday, result.Outcome);
        Assert.Equal(holiday, result.Holiday);
        Assert.Equal(asked, TimeZoneInfo.ConvertTime(result.Time!.Value, Chicago).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_holiday_is_offered_the_nearest_open_weekdays_at_the_asked_time_leaving_other_holidays_out()
    {
        var result = _recognizer.Recognize("new year's day at 11", MondayMorning);

        // Fri Jan 1 is asked; Thu Dec 31 (New Year's Eve) is a holiday too; the weekend is closed.
        Assert.Equal([At(2026, 12, 29, 11), At(2026, 12, 30, 11), At(2027, 1, 4, 11)], result.Alternatives);
    }

    [Theory]
    [InlineData("december 23 at 10", "2026-12-23 10:00")]
    [InlineData("friday", "2026-12-04 10:00")]
    [InlineData("the 22nd in the morning", "2026-12-22 10:00")]
    [InlineData("after new years, jan 5 at 10", "2027-01-05 10:00")]
    [InlineData("christmas eve or the 23rd at 10", "2026-12-23 10:00")]
    public void A_date_that_is_no_holiday_is_booked_as_before(string text, string expected)
    {
        var result = _recognizer.Recognize(text, MondayMorning);

        Assert.Equal(CallbackOutcome.Accepted, result.Outcome);
        Assert.Null(result.Holiday);
        Assert.Equal(expected, TimeZoneInfo.ConvertTime(result.Time!.Value, Chicago).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_holiday_rule_gives_its_date()
    {
        var dates = ClinicBot.Booking.Fields.Time.Holidays.All.ToDictionary(h => h.Name, h => h.DateIn(2026));

        Assert.Equal(new DateOnly(2026, 11, 26), dates["Thanksgiving"]);
        Assert.Equal(new DateOnly(2026, 11, 27), dates["the day after Thanksgiving"]);
        Assert.Equal(new DateOnly(2026, 5, 25), dates["Memorial Day"]);
        Assert.Equal(new DateOnly(2026, 9, 7), dates["Labor Day"]);
        Assert.Equal(new DateOnly(2026, 1, 19), dates["Martin Luther King Jr. Day"]);
        Assert.Equal(new DateOnly(2026, 12, 24), dates["Christmas Eve"]);
    }

    [Fact]
    public void A_closed_date_named_by_the_person_is_refused_and_not_offered()
    {
        var window = CallbackWindow.ClinicDefault with { ClosedDates = new HashSet<DateOnly> { new(2026, 12, 9) } };
        var recognizer = new CallbackTimeRecognizer(window);

        var result = recognizer.Recognize("dec 9 at 10", MondayMorning);

        Assert.Equal(CallbackOutcome.OutsideHours, result.Outcome);
        Assert.Equal(At(2026, 12, 9, 10), result.Time);
        Assert.DoesNotContain(result.Alternatives, a => a.Day == 9);
        Assert.NotEmpty(result.Alternatives);
    }

    [Fact]
    public void Recognizers_give_the_same_answers_when_used_from_many_threads()
    {
        string[] phrases = ["tomorrow morning", "saturday", "asap", "1pm pacific on thursday", "today at 9am", "el martes en la mañana"];
        var expected = phrases.Select(p => _recognizer.Recognize(p, MondayMorning)).ToArray();

        Parallel.For(0, 2000, i =>
        {
            var n = i % phrases.Length;
            var actual = _recognizer.Recognize(phrases[n], MondayMorning);
            Assert.Equal(expected[n].Outcome, actual.Outcome);
            Assert.Equal(expected[n].Time, actual.Time);
            Assert.Equal(expected[n].Alternatives, actual.Alternatives);
        });
    }

    [Theory]
    [InlineData("tomorrow morning")]
    [InlineData("any weekday after 2pm")]
    [InlineData("asap")]
    [InlineData("this afternoon")]
    [InlineData("saturday")]
    [InlineData("4:45")]
    [InlineData("whenever")]
    public void Accepted_slots_are_always_inside_the_window_at_any_hour(string text)
    {
        for (var hour = 0; hour < 24; hour += 3)
        {
            foreach (var day in new[] { 27, 28, 29, 30 })
            {
                var now = At(2026, 11, day, hour, 20);
                var result = _recognizer.Recognize(text, now);
                if (result.Outcome == CallbackOutcome.Accepted)
                {
                    Assert.True(CallbackWindow.ClinicDefault.IsOpenAt(result.Time!.Value), $"{text} at {now}: {result.Time}");
                    Assert.True(result.Time >= now.AddHours(1), $"{text} at {now}: {result.Time}");
                }
                else
                {
                    AssertAlternativesInsideWindow(result, now);
                }
            }
        }
    }

    internal static void AssertAlternativesInsideWindow(CallbackTimeResult result, DateTimeOffset now)
    {
        Assert.InRange(result.Alternatives.Count, 1, 3);
        Assert.Equal(result.Alternatives.Order(), result.Alternatives);
        Assert.Equal(result.Alternatives.Count, result.Alternatives.Distinct().Count());
        foreach (var alternative in result.Alternatives)
        {
            Assert.True(CallbackWindow.ClinicDefault.IsOpenAt(alternative), $"alternative {alternative} outside the window");
            Assert.True(alternative >= now.AddHours(1), $"alternative {alternative} too soon");
            Assert.Equal(Chicago.GetUtcOffset(alternative), alternative.Offset);
        }
    }
}
