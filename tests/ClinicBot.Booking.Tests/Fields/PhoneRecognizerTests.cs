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
    public void Accepts_common_us_formats_as_e164(string text, string expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Equal(expected, result.Value!.Value);
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
        Assert.Equal("+442079460958", result.Value!.Value);
        Assert.Null(result.Value.InternationalPrefix);
    }

    [Theory]
    [InlineData("832-555-0142 ext 12", "+18325550142", "12")]
    [InlineData("832-555-0142 ext. 12", "+18325550142", "12")]
    [InlineData("713 555 0120 x4", "+17135550120", "4")]
    [InlineData("713-555-0120x4", "+17135550120", "4")]
    [InlineData("(713) 555-0120 extension 4", "+17135550120", "4")]
    [InlineData("713.555.0120 #4", "+17135550120", "4")]
    [InlineData("work line 713 555 0120, ext 2301 ask for rosa", "+17135550120", "2301")]
    [InlineData("seven one three five five five zero one two zero extension four", "+17135550120", "4")]
    public void An_extension_is_kept_beside_the_number(string text, string e164, string extension)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Equal(e164, result.Value!.E164);
        Assert.Equal(extension, result.Value.Extension);
        Assert.Equal($"{e164};ext={extension}", result.Value.Value);
    }

    [Theory]
    [InlineData("call me at 713-555-0120 before 5")]
    [InlineData("713-555-0120, im box 4 at the office")]
    public void Words_near_a_number_are_not_an_extension(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Null(result.Value!.Extension);
        Assert.Equal("+17135550120", result.Value.Value);
    }

    [Theory]
    [InlineData("001 713 555 0120", "+17135550120", "00")]
    [InlineData("00 1 713 555 0120", "+17135550120", "00")]
    [InlineData("011 44 20 7946 0958", "+442079460958", "011")]
    [InlineData("0044 20 7946 0958", "+442079460958", "00")]
    [InlineData("00 52 55 1234 5678", "+525512345678", "00")]
    public void An_international_dialling_prefix_is_read(string text, string e164, string prefix)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Equal(e164, result.Value!.E164);
        Assert.Equal(prefix, result.Value.InternationalPrefix);
    }

    [Theory]
    [InlineData("+17135550120", "+17135550120", null)]
    [InlineData("+17135550120;ext=4", "+17135550120", "4")]
    public void The_stored_form_reads_back(string stored, string e164, string? extension)
    {
        var phone = CallbackPhone.TryParse(stored);

        Assert.NotNull(phone);
        Assert.Equal(e164, phone.E164);
        Assert.Equal(extension, phone.Extension);
        Assert.Equal(stored, phone.Value);
    }

    [Theory]
    [InlineData("+17135550120", "+1 713-555-0120", "(713) 555-0120", "tel:+17135550120")]
    [InlineData("+17135550120;ext=4", "+1 713-555-0120 ext. 4", "(713) 555-0120 ext. 4", "tel:+17135550120;ext=4")]
    [InlineData("+442079460958", "+442079460958", "+442079460958", "tel:+442079460958")]
    public void The_stored_phone_is_shown_and_linked_with_its_extension(string stored, string display, string national, string tel)
    {
        Assert.Equal(display, ClinicBot.Booking.PhoneFormat.Display(stored));
        Assert.Equal(national, ClinicBot.Booking.PhoneFormat.National(stored));
        Assert.Equal(tel, ClinicBot.Booking.PhoneFormat.TelUri(stored));
    }

    [Fact]
    public void Text_that_is_not_a_stored_phone_is_shown_as_it_is_and_not_linked()
    {
        Assert.Equal("javascript:alert(1)", ClinicBot.Booking.PhoneFormat.Display("javascript:alert(1)"));
        Assert.Null(ClinicBot.Booking.PhoneFormat.TelUri("javascript:alert(1)"));
        Assert.Null(CallbackPhone.TryParse("+17135550120;ext=4;x=1"));
    }

    [Fact]
    public void A_very_long_paste_does_not_crash()
    {
        var result = _recognizer.Recognize(new string('8', 5000));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Spelled_out_digits_outside_the_number_stay_words()
    {
        var result = _recognizer.Recognize("one more try: eight three two five five five zero one four two");

        Assert.True(result.Succeeded, result.Problem.ToString());
        Assert.Equal("+18325550142", result.Value!.Value);
        Assert.Null(result.Value.Extension);
    }
}
