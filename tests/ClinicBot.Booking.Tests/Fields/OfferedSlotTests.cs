using ClinicBot.Booking.Fields;
using static ClinicBot.Tests.Booking.Fields.ClinicTime;

namespace ClinicBot.Tests.Booking.Fields;

public class OfferedSlotTests
{
    private readonly CallbackTimeRecognizer _recognizer = new(CallbackWindow.ClinicDefault);

    // What "saturday morning" offers on Monday 2026-11-30: Thursday, Friday and Monday at 10:00.
    private static readonly DateTimeOffset[] Offered = [At(2026, 12, 3, 10, 0), At(2026, 12, 4, 10, 0), At(2026, 12, 7, 10, 0)];

    [Fact]
    public void The_offered_slots_are_what_a_weekend_wish_returns()
    {
        Assert.Equal(Offered, _recognizer.Recognize("saturday morning", MondayMorning).Alternatives);
    }

    [Theory]
    [InlineData("the first one", 0)]
    [InlineData("first", 0)]
    [InlineData("option 2", 1)]
    [InlineData("2", 1)]
    [InlineData("the last one", 2)]
    [InlineData("friday", 1)]
    [InlineData("ok friday then", 1)]
    [InlineData("monday at 10 is fine", 2)]
    [InlineData("the thursday one", 0)]
    [InlineData("el viernes", 1)]
    [InlineData("2026-12-07T10:00:00-06:00", 2)]
    public void Picks_an_offered_slot(string text, int expected)
    {
        Assert.Equal(Offered[expected], _recognizer.ChooseOffered(text, Offered, MondayMorning));
    }

    [Theory]
    [InlineData("the 10am one")]
    [InlineData("tuesday")]
    [InlineData("option 4")]
    [InlineData("none of those")]
    [InlineData("2026-12-08T10:00:00-06:00")]
    public void Picks_nothing_when_the_reply_matches_no_single_slot(string text)
    {
        Assert.Null(_recognizer.ChooseOffered(text, Offered, MondayMorning));
    }

    [Fact]
    public void An_iso_timestamp_is_taken_as_that_moment()
    {
        var accepted = _recognizer.Recognize("2026-12-04T10:00:00-06:00", MondayMorning);
        var weekend = _recognizer.Recognize("2026-12-05T10:00:00-06:00", MondayMorning);
        var utc = _recognizer.Recognize("2026-12-04T16:00:00Z", MondayMorning);

        Assert.Equal(CallbackOutcome.Accepted, accepted.Outcome);
        Assert.Equal(At(2026, 12, 4, 10, 0), accepted.Time);
        Assert.Equal(CallbackOutcome.OutsideHours, weekend.Outcome);
        Assert.Equal(At(2026, 12, 4, 10, 0), utc.Time);
        Assert.Equal(TimeSpan.FromHours(-6), utc.Time!.Value.Offset);
    }
}
