using ClinicBot.Booking.Fields;
using static ClinicBot.Tests.Booking.Fields.ClinicTime;

namespace ClinicBot.Tests.Booking.Fields;

/// <summary>
/// Plays every development conversation through the recognizers in the question order the booking dialog
/// uses (name → phone → email → time → confirm), the way a dialog built on them would, at many different
/// "now" moments, and checks the fields and the outcome the set expects.
/// </summary>
public class BookingDevSetTests
{
    private static readonly CallbackWindow Window = CallbackWindow.ClinicDefault;

    [BookingDevSetFact]
    public void Every_development_conversation_yields_the_expected_fields_and_outcome()
    {
        var conversations = BookingDevSet.Load();
        Assert.True(conversations.Count >= 20, $"only {conversations.Count} conversations read");

        var failures = new List<string>();
        foreach (var now in PinnedMoments())
        {
            foreach (var conversation in conversations)
            {
                var played = ConversationPlayer.Play(conversation.Turns, now, Window);
                var expect = conversation.Expect;
                var problems = new List<string>();
                if (played.Outcome != expect.Outcome) problems.Add($"outcome {played.Outcome}");
                if (played.Name != expect.Name) problems.Add($"name '{played.Name}'");
                if (played.PhoneE164 != expect.PhoneE164) problems.Add($"phone '{played.PhoneE164}'");
                if (expect.Outcome == "booked" && played.Email != expect.Email) problems.Add($"email '{played.Email}'");
                if (expect.Outcome == "booked")
                {
                    var honoured = new CallbackTimeRecognizer(Window).Recognize(expect.Preferred!, now);
                    if (played.Callback is null || !Window.IsOpenAt(played.Callback.Value) || played.Callback < now + Window.MinimumNotice)
                    {
                        problems.Add($"callback {played.Callback} outside the window");
                    }
                    else if (honoured.Time != played.Callback)
                    {
                        problems.Add($"callback {played.Callback} does not match '{expect.Preferred}' → {honoured.Time}");
                    }
                }

                if (problems.Count > 0)
                {
                    failures.Add($"[now {now:ddd yyyy-MM-dd HH:mm}] {conversation.Turns[1]}…: {string.Join("; ", problems)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    [BookingDevSetFact]
    public void Opening_booking_requests_carry_no_fields_unless_they_contain_them()
    {
        var extractor = new BookingFieldExtractor(Window);
        foreach (var conversation in BookingDevSet.Load())
        {
            var opening = conversation.Turns[0];
            var fields = extractor.Extract(opening, MondayMorning);
            var carriesDetails = conversation.Turns.Count <= 2;
            Assert.True(fields.IsEmpty != carriesDetails, $"{opening}: {fields}");
        }
    }

    // Weekday mornings and afternoons, evenings, a Friday afternoon, a weekend, and both daylight-saving changes.
    private static IEnumerable<DateTimeOffset> PinnedMoments()
    {
        for (var hour = 0; hour < 24 * 7; hour += 5)
        {
            yield return MondayMorning.AddHours(hour);
        }

        yield return At(2026, 3, 6, 15, 0);
        yield return At(2026, 3, 7, 12, 0);
        yield return At(2026, 10, 30, 15, 0);
        yield return At(2026, 10, 31, 23, 30);
    }
}
