using ClinicBot.Dialogs;
using ClinicBot.Booking;
using ClinicBot.Booking.Texts;
using ClinicBot.Booking.Fields;
using ClinicBot.Tests.Booking.Support;
using ClinicBot.Tests.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Booking.Flows;

public class BookingDialogTests
{
    private static readonly BookingTexts Texts = BookingTexts.Default;
    private static readonly TimeSpan Central = TimeSpan.FromHours(-6);

    private static async Task<BookingTestBot> AtStepAsync(string step)
    {
        var bot = new BookingTestBot();
        await bot.SayAsync("i want to book the free call");
        if (step == "name")
        {
            return bot;
        }

        await bot.SayAsync("Maria Delgado");
        if (step == "phone")
        {
            return bot;
        }

        await bot.SayAsync("832-555-0142");
        if (step == "email")
        {
            return bot;
        }

        await bot.SayAsync("maria.delgado@example.com");
        if (step == "callback")
        {
            return bot;
        }

        await bot.SayAsync("tuesday morning");
        return bot;
    }

    private static string QuestionAt(string step) => step switch
    {
        "name" => Texts.Get("askName"),
        "phone" => Texts.Get("askPhone", new { name = "Maria" }),
        "email" => Texts.Get("askEmail"),
        "callback" => Texts.Get("askCallback"),
        _ => Texts.Get("confirmSummaryIntro"),
    };

    [Fact]
    public async Task Happy_path_saves_one_booking_with_exactly_the_given_details()
    {
        using var bot = new BookingTestBot();
        var start = await bot.SayAsync("i want to book the free call");
        Assert.Equal(Texts.Get("start") + "\n" + Texts.Get("askName"), start.Texts());
        Assert.Equal(Texts.Get("askPhone", new { name = "Maria" }), (await bot.SayAsync("Maria Delgado")).Texts());
        Assert.Equal(Texts.Get("askEmail"), (await bot.SayAsync("832-555-0142")).Texts());
        Assert.Equal(Texts.Get("askCallback"), (await bot.SayAsync("maria.delgado@example.com")).Texts());

        var summary = Assert.Single(await bot.SayAsync("tuesday morning"));
        var card = (JObject)Assert.Single(((IMessageActivity)summary).Attachments).Content;
        Assert.Contains("Maria Delgado", card.ToString());
        Assert.Empty(await bot.BookingsAsync());

        var done = (await bot.SayAsync("yes")).Texts();
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal("Maria Delgado", booking.Name);
        Assert.Equal("+18325550142", booking.PhoneE164);
        Assert.Equal("maria.delgado@example.com", booking.Email);
        Assert.Equal(DayOfWeek.Tuesday, booking.Callback.DayOfWeek);
        Assert.InRange(booking.Callback.Hour, 9, 11);
        Assert.Equal(Central, booking.Callback.Offset);
        Assert.Equal(BookingTestBot.DefaultNow, booking.CreatedAt);
        Assert.Equal("test", booking.Channel);
        Assert.Contains(booking.Reference, done);
        Assert.Contains("832-899-4065", done);
        Assert.Null(bot.ActiveDialogId);
        Assert.Equal(new BookingResult(BookingOutcome.Booked, booking.Reference), bot.LastResult!.Result);
    }

    [Theory]
    [InlineData("(832) 555 0199", "+18325550199")]
    [InlineData("832.555.0117", "+18325550117")]
    [InlineData("+1 281 555 0123", "+12815550123")]
    [InlineData("1-832-555-0139", "+18325550139")]
    [InlineData("8325550161", "+18325550161")]
    [InlineData("my number is 281 555 0156", "+12815550156")]
    public async Task Phone_numbers_in_any_common_form_are_saved_as_e164(string typed, string e164)
    {
        using var bot = await AtStepAsync("phone");
        await bot.SayAsync(typed);
        await bot.SayAsync("skip");
        await bot.SayAsync("wednesday afternoon");
        await bot.SayAsync("yes");
        Assert.Equal(e164, Assert.Single(await bot.BookingsAsync()).PhoneE164);
    }

