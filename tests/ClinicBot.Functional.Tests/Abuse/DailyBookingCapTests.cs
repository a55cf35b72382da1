using ClinicBot.Booking.Texts;
using ClinicBot.Testing;
using ClinicBot.Tests.Faults.Support;

namespace ClinicBot.Tests.Abuse;

/// <summary>
/// The review made 70 fake bookings from one address in a minute. Each client address may book 5 free calls a day
/// (Abuse:BookingsPerClientPerDay); the 6th gets a clear answer and nothing is saved, and other addresses are
/// unaffected. The app runs on Kestrel so requests carry real client addresses (127.0.0.1 and 127.0.0.2).
/// </summary>
public sealed class DailyBookingCapTests
{
    [Fact]
    public async Task The_sixth_booking_from_one_address_in_a_day_is_refused_with_a_clear_message_and_not_saved()
    {
        using var app = new AbuseApp(kestrel: true);
        using var visitor = app.ClientFrom("127.0.0.1");
        using var neighbour = app.ClientFrom("127.0.0.2");

        for (var i = 0; i < 5; i++)
        {
            var conversation = $"cap-{i}-{Guid.NewGuid():N}";
            await new BookingPlayer(PersonNames.Distinct(5)[i]).CompleteAsync((text, _) => BotClient.SayAsync(visitor, conversation, text));
        }

        var sixth = await ConfirmBookingAsync(visitor, $"cap-6-{Guid.NewGuid():N}");

        var refusal = Assert.Single(sixth, reply => reply.Text == BookingTexts.Default.Get("dailyLimitReached"));
        Assert.Contains("832-899-4065", refusal.Text);
        Assert.Null(BookingPlayer.Reference(sixth));
        Assert.Equal(5, SqliteRows.Count(app.DatabasePath, "bookings"));

        var other = $"cap-other-{Guid.NewGuid():N}";
        var reference = await new BookingPlayer("Maria Alvarez").CompleteAsync((text, _) => BotClient.SayAsync(neighbour, other, text));
        Assert.False(string.IsNullOrEmpty(reference));
        Assert.Equal(6, SqliteRows.Count(app.DatabasePath, "bookings"));
    }

    /// <summary>Answers the booking's questions as <see cref="BookingPlayer"/> does, and returns the replies to the final "yes".</summary>
    private static async Task<IReadOnlyList<BotReply>> ConfirmBookingAsync(HttpClient client, string conversation)
    {
        var player = new BookingPlayer("Maria Alvarez");
        var replies = await BotClient.SayAsync(client, conversation, "I'd like to book a free call");
        for (var turn = 0; turn < 14; turn++)
        {
            var question = BookingPlayer.Classify(replies);
            var answer = question switch
            {
                BookingQuestion.Name => player.Name,
                BookingQuestion.Phone => player.Phone,
                BookingQuestion.Email => "skip",
                BookingQuestion.OfferedTime => replies.Last(reply => reply.Suggestions.Count > 0).Suggestions[0],
                BookingQuestion.CallbackTime => "next Wednesday at 2pm",
                BookingQuestion.Confirm => "yes",
                _ => throw new Xunit.Sdk.XunitException($"Unexpected bot reply in a booking: {string.Join(" | ", replies)}"),
            };
            replies = await BotClient.SayAsync(client, conversation, answer);
            if (question == BookingQuestion.Confirm)
            {
                return replies;
            }
        }

        throw new Xunit.Sdk.XunitException("The booking never reached its confirmation.");
    }
}
