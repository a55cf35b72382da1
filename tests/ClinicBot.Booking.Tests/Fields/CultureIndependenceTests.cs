using System.Globalization;
using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Understanding;
using static ClinicBot.Tests.Booking.Fields.ClinicTime;

namespace ClinicBot.Tests.Booking.Fields;

/// <summary>
/// The Bot Framework sets the current culture from each activity's locale, so reading a message must not depend on
/// it: numbers are parsed the invariant way whatever the culture's signs are. Digits of other scripts ("٣") are not
/// read as clock digits, and never make the reading fail.
/// </summary>
public sealed class CultureIndependenceTests
{
    private readonly CallbackTimeRecognizer _times = new(CallbackWindow.ClinicDefault);

    public static TheoryData<string> Cultures() => new() { "ar-SA", "fa-IR", "fr-FR", "de-DE", SignsAsWords };

    // A culture whose plus and minus signs are words: any parse that consults the current culture reads "+3" differently.
    private const string SignsAsWords = "custom signs";

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Callback_times_read_the_same_under_any_current_culture(string culture)
    {
        string[] messages = ["dec +3 at 10am", "in +2 hours", "december 3", "12/4 at 9", "2026-12-04 at 3pm", "the 3rd at 11", "tomorrow @ 2:15 PM", "+3"];
        var expected = messages.Select(m => _times.Recognize(m, MondayMorning)).ToList();

        var read = WithCurrentCulture(culture, () => messages.Select(m => _times.Recognize(m, MondayMorning)).ToList());

        for (var i = 0; i < messages.Length; i++)
        {
            Assert.True(expected[i].Outcome == read[i].Outcome && expected[i].Time == read[i].Time, $"'{messages[i]}' under {culture}: {read[i]} instead of {expected[i]}");
        }
        Assert.Equal(At(2026, 12, 3, 10), expected[0].Time);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_change_request_reads_the_same_under_any_current_culture(string culture)
    {
        var reader = new BookingMessageReader();
        string[] messages = ["the email's wrong", "actually make it dec +3 at 10am", "phone's wrong: 713-555-0177", "name's misspelled"];
        var expected = messages.Select(m => Describe(reader.Read(BookingStep.Confirm, m, null, MondayMorning, null, []))).ToList();

        var read = WithCurrentCulture(culture, () => messages.Select(m => Describe(reader.Read(BookingStep.Confirm, m, null, MondayMorning, null, []))).ToList());

        Assert.Equal(expected, read);
        Assert.Equal(BookingField.Email, reader.Read(BookingStep.Confirm, "the email's wrong", null, MondayMorning, null, []).FieldToChange);
    }

    [Theory]
    [InlineData("٣pm")]
    [InlineData("monday at ٤")]
    [InlineData("dec ٣")]
    [InlineData("١٢/٤ at ٩")]
    [InlineData("in ٢ hours")]
    [InlineData("٢٠٢٦-١٢-٠٤")]
    public void Digits_of_other_scripts_are_not_clock_digits_and_never_break_the_reading(string message)
    {
        var reader = new BookingMessageReader();

        var result = _times.Recognize(message, MondayMorning);
        var atStep = reader.Read(BookingStep.CallbackTime, message, null, MondayMorning, null, []);
        var all = reader.ReadAll("I'm Ana Ruiz, 832-555-0100, " + message, MondayMorning, null);

        Assert.Equal(result.Outcome, atStep.CallbackOutcome);
        Assert.Equal("+18325550100", all.PhoneE164);
        Assert.Equal("Ana Ruiz", all.Name);
    }

    [Fact]
    public void A_clock_time_in_other_digits_is_not_read_as_one()
    {
        Assert.Equal(CallbackOutcome.NotUnderstood, _times.Recognize("٣pm", MondayMorning).Outcome);
        Assert.Equal(CallbackOutcome.Accepted, _times.Recognize("3pm", MondayMorning).Outcome);
    }

    private static string Describe(BookingAnswer answer) =>
        $"{answer.Confirmation} {answer.FieldToChange} {answer.Callback:O} {answer.PhoneE164} {answer.Email}";

    private static T WithCurrentCulture<T>(string name, Func<T> read)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = name == SignsAsWords ? SignsAsWordsCulture() : CultureInfo.GetCultureInfo(name);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static CultureInfo SignsAsWordsCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("en-US").Clone();
        culture.NumberFormat.PositiveSign = "plus";
        culture.NumberFormat.NegativeSign = "minus";
        return culture;
    }
}