    [Theory]
    [InlineData("832-555-019", nameof(FieldProblem.WrongDigitCount))]
    [InlineData("281-555-01455", nameof(FieldProblem.WrongDigitCount))]
    [InlineData("832-555-01O5", nameof(FieldProblem.ContainsLetters))]
    public async Task A_wrong_phone_gets_a_precise_reask_and_the_correction_is_kept(string wrong, string problem)
    {
        using var bot = await AtStepAsync("phone");
        Assert.Equal(Texts.Reask("reaskPhone", problem), (await bot.SayAsync(wrong)).Texts());
        Assert.Equal(Texts.Get("askEmail"), (await bot.SayAsync("sorry, 832-555-0105")).Texts());
    }

    [Fact]
    public async Task A_phone_that_never_works_ends_gracefully_with_the_clinic_phone_and_nothing_saved()
    {
        using var bot = await AtStepAsync("phone");
        await bot.SayAsync("555-0148");
        await bot.SayAsync("555-0148 i already told you");
        var last = (await bot.SayAsync("555 0148!!")).Texts();
        Assert.Equal(Texts.Get("gaveUpPhone"), last);
        Assert.Contains("832-899-4065", last);
        Assert.Null(bot.ActiveDialogId);
        Assert.Equal(BookingOutcome.GaveUp, ((BookingResult)bot.LastResult!.Result!).Outcome);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("no email")]
    [InlineData("forget the email")]
    [InlineData("i no have email")]
    public async Task Email_can_be_skipped_without_cancelling(string skip)
    {
        using var bot = await AtStepAsync("email");
        Assert.Equal(Texts.Get("askCallback"), (await bot.SayAsync(skip)).Texts());
        await bot.SayAsync("thursday at 11");
        await bot.SayAsync("yep");
        Assert.Null(Assert.Single(await bot.BookingsAsync()).Email);
    }

