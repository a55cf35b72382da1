using ClinicBot.Booking;
using ClinicBot.Booking.Texts;
using ClinicBot.Tests.Booking.Support;
using ClinicBot.Tests.Dialogs.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Booking.Flows;

/// <summary>
/// Issue 18: every booking turn is read for what it is before it is read as an answer, everything in the
/// first message is used, and a booking can be for someone else. Scripted conversations through the real
/// dialog (TestAdapter) and the real SQLite booking store.
/// </summary>
public class BookingTurnReadingTests
{
    private static readonly BookingTexts Texts = BookingTexts.Default;
    private static readonly TimeSpan Central = TimeSpan.FromHours(-6);

    private static async Task<BookingTestBot> AtCallbackStepAsync()
    {
        var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Maria Delgado");
        await bot.SayAsync("832-555-0142");
        Assert.Equal(Texts.Get("askCallback"), (await bot.SayAsync("skip")).Texts());
        return bot;
    }

    private static JObject Card(IActivity activity) => (JObject)Assert.Single(((IMessageActivity)activity).Attachments).Content;

    private static string Fact(JObject card, string title) =>
        (string)card.SelectTokens("$..facts[*]").Single(f => (string?)f["title"] == title)["value"]!;

    [Theory]
    [InlineData("had to cancel my dentist on thursday so thursday at 11 works")]
    [InlineData("i cancelled my dentist so thursday at 11 is free")]
    [InlineData("cancel thursday's meeting for me? no wait, just call me thursday at 11")]
    public async Task A_sentence_that_cancels_something_else_is_a_time_answer_and_the_booking_goes_on(string message)
    {
        using var bot = await AtCallbackStepAsync();
        var summary = Assert.Single(await bot.SayAsync(message));
        Assert.Contains("Thu Dec 3, 11:00 AM", Fact(Card(summary), Texts.Get("fieldNames.CallbackTime")));
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 11, 0, 0, Central), booking.Callback);
    }

    [Theory]
    [InlineData("cancel my booking")]
    [InlineData("cancel the whole thing")]
    [InlineData("please cancel this")]
    public async Task Cancelling_this_booking_still_cancels(string message)
    {
        using var bot = await AtCallbackStepAsync();
        Assert.Equal(Texts.Get("cancelled"), (await bot.SayAsync(message)).Texts());
        Assert.Null(bot.ActiveDialogId);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task Must_i_give_an_email_is_answered_then_ok_then_no_skips_it()
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Maria Delgado");
        await bot.SayAsync("832-555-0142");

        var answered = (await bot.SayAsync("must I give an email?")).Texts();
        Assert.Equal(Texts.Get("bookingQuestions.optional.Email") + "\n" + Texts.Get("askEmail"), answered);

        Assert.Equal(Texts.Get("askCallback"), (await bot.SayAsync("ok then no")).Texts());
        await bot.SayAsync("monday at 2pm");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Null(booking.Email);
        Assert.Equal("+18325550142", booking.PhoneE164);
    }

    [Theory]
    [InlineData("phone", "why do you need my phone number?", "bookingQuestions.why.Phone")]
    [InlineData("email", "why do you need my email?", "bookingQuestions.why.Email")]
    [InlineData("email", "is it optional?", "bookingQuestions.optional.Email")]
    [InlineData("callback", "what happens on the call?", "bookingQuestions.whatHappens.default")]
    [InlineData("callback", "can i change it later?", "bookingQuestions.changeLater.default")]
    public async Task Questions_about_the_booking_are_answered_and_the_question_asked_again(string step, string question, string answerKey)
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        await bot.SayAsync("Maria Delgado");
        var asked = Texts.Get("askPhone", new { name = "Maria" });
        if (step != "phone")
        {
            await bot.SayAsync("832-555-0142");
            asked = Texts.Get("askEmail");
        }

        if (step == "callback")
        {
            await bot.SayAsync("skip");
            asked = Texts.Get("askCallback");
        }

        Assert.Equal(Texts.Get(answerKey) + "\n" + asked, (await bot.SayAsync(question)).Texts());
        Assert.Equal(BookingDialog.Id, bot.ActiveDialogId);
        Assert.Equal(0, bot.Questions.Answered);
    }

    [Fact]
    public async Task A_booking_for_a_parent_is_saved_for_them_with_who_booked_it()
    {
        using var bot = new BookingTestBot();
        var start = (await bot.SayAsync("i want to book a call, it's for my mom, her name is Rosa Elena Díaz")).Texts();
        Assert.Contains("for your mom", start);
        Assert.EndsWith(Texts.Get("forSomeoneElse.askPhone", new { name = "Rosa Elena Díaz" }), start);

        Assert.Equal(Texts.Get("bookerNoted", new { name = "Ana" }) + "\n" + Texts.Get("forSomeoneElse.askPhone", new { name = "Rosa Elena Díaz" }), (await bot.SayAsync("I'm Ana Díaz, her daughter")).Texts());
        Assert.Equal(Texts.Get("forSomeoneElse.askEmail"), (await bot.SayAsync("her number is 713-555-0101")).Texts());
        Assert.StartsWith("When would they like", (await bot.SayAsync("skip")).Texts());

        var summary = Assert.Single(await bot.SayAsync("tuesday at 10"));
        var card = Card(summary);
        Assert.Equal("Rosa Elena Díaz (booked by Ana Díaz)", Fact(card, Texts.Get("fieldNames.CallFor")));

        var booked = (await bot.SayAsync("yes")).Texts();
        Assert.Contains("will call Rosa Elena Díaz at +1 713-555-0101", booked);
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(("Rosa Elena Díaz", "+17135550101", "mom", "Ana Díaz"), (booking.Name, booking.PhoneE164, booking.CallFor, booking.BookedBy));
    }

    [Fact]
    public async Task For_my_son_said_at_the_name_question_turns_the_questions_to_their_call()
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("book a call please");
        var noted = (await bot.SayAsync("it's for my son")).Texts();
        Assert.Equal(Texts.Get("forSomeoneElse.noted", new { forWhom = "your son" }) + "\n" + Texts.Get("forSomeoneElse.askName"), noted);

        // A time wish is not a name, for someone else too.
        Assert.Equal(
            Texts.Get("timeNoted", new { callback = "Tue Dec 1, 10:00 AM" }) + "\n" + Texts.Get("forSomeoneElse.askName"),
            (await bot.SayAsync("tuesday at 10am works for him")).Texts());
        await bot.SayAsync("Luis Ortega");
        await bot.SayAsync("713-555-0177");
        var card = Card(Assert.Single(await bot.SayAsync("no email")));
        Assert.Equal("Luis Ortega", Fact(card, Texts.Get("fieldNames.CallFor")));
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(("Luis Ortega", "son", (string?)null), (booking.Name, booking.CallFor, booking.BookedBy));
    }

    [Fact]
    public async Task A_booking_for_oneself_has_no_call_for_or_booked_by()
    {
        using var bot = await AtCallbackStepAsync();
        await bot.SayAsync("thursday at 11");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Null(booking.CallFor);
        Assert.Null(booking.BookedBy);
    }

    [Theory]
    [InlineData("not looking to book anything, just questions")]
    [InlineData("please don't call me, i only want to know about the book you mention")]
    public async Task Saying_no_to_a_call_starts_no_booking(string message)
    {
        using var bot = new BookingTestBot();
        Assert.Equal(Texts.Get("declined"), (await bot.SayAsync(message)).Texts());
        Assert.Null(bot.ActiveDialogId);
        Assert.Equal(new BookingResult(BookingOutcome.Declined), bot.LastResult!.Result);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task Please_dont_call_me_during_a_booking_ends_it_kindly_with_nothing_saved()
    {
        using var bot = await AtCallbackStepAsync();
        Assert.Equal(Texts.Get("declinedDuringBooking"), (await bot.SayAsync("please don't call me")).Texts());
        Assert.Null(bot.ActiveDialogId);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task Dont_call_me_before_ten_is_a_time_wish_not_a_refusal()
    {
        using var bot = await AtCallbackStepAsync();
        var summary = Assert.Single(await bot.SayAsync("don't call me before 10, thursday at 11 is best"));
        Assert.NotEmpty(((IMessageActivity)summary).Attachments);
    }

    [Fact]
    public async Task Everything_in_the_first_message_is_used_and_only_the_missing_is_asked()
    {
        using var bot = new BookingTestBot();
        var replies = await bot.SayAsync("book a call: Ana Ruiz, 832-555-0100, ana@example.com, saturday at 10");
        Assert.Equal(Texts.Get("startWithDetails"), ((IMessageActivity)replies[0]).Text);

        // Saturday is not a calling day: the time question is the steer, with the nearest open times.
        var steer = (IMessageActivity)replies[1];
        Assert.Equal(Texts.Reask("reaskCallback", "Weekend"), steer.Text);
        Assert.Equal(2, replies.Count);
        var first = steer.SuggestedActions.Actions[0];

        var summary = Assert.Single(await bot.SayAsync((string)first.Value));
        Assert.Equal("Ana Ruiz", Fact(Card(summary), Texts.Get("fieldNames.Name")));
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(("Ana Ruiz", "+18325550100", "ana@example.com"), (booking.Name, booking.PhoneE164, booking.Email));
        Assert.Equal(first.Title, CallbackFormat.Label(booking.Callback));
    }

    [Fact]
    public async Task Name_and_phone_in_the_first_message_ask_only_email_then_time()
    {
        using var bot = new BookingTestBot();
        var replies = (await bot.SayAsync("schedule a call: Tom Becker, 281-555-0123")).Texts();
        Assert.EndsWith(Texts.Get("askEmail"), replies);
    }

    [Fact]
    public async Task A_time_typed_at_the_name_step_is_noted_as_the_time_and_the_name_asked_again()
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("book a call");
        var replies = await bot.SayAsync("whenever next week");
        Assert.Equal(2, replies.Count);
        Assert.Equal(Texts.Get("timeNoted", new { callback = "Mon Dec 7, 10:00 AM" }), ((IMessageActivity)replies[0]).Text);
        Assert.Equal(Texts.Get("askName"), ((IMessageActivity)replies[1]).Text);

        await bot.SayAsync("Sam Lee");
        await bot.SayAsync("832-555-0142");
        var summary = Assert.Single(await bot.SayAsync("skip"));
        Assert.Equal("Sam Lee", Fact(Card(summary), Texts.Get("fieldNames.Name")));
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal("Sam Lee", booking.Name);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, Central), booking.Callback);
    }

    [Theory]
    [InlineData("June Park")]
    [InlineData("May Chen")]
    public async Task Names_that_are_also_time_words_are_still_names(string name)
    {
        using var bot = new BookingTestBot();
        await bot.SayAsync("book a call");
        Assert.Equal(Texts.Get("askPhone", new { name = name.Split(' ')[0] }), (await bot.SayAsync(name)).Texts());
    }
}
