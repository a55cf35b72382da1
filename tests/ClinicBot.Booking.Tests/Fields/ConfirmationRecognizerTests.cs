using ClinicBot.Booking.Fields;

namespace ClinicBot.Tests.Booking.Fields;

public class ConfirmationRecognizerTests
{
    private readonly ConfirmationRecognizer _recognizer = new();

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("si")]
    [InlineData("sí")]
    [InlineData("correct")]
    [InlineData("yes that's right")]
    [InlineData("yep")]
    [InlineData("confirm")]
    [InlineData("looks good")]
    [InlineData("yes please")]
    [InlineData("sounds good, thanks")]
    [InlineData("perfect")]
    [InlineData("ok")]
    [InlineData("sí, está bien")]
    [InlineData("all correct")]
    [InlineData("👍")]
    [InlineData("yeah go ahead and book it")]
    public void Recognises_confirmation(string text)
    {
        Assert.Equal(ConfirmationKind.Confirm, _recognizer.Recognize(text).Kind);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("cancel")]
    [InlineData("that's wrong")]
    [InlineData("not correct")]
    [InlineData("no, i need to think about it")]
    [InlineData("no thanks")]
    public void Recognises_rejection(string text)
    {
        Assert.Equal(ConfirmationKind.Reject, _recognizer.Recognize(text).Kind);
    }

    [Theory]
    [InlineData("change the phone", BookingField.Phone, null)]
    [InlineData("wrong email", BookingField.Email, null)]
    [InlineData("the name is misspelled", BookingField.Name, null)]
    [InlineData("actually make it friday 2pm", BookingField.CallbackTime, "friday 2pm")]
    [InlineData("wait, make it tuesday at 10 instead", BookingField.CallbackTime, "tuesday at 10")]
    [InlineData("can you change the time to monday morning", BookingField.CallbackTime, "monday morning")]
    [InlineData("change my number to 713-555-0177", BookingField.Phone, "713-555-0177")]
    [InlineData("no, the email should be ana.flores@example.com", BookingField.Email, "ana.flores@example.com")]
    [InlineData("use 281-555-0199 instead", BookingField.Phone, "281-555-0199")]
    [InlineData("change my name to José García", BookingField.Name, "José García")]
    [InlineData("yes but change the phone", BookingField.Phone, null)]
    [InlineData("the day is wrong", BookingField.CallbackTime, null)]
    [InlineData("cambiar el correo", BookingField.Email, null)]
    [InlineData("email's wrong", BookingField.Email, null)]
    [InlineData("can we change the day", BookingField.CallbackTime, null)]
    [InlineData("I need to change my email", BookingField.Email, null)]
    [InlineData("my name is spelled wrong, it's Ana Ruiz", BookingField.Name, "Ana Ruiz")]
    [InlineData("actually friday at 2 works better", BookingField.CallbackTime, "friday at 2")]
    [InlineData("can we do thursday instead?", BookingField.CallbackTime, "thursday")]
    public void Recognises_changes_with_field_and_new_value(string text, BookingField field, string? value)
    {
        var answer = _recognizer.Recognize(text);

        Assert.Equal(ConfirmationKind.Change, answer.Kind);
        Assert.Equal(field, answer.Field);
        Assert.Equal(value, answer.NewValueText);
    }

    [Theory]
    [InlineData("I don't want to cancel")]
    [InlineData("what are your hours?")]
    [InlineData("")]
    [InlineData("hmm")]
    public void Unclear_answers_are_not_understood(string text)
    {
        Assert.Equal(ConfirmationKind.NotUnderstood, _recognizer.Recognize(text).Kind);
    }
}
