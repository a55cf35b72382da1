using ClinicBot.Booking.Fields;

namespace ClinicBot.Tests.Booking.Fields;

public class EmailRecognizerTests
{
    private readonly EmailRecognizer _recognizer = new();

    [Theory]
    [InlineData("maria.delgado@example.com", "maria.delgado@example.com")]
    [InlineData("tom.becker@example.org", "tom.becker@example.org")]
    [InlineData("oops, brian.lee@example.com", "brian.lee@example.com")]
    [InlineData("it's Emily.C@Example.COM", "Emily.C@example.com")]
    [InlineData("my email is jmoore+clinic@example.co.uk.", "jmoore+clinic@example.co.uk")]
    [InlineData("ana_flores-2@sub.example.net", "ana_flores-2@sub.example.net")]
    [InlineData("<patricia.n@example.com>", "patricia.n@example.com")]
    [InlineData("Brian Lee brian.lee@example.com", "brian.lee@example.com")]
    [InlineData("use brian.lee@example.com instead", "brian.lee@example.com")]
    [InlineData("mailto:ana@example.com", "ana@example.com")]
    [InlineData("ana@example.com, backup bob@example.com", "ana@example.com")]
    [InlineData("ana at example dot com", "ana@example.com")]
    [InlineData("my email is ana.ruiz at gmail dot com", "ana.ruiz@gmail.com")]
    public void Accepts_valid_addresses(string text, string expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.False(result.Value!.Skipped);
        Assert.Equal(expected, result.Value.Address);
    }

    [Theory]
    [InlineData("brian.lee@example,com", FieldProblem.EmailMissingDomain)]
    [InlineData("brian.lee@example", FieldProblem.EmailMissingDomain)]
    [InlineData("brian@@example.com", FieldProblem.InvalidEmail)]
    [InlineData("brian@lee@example.com", FieldProblem.InvalidEmail)]
    [InlineData("@example.com", FieldProblem.InvalidEmail)]
    [InlineData("brian..lee@example.com", FieldProblem.InvalidEmail)]
    [InlineData("brian lee@example.com", FieldProblem.InvalidEmail)]
    [InlineData("brian.lee@exa mple.com", FieldProblem.EmailMissingDomain)]
    [InlineData("maria@example.c", FieldProblem.InvalidEmail)]
    [InlineData("maria@-example.com", FieldProblem.InvalidEmail)]
    [InlineData("maria.example.com", FieldProblem.InvalidEmail)]
    [InlineData("it's mariagmail.com", FieldProblem.InvalidEmail)]
    public void Rejects_invalid_addresses_with_a_reason(string text, FieldProblem expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Problem);
    }

    [Fact]
    public void Rejects_addresses_longer_than_254_characters()
    {
        var address = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";

        var result = _recognizer.Recognize(address);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.TooLong, result.Problem);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("Skip it")]
    [InlineData("no email")]
    [InlineData("forget the email")]
    [InlineData("no tengo")]
    [InlineData("No tengo correo")]
    [InlineData("none")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("I don't have one")]
    [InlineData("i dont have an email")]
    [InlineData("i no have email")]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("no thanks")]
    [InlineData("pass")]
    [InlineData("I'd rather not")]
    [InlineData("don't use email much, skip that")]
    [InlineData("sin correo por favor")]
    [InlineData("I don't do email")]
    [InlineData("nah skip")]
    [InlineData("rather not share it")]
    [InlineData("you can skip that")]
    [InlineData("nope, just call me")]
    [InlineData("i only use phone")]
    [InlineData("it's optional right? skip")]
    public void Understands_skipping_the_email(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, text);
        Assert.True(result.Value!.Skipped);
        Assert.Null(result.Value.Address);
    }

    [Theory]
    [InlineData("what is this for?")]
    [InlineData("Maria Delgado")]
    [InlineData("832-555-0142")]
    [InlineData("no wait, what do you need it for?")]
    [InlineData("where is the clinic btw?")]
    public void Other_text_is_not_understood_rather_than_skipped(string text)
    {
        var result = _recognizer.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Equal(FieldProblem.NotUnderstood, result.Problem);
    }

    [Theory]
    [InlineData("rosa@gmial.com", "rosa@gmail.com")]
    [InlineData("rosa@gmail.con", "rosa@gmail.com")]
    [InlineData("rosa@yaho.com", "rosa@yahoo.com")]
    [InlineData("rosa@hotmial.com", "rosa@hotmail.com")]
    public void Accepts_but_flags_likely_domain_typos(string text, string suggestion)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded);
        Assert.Equal(text, result.Value!.Address);
        Assert.Equal(suggestion, result.Value.SuggestedAddress);
    }

    [Theory]
    [InlineData("rosa@gmail.com")]
    [InlineData("rosa@example.com")]
    [InlineData("rosa@mail.com")]
    public void Does_not_flag_real_domains(string text)
    {
        Assert.Null(_recognizer.Recognize(text).Value!.SuggestedAddress);
    }

    [Theory]
    [InlineData("sam underscore lee at example dot net", "sam_lee@example.net")]
    [InlineData("its maria dot lopez at gmail dot com", "maria.lopez@gmail.com")]
    [InlineData("jt dash miller at outlook dot com", "jt-miller@outlook.com")]
    [InlineData("my email is ben plus clinic at fastmail dot com", "ben+clinic@fastmail.com")]
    [InlineData("rosa punto diaz arroba yahoo punto com", "rosa.diaz@yahoo.com")]
    [InlineData("lisa at lisa dot co dot uk.", "lisa@lisa.co.uk")]
    [InlineData("sam.lee at gmail.com", "sam.lee@gmail.com")]
    [InlineData("Sam Underscore Lee AT Example DOT net", "sam_lee@example.net")]
    public void Reads_an_address_said_in_words_and_marks_it_for_reading_back(string text, string expected)
    {
        var result = _recognizer.Recognize(text);

        Assert.True(result.Succeeded, $"{text}: {result.Problem}");
        Assert.Equal(expected, result.Value!.Address);
        Assert.True(result.Value.Spoken);
    }

    [Theory]
    [InlineData("i'm at work right now")]
    [InlineData("call me at 10")]
    [InlineData("sam at example")]
    [InlineData("at example dot com")]
    public void Words_with_at_that_are_not_an_address_are_not_read_as_one(string text)
    {
        Assert.False(_recognizer.Recognize(text).Succeeded);
    }

    [Fact]
    public void A_typed_address_is_not_marked_as_spoken()
    {
        Assert.False(_recognizer.Recognize("sam_lee@example.net").Value!.Spoken);
    }

    [Theory]
    [InlineData("rosa@gmial.com", "rosa@gmail.com")]
    [InlineData("rosa@example.com", "rosa@example.com")]
    public void The_kept_address_is_the_correction_of_a_likely_typo(string text, string kept)
    {
        Assert.Equal(kept, _recognizer.Recognize(text).Value!.KeptAddress);
    }
}
