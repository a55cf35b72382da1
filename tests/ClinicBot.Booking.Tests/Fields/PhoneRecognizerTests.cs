using ClinicBot.Booking.Fields;

namespace ClinicBot.Tests.Booking.Fields;

public class PhoneRecognizerTests
{
    private readonly PhoneRecognizer _recognizer = new();

    [Theory]
    [InlineData("832-555-0142", "+18325550142")]
    [InlineData("(832) 555 0199", "+18325550199")]
    [InlineData("832.555.0117", "+18325550117")]
    [InlineData("+1 281 555 0123", "+12815550123")]
    [InlineData("1-832-555-0150", "+18325550150")]
    [InlineData("8325550161", "+18325550161")]
    [InlineData("+1 (713) 555-0102", "+17135550102")]
    [InlineData("+18325550142", "+18325550142")]
    [InlineData("my number is 281 555 0156", "+12815550156")]
    [InlineData("sorry, 832-555-0193", "+18325550193")]
    [InlineData("oops that's a zero, 832-555-0105", "+18325550105")]
    [InlineData("actually use my cell instead, 713-555-0177", "+17135550177")]
    [InlineData("call me at (832)555-0100 please", "+18325550100")]
    [InlineData("713 555 0129.", "+17135550129")]
    [InlineData("  281-555-0181  ", "+12815550181")]
    [InlineData("832 899 4065", "+18328994065")]
    [InlineData("eight three two five five five zero one four two", "+18325550142")]
    [InlineData("my cell is 281 555 0199 and work is 713 555 0100", "+12815550199")]
    [InlineData("832-555-0142 ext 12", "+18325550142")]
    public void Accepts_common_us_formats_as_e164(string text, string expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Equal(expected, result.Value);
        Assert.Equal(FieldProblem.None, result.Problem);
    }

    [Theory]
    [InlineData("832-555-019")]
    [InlineData("555-0148")]
    [InlineData("555-0148 i already told you")]
    [InlineData("281-555-01455")]
    [InlineData("83255501")]
    [InlineData("832-555-01423")]
    [InlineData("2-832-555-0150")]
    public void Rejects_wrong_digit_counts(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.WrongDigitCount, result.Problem);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("123-555-0100")]
    [InlineData("023-555-0100")]
    [InlineData("911-555-0100")]
    [InlineData("555-555-0100")]
    [InlineData("(999) 555 0100")]
    public void Rejects_invalid_area_codes(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.InvalidAreaCode, result.Problem);
    }

    [Theory]
    [InlineData("832-555-01O5")]
    [InlineData("832-555-O105")]
    [InlineData("832-55S-0105")]
    [InlineData("(832) 555 0l05")]
    public void Rejects_letters_inside_the_number(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.ContainsLetters, result.Problem);
    }

    [Theory]
    [InlineData("i don't have a phone")]
    [InlineData("call me")]
    [InlineData("tuesday at 10am")]
    [InlineData("maria.delgado@example.com")]
    [InlineData("Maria Delgado")]
    public void Says_when_there_is_no_number(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.NotAPhoneNumber, result.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_is_empty(string text)
    {
        Assert.Equal(FieldProblem.Empty, _recognizer.Recognize(text).Problem);
    }

    [Fact]
    public void An_international_number_with_plus_is_kept_in_e164()
    {
        var result = _recognizer.Recognize("+44 20 7946 0958");

        Assert.True(result.Succeeded);
        Assert.Equal("+442079460958", result.Value);
    }

    [Fact]
    public void A_very_long_paste_does_not_crash()
    {
        var result = _recognizer.Recognize(new string('8', 5000));

        Assert.False(result.Succeeded);
    }
}
