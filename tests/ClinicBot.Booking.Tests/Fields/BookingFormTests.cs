using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Form;
using ClinicBot.Booking.Texts;
using ClinicBot.Booking.Understanding;

namespace ClinicBot.Tests.Booking.Fields;

/// <summary>The declared form drives the dialog: its order, and every text it names exists in booking-prompts.json.</summary>
public class BookingFormTests
{
    private static readonly BookingTexts Texts = BookingTexts.Default;

    [Fact]
    public void The_form_lists_who_the_call_is_for_then_name_phone_email_and_time_in_order()
    {
        Assert.Equal(
            [BookingStep.CallFor, BookingStep.Name, BookingStep.Phone, BookingStep.Email, BookingStep.CallbackTime],
            BookingForm.Fields.Select(f => f.Step));
        Assert.Equal([BookingStep.Email], BookingForm.Fields.Where(f => f.IsOptional).Select(f => f.Step));
        Assert.Equal(
            [BookingField.Name, BookingField.Phone, BookingField.Email, BookingField.CallbackTime],
            BookingForm.Changeable.Select(f => f.ChangedAs!.Value));
    }

    [Fact]
    public void Every_text_a_field_names_is_in_the_booking_content()
    {
        foreach (var field in BookingForm.Fields)
        {
            Assert.True(Texts.Has(field.AskKey), field.AskKey);
            Assert.True(Texts.Has(field.ReaskKey + ".default"), field.ReaskKey);
            Assert.True(field.GaveUpKey is null || Texts.Has(field.GaveUpKey), field.GaveUpKey);
            Assert.True(field.GaveUpKey is not null || field.IsOptional || !field.IsMissing(new BookingDraft()), $"{field.Step} can neither give up nor be left out");
        }
    }

    [Fact]
    public void The_next_step_is_the_first_missing_field_and_clearing_one_asks_it_again()
    {
        var draft = new BookingDraft { Name = "Ana Ruiz", PhoneE164 = "+18325550100" };
        Assert.Equal(BookingStep.Email, draft.NextStep());
        BookingForm.For(BookingStep.Email)!.LeaveOut!(draft);
        draft.Callback = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-6));
        Assert.Equal(BookingStep.Confirm, draft.NextStep());

        draft.Clear(BookingField.Phone);
        Assert.Equal(BookingStep.Phone, draft.NextStep());
    }

    [Theory]
    [InlineData("why")]
    [InlineData("optional")]
    [InlineData("whatHappens")]
    [InlineData("changeLater")]
    public void Every_kind_of_booking_question_has_an_answer_for_any_field(string kind)
    {
        foreach (var field in new BookingField?[] { null, BookingField.Name, BookingField.Phone, BookingField.Email, BookingField.CallbackTime })
        {
            var question = new BookingQuestion(kind, field);
            Assert.True(Texts.Has(question.AnswerKey) || Texts.Has(question.DefaultAnswerKey), question.AnswerKey);
        }
    }

    [Theory]
    [InlineData("why do you need my email?", BookingField.Phone, "why", BookingField.Email)]
    [InlineData("is it optional?", BookingField.Email, "optional", BookingField.Email)]
    [InlineData("do i have to give my phone", BookingField.Email, "optional", BookingField.Phone)]
    [InlineData("what happens on the call?", BookingField.Name, "whatHappens", null)]
    [InlineData("can i change it later?", null, "changeLater", null)]
    public void Questions_about_the_booking_are_recognised_with_the_field_they_are_about(string text, BookingField? asked, string kind, BookingField? about)
    {
        var reader = new BookingTurnReader();
        var turn = reader.Read(text, asked, new BookingAnswer { Step = BookingStep.Name });
        Assert.Equal(TurnKind.BookingQuestion, turn.Kind);
        Assert.Equal(new BookingQuestion(kind, about), turn.Question);
    }

    [Theory]
    [InlineData("no need for email, call me")]
    [InlineData("i need to give you my email")]
    public void Statements_are_not_booking_questions(string text)
    {
        Assert.NotEqual(TurnKind.BookingQuestion, new BookingTurnReader().Read(text, BookingField.Email, new BookingAnswer { Step = BookingStep.Email }).Kind);
    }

    [Theory]
    [InlineData("had to cancel my dentist on thursday so thursday at 11 works", false)]
    [InlineData("I cancel my gym on mondays", false)]
    [InlineData("cancel", true)]
    [InlineData("cancel my booking please", true)]
    [InlineData("ok cancel the call", true)]
    public void Cancel_is_a_command_only_when_it_is_about_this_booking(string text, bool isCancel)
    {
        Assert.Equal(isCancel, new BookingCommandRecognizer().Recognize(text) == BookingCommand.Cancel);
    }
}
