using ClinicBot.Booking.Fields;

namespace ClinicBot.Tests.Booking.Fields;

public class BookingCommandRecognizerTests
{
    private readonly BookingCommandRecognizer _recognizer = new();

    [Theory]
    [InlineData("cancel")]
    [InlineData("Cancel.")]
    [InlineData("stop")]
    [InlineData("please stop")]
    [InlineData("nvm")]
    [InlineData("never mind")]
    [InlineData("nevermind")]
    [InlineData("forget it")]
    [InlineData("cancle")]
    [InlineData("cancell pls")]
    [InlineData("cnacel")]
    [InlineData("cancelar")]
    [InlineData("quiero cancelar")]
    [InlineData("quit")]
    [InlineData("exit")]
    [InlineData("actually cancel, sorry")]
    [InlineData("hmm actually never mind, i need to talk to my husband first. cancel")]
    [InlineData("i changed my mind")]
    [InlineData("I don't want to book anymore")]
    [InlineData("no, cancel it")]
    [InlineData("CANCEL THE BOOKING")]
    [InlineData("olvídalo")]
    [InlineData("maybe later")]
    [InlineData("not now")]
    [InlineData("bye")]
    [InlineData("no quiero continuar")]
    [InlineData("i don't want to do this anymore")]
    public void Recognises_cancel(string text)
    {
        Assert.Equal(BookingCommand.Cancel, _recognizer.Recognize(text));
    }

    [Theory]
    [InlineData("I don't want to cancel")]
    [InlineData("don't stop")]
    [InlineData("do not cancel please")]
    [InlineData("no need to cancel")]
    [InlineData("can i cancel later if something comes up?")]
    [InlineData("I quit my job last year")]
    [InlineData("Maria Delgado")]
    [InlineData("Candel Ruiz")]
    [InlineData("Candel")]
    [InlineData("Marcel")]
    [InlineData("Stopford Jones")]
    [InlineData("832-555-0142")]
    [InlineData("forget the email")]
    [InlineData("tuesday morning")]
    [InlineData("skip")]
    [InlineData("no")]
    [InlineData("i can't stop crying")]
    [InlineData("yes")]
    [InlineData("Helpman")]
    [InlineData("help@example.com")]
    [InlineData("can you help me book")]
    [InlineData("later today at 3")]
    public void Does_not_misfire(string text)
    {
        Assert.Equal(BookingCommand.None, _recognizer.Recognize(text));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP!")]
    [InlineData("help me please")]
    [InlineData("ayuda")]
    [InlineData("what do I do")]
    [InlineData("what do i do?")]
    [InlineData("I'm confused")]
    [InlineData("hlep")]
    [InlineData("necesito ayuda")]
    [InlineData("help please what do i type")]
    [InlineData("what do you need from me")]
    public void Recognises_help(string text)
    {
        Assert.Equal(BookingCommand.Help, _recognizer.Recognize(text));
    }

    [Theory]
    [InlineData("start over")]
    [InlineData("restart")]
    [InlineData("can we start again")]
    [InlineData("let's start over please")]
    [InlineData("empezar de nuevo")]
    [InlineData("restrat")]
    [InlineData("cancel and start over")]
    [InlineData("can i start over")]
    public void Recognises_start_over(string text)
    {
        Assert.Equal(BookingCommand.StartOver, _recognizer.Recognize(text));
    }

    [Fact]
    public void Long_or_empty_input_is_no_command()
    {
        Assert.Equal(BookingCommand.None, _recognizer.Recognize(""));
        Assert.Equal(BookingCommand.None, _recognizer.Recognize(new string('x', 5000)));
    }
}
