using ClinicBot.Booking.Fields;

namespace ClinicBot.Tests.Booking.Fields;

public class NameRecognizerTests
{
    private readonly NameRecognizer _recognizer = new();

    [Theory]
    [InlineData("Maria Delgado", "Maria Delgado")]
    [InlineData("  James   Whitfield ", "James Whitfield")]
    [InlineData("my name is Jessica Moore", "Jessica Moore")]
    [InlineData("My name's Tom Becker.", "Tom Becker")]
    [InlineData("I'm Ana Ruiz", "Ana Ruiz")]
    [InlineData("im kevin tran", "kevin tran")]
    [InlineData("it's Rachel Kim", "Rachel Kim")]
    [InlineData("me llamo Rosa Martínez", "Rosa Martínez")]
    [InlineData("soy José García-López", "José García-López")]
    [InlineData("Hi, this is Linda Park!", "Linda Park")]
    [InlineData("actually use my full name, Christopher Young", "Christopher Young")]
    [InlineData("Seán O'Brien", "Seán O'Brien")]
    [InlineData("D\u2019Angelo Russell", "D\u2019Angelo Russell")]
    [InlineData("Mary J. Blige", "Mary J. Blige")]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("Zoë Saldaña", "Zoë Saldaña")]
    [InlineData("Ana Lucia Flores", "Ana Lucia Flores")]
    [InlineData("Will Smith", "Will Smith")]
    [InlineData("Björk Guðmundsdóttir", "Björk Guðmundsdóttir")]
    [InlineData("ana ruiz here", "ana ruiz")]
    [InlineData("this is Ana Ruiz calling", "Ana Ruiz")]
    [InlineData("hi! I'm Ana Ruiz :)", "Ana Ruiz")]
    [InlineData("Ana Ruiz, thanks", "Ana Ruiz")]
    [InlineData("A. Ruiz", "A. Ruiz")]
    [InlineData("Juan Carlos de los Santos Jr.", "Juan Carlos de los Santos Jr.")]
    [InlineData("Ana Ruiz.", "Ana Ruiz")]
    [InlineData("name: Ana Ruiz", "Ana Ruiz")]
    [InlineData("mi nombre es Rosa Martinez", "Rosa Martinez")]
    [InlineData("Анна Иванова", "Анна Иванова")]
    public void Accepts_full_names_and_strips_lead_ins(string text, string expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("", FieldProblem.Empty)]
    [InlineData("   ", FieldProblem.Empty)]
    [InlineData("my name is", FieldProblem.Empty)]
    [InlineData("<script>alert(1)</script>", FieldProblem.InvalidCharacters)]
    [InlineData("Robert'); DROP TABLE bookings;--", FieldProblem.InvalidCharacters)]
    [InlineData("Ana\u0000Ruiz", FieldProblem.InvalidCharacters)]
    [InlineData("Ana\u0007 Ruiz", FieldProblem.InvalidCharacters)]
    [InlineData("Ana Ruiz 😀", FieldProblem.ContainsEmoji)]
    [InlineData("❤️ Maria", FieldProblem.ContainsEmoji)]
    [InlineData("Ana 👍🏽 Ruiz", FieldProblem.ContainsEmoji)]
    [InlineData("maria.delgado@example.com", FieldProblem.LooksLikeEmail)]
    [InlineData("832-555-0142", FieldProblem.LooksLikePhone)]
    [InlineData("8325550142", FieldProblem.LooksLikePhone)]
    [InlineData("12345", FieldProblem.NotAName)]
    [InlineData("Ana Ruiz 2", FieldProblem.InvalidCharacters)]
    [InlineData("wait what are your hours again?", FieldProblem.NotAName)]
    [InlineData("i want to book a call", FieldProblem.NotAName)]
    [InlineData("where is the clinic", FieldProblem.NotAName)]
    [InlineData("- -", FieldProblem.NotAName)]
    [InlineData("Ana & Luis", FieldProblem.InvalidCharacters)]
    [InlineData("ana.ruiz", FieldProblem.NotAName)]
    [InlineData("Ana_Ruiz", FieldProblem.InvalidCharacters)]
    [InlineData("why do you need my name", FieldProblem.NotAName)]
    [InlineData("yes", FieldProblem.NotAName)]
    public void Rejects_what_is_not_a_name_with_a_reason(string text, FieldProblem expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Problem);
    }

    [Fact]
    public void Rejects_a_5000_character_paste_as_too_long()
    {
        var result = _recognizer.Recognize(new string('a', 5000));

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.TooLong, result.Problem);
    }

    [Fact]
    public void Rejects_names_over_100_characters()
    {
        var result = _recognizer.Recognize("Ana " + new string('b', 120));

        Assert.Equal(FieldProblem.TooLong, result.Problem);
    }

    [Fact]
    public void Accepts_a_name_of_exactly_100_characters()
    {
        var name = "Ana " + new string('b', 96);

        var result = _recognizer.Recognize(name);

        Assert.True(result.Succeeded);
        Assert.Equal(100, result.Value!.Length);
    }

    [Theory]
    [InlineData("Chris", "Chris")]
    [InlineData("my name is Madonna", "Madonna")]
    public void A_single_name_fails_but_keeps_the_cleaned_value(string text, string expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.SingleName, result.Problem);
        Assert.Equal(expected, result.Value);
    }
}