    [Fact]
    public async Task An_email_typo_is_reasked_precisely_and_corrected()
    {
        using var bot = await AtStepAsync("email");
        Assert.Equal(Texts.Reask("reaskEmail", FieldProblem.EmailMissingDomain), (await bot.SayAsync("brian.lee@example,com")).Texts());
        await bot.SayAsync("oops, brian.lee@example.com");
        await bot.SayAsync("wednesday 9:30");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal("brian.lee@example.com", booking.Email);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 30, 0, Central), booking.Callback);
    }

    [Theory]
    [InlineData("saturday morning", "Weekend")]
    [InlineData("can you call me at 7pm? i work until 6", "Evening")]
    [InlineData("8am before work?", "EarlyMorning")]
    public async Task Closed_hours_wishes_are_steered_with_buttons_that_book_that_exact_slot(string wish, string reason)
    {
        using var bot = await AtStepAsync("callback");
        var steer = (IMessageActivity)Assert.Single(await bot.SayAsync(wish));
        Assert.Equal(Texts.Reask("reaskCallback", reason), steer.Text);
        var buttons = steer.SuggestedActions.Actions;
        Assert.InRange(buttons.Count, 1, 3);

        var picked = buttons[^1];
        var summary = Assert.Single(await bot.SayAsync((string)picked.Value));
        Assert.NotEmpty(((IMessageActivity)summary).Attachments);
        await bot.SayAsync("yes");

        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(picked.Title, CallbackFormat.Label(booking.Callback));
        var local = TimeZoneInfo.ConvertTime(booking.Callback, CallbackFormat.ClinicZone);
        Assert.InRange(local.Hour, 9, 16);
        Assert.DoesNotContain(local.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
    }

    [Fact]
    public async Task Someone_who_only_wants_closed_hours_ends_without_a_booking_and_gets_the_phone()
    {
        using var bot = await AtStepAsync("callback");
        await bot.SayAsync("sunday only, i work all week");
        await bot.SayAsync("no, weekdays don't work for me at all");
        var last = (await bot.SayAsync("saturday then")).Texts();
        Assert.Equal(Texts.Get("gaveUpCallback"), last);
        Assert.Empty(await bot.BookingsAsync());
        Assert.Null(bot.ActiveDialogId);
    }

    [Fact]
    public async Task A_time_in_my_time_zone_uses_the_channels_local_timezone()
    {
        using var bot = await AtStepAsync("callback");
        bot.LocalTimezone = "America/New_York";
        await bot.SayAsync("thursday at 11am my time");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, Central), booking.Callback);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("phone")]
    [InlineData("email")]
    [InlineData("callback")]
    [InlineData("confirm")]
    public async Task Cancel_at_any_step_ends_politely_with_nothing_saved(string step)
    {
        using var bot = await AtStepAsync(step);
        var reply = (await bot.SayAsync(step == "confirm" ? "actually cancel, sorry" : "cancel")).Texts();
        Assert.Equal(Texts.Get("cancelled"), reply);
        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);
        Assert.Equal(new BookingResult(BookingOutcome.Cancelled), bot.LastResult.Result);
        Assert.Null(bot.ActiveDialogId);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Theory]
    [InlineData("cancle")]
    [InlineData("nvm")]
    [InlineData("stop")]
    [InlineData("hmm actually never mind, i need to talk to my husband first. cancel")]
    public async Task Cancel_words_and_misspellings_cancel(string message)
    {
        using var bot = await AtStepAsync("email");
        Assert.Equal(Texts.Get("cancelled"), (await bot.SayAsync(message)).Texts());
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task I_dont_want_to_cancel_is_not_a_cancel()
    {
        using var bot = await AtStepAsync("email");
        var reply = (await bot.SayAsync("I don't want to cancel")).Texts();
        Assert.NotEqual(Texts.Get("cancelled"), reply);
        Assert.Equal(BookingDialog.Id, bot.ActiveDialogId);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("phone")]
    [InlineData("email")]
    [InlineData("callback")]
    [InlineData("confirm")]
    public async Task Help_at_any_step_explains_and_asks_the_same_question_again(string step)
    {
        using var bot = await AtStepAsync(step);
        var replies = await bot.SayAsync("help");
        Assert.Equal(Texts.Get("help"), ((IMessageActivity)replies[0]).Text);
        Assert.Equal(QuestionAt(step), ((IMessageActivity)replies[1]).Text);
        Assert.Equal(2, replies.Count);
        Assert.Equal(BookingDialog.Id, bot.ActiveDialogId);
    }

    [Theory]
    [InlineData("name", "wait what are your hours again?", KeywordQuestionAnswerer.HoursAnswer)]
    [InlineData("phone", "where is the clinic btw?", KeywordQuestionAnswerer.LocationAnswer)]
    [InlineData("email", "is the call really free?", KeywordQuestionAnswerer.FreeCallAnswer)]
    [InlineData("callback", "what are your hours?", KeywordQuestionAnswerer.HoursAnswer)]
    [InlineData("confirm", "where are you located?", KeywordQuestionAnswerer.LocationAnswer)]
    public async Task Side_questions_are_answered_and_the_pending_question_is_asked_again(string step, string question, string answer)
    {
        using var bot = await AtStepAsync(step);
        var replies = await bot.SayAsync(question);
        Assert.Equal(answer, ((IMessageActivity)replies[0]).Text);
        Assert.Equal(QuestionAt(step), ((IMessageActivity)replies[1]).Text);
        Assert.Equal(1, bot.Questions.Answered);
    }

    [Fact]
    public async Task A_time_with_a_question_mark_is_an_answer_not_a_side_question()
    {
        using var bot = await AtStepAsync("callback");
        var reply = Assert.Single(await bot.SayAsync("can you call me thursday at 3? is that open?"));
        Assert.NotEmpty(((IMessageActivity)reply).Attachments);
        Assert.Equal(0, bot.Questions.Answered);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("confirm")]
    public async Task Start_over_forgets_the_answers_and_asks_the_name_again(string step)
    {
        using var bot = await AtStepAsync(step);
        var replies = (await bot.SayAsync("start over")).Texts();
        Assert.Equal(Texts.Get("startOver") + "\n" + Texts.Get("askName"), replies);
        await bot.SayAsync("James Whitfield");
        await bot.SayAsync("(832) 555 0199");
        await bot.SayAsync("skip");
        await bot.SayAsync("wednesday afternoon");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal("James Whitfield", booking.Name);
        Assert.Null(booking.Email);
    }

    [Fact]
    public async Task Changing_one_field_at_confirmation_reasks_only_that_field()
    {
        using var bot = await AtStepAsync("confirm");
        Assert.Equal(Texts.Get("askPhone", new { name = "Maria" }), (await bot.SayAsync("change the phone")).Texts());
        var summary = Assert.Single(await bot.SayAsync("713-555-0177"));
        Assert.Contains("713-555-0177", ((JObject)((IMessageActivity)summary).Attachments[0].Content).ToString());
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal("+17135550177", booking.PhoneE164);
        Assert.Equal("Maria Delgado", booking.Name);
        Assert.Equal("maria.delgado@example.com", booking.Email);
    }

    [Fact]
    public async Task A_new_time_given_at_confirmation_replaces_the_old_one_directly()
    {
        using var bot = await AtStepAsync("confirm");
        var summary = Assert.Single(await bot.SayAsync("actually make it friday 2pm"));
        Assert.NotEmpty(((IMessageActivity)summary).Attachments);
        await bot.SayAsync("yes");
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 14, 0, 0, Central), Assert.Single(await bot.BookingsAsync()).Callback);
    }

    [Fact]
    public async Task The_change_button_asks_which_field_with_buttons()
    {
        using var bot = await AtStepAsync("confirm");
        var ask = (IMessageActivity)Assert.Single(await bot.SubmitAsync(new { action = "change" }));
        Assert.Equal(Texts.Get("askWhichField"), ask.Text);
        Assert.Equal(4, ask.SuggestedActions.Actions.Count);
        Assert.Equal(Texts.Get("askEmail"), (await bot.SayAsync(Texts.Get("fieldNames.Email"))).Texts());
        await bot.SayAsync("skip");
        await bot.SubmitAsync(new { action = "confirm" });
        Assert.Null(Assert.Single(await bot.BookingsAsync()).Email);
    }

    [Fact]
    public async Task All_fields_in_one_message_go_straight_to_the_confirmation()
    {
        using var bot = new BookingTestBot();
        var replies = await bot.SayAsync("hi, i'd like to book a free call. my name is Jessica Moore, phone 832-555-0125, email jmoore@example.com, tuesdays after 1 work best");
        Assert.Equal(2, replies.Count);
        Assert.NotEmpty(((IMessageActivity)replies[1]).Attachments);
        await bot.SayAsync("si");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal(("Jessica Moore", "+18325550125", "jmoore@example.com"), (booking.Name, booking.PhoneE164, booking.Email));
        Assert.Equal(DayOfWeek.Tuesday, booking.Callback.DayOfWeek);
        Assert.True(booking.Callback.Hour >= 13);
    }

    [Fact]
    public async Task Corrections_to_an_earlier_field_are_applied_and_the_pending_question_asked_again()
    {
        using var bot = await AtStepAsync("email");
        var replies = (await bot.SayAsync("actually use my cell instead, 713-555-0177")).Texts();
        Assert.Equal(Texts.Get("fieldUpdated") + "\n" + Texts.Get("askEmail"), replies);
        await bot.SayAsync("skip");
        await bot.SayAsync("monday afternoon");
        await bot.SayAsync("yes");
        Assert.Equal("+17135550177", Assert.Single(await bot.BookingsAsync()).PhoneE164);
    }

    [Fact]
    public async Task Card_submit_with_no_text_confirms()
    {
        using var bot = await AtStepAsync("confirm");
        await bot.SubmitAsync(new { action = "confirm" });
        Assert.Single(await bot.BookingsAsync());
    }

    [Fact]
    public async Task Confirmation_card_is_adaptive_card_1_5_with_object_submit_data_and_plain_text_values()
    {
        using var bot = await AtStepAsync("email");
        await bot.SayAsync("a_b*c@example.com");
        var summary = (IMessageActivity)Assert.Single(await bot.SayAsync("monday at 2pm"));
        var attachment = Assert.Single(summary.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = (JObject)attachment.Content;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var actions = (JArray)card["actions"]!;
        Assert.Equal(new[] { "confirm", "change", "cancel" }, actions.Select(a => (string?)a["data"]!["action"]));
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        var facts = card.Descendants().OfType<JObject>().Where(o => o["value"] is JValue).Select(o => (string?)o["value"]).ToList();
        Assert.Contains(@"a\_b\*c@example.com", facts);
        Assert.DoesNotContain("{{", card.ToString());
    }

    [Theory]
    [InlineData("5000 chars")]
    [InlineData("Ana\u0000\u0007 Ruiz")]
    [InlineData("Ana 😀 Ruiz")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Robert'); DROP TABLE bookings;--")]
    [InlineData("**Ana** [Ruiz](http://evil.example)")]
    public async Task Bad_names_get_a_clear_reask_and_never_crash(string name)
    {
        using var bot = await AtStepAsync("name");
        var typed = name == "5000 chars" ? new string('a', 5000) : name;
        var reply = (await bot.SayAsync(typed)).Texts();
        Assert.StartsWith(string.Empty, reply);
        Assert.DoesNotContain("Exception", reply);
        Assert.NotEqual(Texts.Get("askPhone", new { name = "Ana" }), reply);
        Assert.Equal(BookingDialog.Id, bot.ActiveDialogId);

        // The flow still works afterwards.
        Assert.Equal(Texts.Get("askPhone", new { name = "Ana" }), (await bot.SayAsync("Ana Ruiz")).Texts());
    }

    public static TheoryData<string, string> HostileInputs()
    {
        var data = new TheoryData<string, string>();
        var payloads = new[] { "'; DROP TABLE bookings; --", "<img src=x onerror=alert(1)>", new string('9', 5000), "\u0001\u0002", "😀😀😀", "[click](javascript:alert(1))" };
        foreach (var step in new[] { "phone", "email", "callback", "confirm" })
        {
            foreach (var payload in payloads)
            {
                data.Add(step, payload);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_at_any_step_gets_an_answer_and_saves_nothing(string step, string payload)
    {
        using var bot = await AtStepAsync(step);
        var replies = await bot.SayAsync(payload);
        Assert.NotEmpty(replies.Texts());
        Assert.Equal(BookingDialog.Id, bot.ActiveDialogId);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_handled_once_and_books_once()
    {
        using var bot = await AtStepAsync("confirm");
        var yes = MessageFactory.Text("yes");
        yes.Id = "activity-yes-1";
        await bot.SendAsync(yes);
        var again = MessageFactory.Text("yes");
        again.Id = "activity-yes-1";
        await bot.SendAsync(again);
        Assert.Single(await bot.BookingsAsync());

        using var early = await AtStepAsync("phone");
        var phone = MessageFactory.Text("832-555-0142");
        phone.Id = "activity-phone-1";
        Assert.Equal(Texts.Get("askEmail"), (await early.SendAsync(phone)).Texts());
        var repeat = MessageFactory.Text("832-555-0142");
        repeat.Id = "activity-phone-1";
        Assert.Empty(await early.SendAsync(repeat));
    }

    [Fact]
    public async Task Two_turns_racing_at_the_confirmation_make_one_booking()
    {
        using var bot = await AtStepAsync("confirm");
        var first = MessageFactory.Text("yes");
        var second = MessageFactory.Text("yes");
        first.Properties = new JObject { ["testChannelActivityId"] = "race-1" };
        second.Properties = new JObject { ["testChannelActivityId"] = "race-1" };
        first.Id = "race-1";
        second.Id = "race-1"; // the channel retried the same activity while the first delivery was still running

        await Task.WhenAll(
            Task.Run(() => bot.Adapter.ProcessActivityAsync(first, bot.TurnAsync, CancellationToken.None)),
            Task.Run(() => bot.Adapter.ProcessActivityAsync(second, bot.TurnAsync, CancellationToken.None)));

        Assert.Single(await bot.BookingsAsync());
        Assert.InRange(bot.Store.SaveCalls, 1, 2);
        var confirmations = bot.Drain().Texts();
        var references = System.Text.RegularExpressions.Regex.Matches(confirmations, @"KB-[A-Z2-9]{5}").Select(m => m.Value).Distinct();
        Assert.Single(references);
    }

    [Fact]
    public async Task A_restart_in_the_middle_resumes_at_the_same_step()
    {
        var storage = new JsonRoundTripStorage();
        using var before = new BookingTestBot(storage);
        await before.SayAsync("book a call");
        await before.SayAsync("Tom Becker");
        await before.SayAsync("+1 281 555 0123");

        // A new process: new bot, dialog, ConversationState and store objects over the same storage and database file.
        using var after = new BookingTestBot(storage);
        Assert.Equal(Texts.Get("askCallback"), (await after.SayAsync("tom.becker@example.org")).Texts());
        await after.SayAsync("thursday at 11");
        await after.SayAsync("yep");
        var booking = Assert.Single(await after.BookingsAsync());
        Assert.Equal(("Tom Becker", "+12815550123", "tom.becker@example.org"), (booking.Name, booking.PhoneE164, booking.Email));
    }

    [Fact]
    public async Task After_a_turn_the_bot_handled_alone_the_booking_continues_where_it_was()
    {
        using var bot = await AtStepAsync("phone");
        bot.SkipDialogNextTurn = true;
        await bot.SayAsync("(a crisis message handled by the bot)");
        Assert.Equal(Texts.Get("askEmail"), (await bot.SayAsync("832-555-0142")).Texts());
    }

    [Fact]
    public async Task A_failed_save_apologises_with_the_phone_saves_nothing_and_yes_retries()
    {
        using var bot = await AtStepAsync("confirm");
        bot.Store.Failing = true;
        var failed = (await bot.SayAsync("yes")).Texts();
        Assert.Equal(Texts.Get("saveFailed"), failed);
        Assert.Contains("832-899-4065", failed);
        Assert.Empty(await bot.BookingsAsync());
        Assert.Equal(BookingDialog.Id, bot.ActiveDialogId);

        bot.Store.Failing = false;
        var booked = (await bot.SayAsync("yes")).Texts();
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Contains(booking.Reference, booked);
    }

    [Fact]
    public async Task A_chosen_time_that_passed_while_the_conversation_waited_is_asked_again()
    {
        using var bot = await AtStepAsync("confirm");
        bot.Clock.Advance(TimeSpan.FromDays(2));
        var replies = (await bot.SayAsync("yes")).Texts();
        Assert.Equal(Texts.Get("callbackPassed") + " " + Texts.Get("askCallback"), replies);
        Assert.Empty(await bot.BookingsAsync());
    }

    [Fact]
    public async Task Booking_state_holds_only_the_booking_fields()
    {
        var storage = new JsonRoundTripStorage();
        using var bot = new BookingTestBot(storage);
        await bot.SayAsync("i want to book the free call, i've been feeling awful and my meds don't work");
        await bot.SayAsync("Maria Delgado");
        var json = storage.RawJson("conversations")!;
        Assert.DoesNotContain("meds", json);
        Assert.DoesNotContain("awful", json);
        Assert.Contains("Maria Delgado", json);
    }

    [Fact]
    public async Task Logs_never_contain_the_personal_values()
    {
        using var bot = await AtStepAsync("confirm");
        bot.Store.Failing = true;
        await bot.SayAsync("yes");
        bot.Store.Failing = false;
        await bot.SayAsync("yes");

        var log = string.Join("\n", bot.Logger.Lines);
        Assert.Contains("Booking saved", log);
        Assert.Contains("failed", log);
        foreach (var personal in new[] { "Maria", "Delgado", "555", "0142", "example.com", "tuesday" })
        {
            Assert.DoesNotContain(personal, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static TheoryData<string> StorageKinds => new() { "memory", "json-with-type-names", "json-plain" };

    [Theory]
    [MemberData(nameof(StorageKinds))]
    public async Task A_booking_with_a_steer_and_a_change_works_over_every_kind_of_storage(string kind)
    {
        Microsoft.Bot.Builder.IStorage storage = kind switch
        {
            "memory" => new Microsoft.Bot.Builder.MemoryStorage(),
            "json-with-type-names" => new JsonRoundTripStorage(typeNames: true),
            _ => new JsonRoundTripStorage(),
        };
        using var bot = new BookingTestBot(storage);
        await bot.SayAsync("book a call");
        await bot.SayAsync("Kevin Tran");
        await bot.SayAsync("713-555-0108");
        await bot.SayAsync("none");
        var steer = (IMessageActivity)Assert.Single(await bot.SayAsync("saturday morning"));
        await bot.SayAsync((string)steer.SuggestedActions.Actions[0].Value);
        await bot.SayAsync("change the name");
        await bot.SayAsync("Kevin Tran-Nguyen");
        await bot.SayAsync("yes");
        var booking = Assert.Single(await bot.BookingsAsync());
        Assert.Equal("Kevin Tran-Nguyen", booking.Name);
        Assert.Equal(steer.SuggestedActions.Actions[0].Title, CallbackFormat.Label(booking.Callback));
    }

    [Fact]
    public async Task My_time_without_a_known_time_zone_asks_for_clinic_time()
    {
        using var bot = await AtStepAsync("callback");
        Assert.Equal(Texts.Reask("reaskCallback", "ZoneUnknown"), (await bot.SayAsync("thursday at 11am my time")).Texts());
        Assert.NotEmpty(((IMessageActivity)Assert.Single(await bot.SayAsync("thursday at 11am central"))).Attachments);
    }

    [Fact]
    public async Task Activities_other_than_messages_leave_the_pending_question_alone()
    {
        using var bot = await AtStepAsync("phone");
        var typing = new Activity(ActivityTypes.Typing);
        Assert.Empty(await bot.SendAsync(typing));
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
        Assert.Equal(Texts.Get("askEmail"), (await bot.SayAsync("832-555-0142")).Texts());
    }
}
