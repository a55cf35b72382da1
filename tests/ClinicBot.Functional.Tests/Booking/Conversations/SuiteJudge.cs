using ClinicBot.Booking;
using ClinicBot.Booking.Store;

namespace ClinicBot.Tests.Booking.Conversations;

/// <summary>
/// Judges a played conversation as the eval tool's booking mode does: the outcome (booked: exactly one booking
/// with these name, phone and email; otherwise none), a callback Mon–Fri 9:00–17:00 Chicago in the future that
/// honours the preference's weekday and part of day; plus the words the replies must mention.
/// </summary>
internal static class SuiteJudge
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static string? Problem(SuiteConversation conversation, IReadOnlyList<BookingRecord> created, IEnumerable<string> replies, DateTimeOffset now)
    {
        var expect = conversation.Expect;
        var problem = expect.Outcome == "booked" ? BookingProblem(expect, created, now) : created.Count == 0 ? null : $"expected {expect.Outcome} with no booking, but {created.Count} were saved";
        if (problem is not null)
        {
            return problem;
        }

        var said = string.Join("\n", replies);
        var missing = (conversation.Mentions ?? []).Where(m => !said.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
        return missing.Count == 0 ? null : "the replies never mention: " + string.Join(" | ", missing);
    }

    private static string? BookingProblem(SuiteExpectation expect, IReadOnlyList<BookingRecord> created, DateTimeOffset now)
    {
        if (created.Count != 1)
        {
            return $"expected exactly one booking, got {created.Count}";
        }

        var booking = created[0];
        if (booking.Name != expect.Name)
        {
            return $"name '{booking.Name}' != '{expect.Name}'";
        }

        if (booking.PhoneE164 != expect.PhoneE164)
        {
            return $"phone {booking.PhoneE164} != {expect.PhoneE164}";
        }

        if (booking.Email != expect.Email)
        {
            return $"email '{booking.Email}' != '{expect.Email}'";
        }

        var local = TimeZoneInfo.ConvertTime(booking.Callback, CallbackFormat.ClinicZone);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.TimeOfDay < TimeSpan.FromHours(9) || local.TimeOfDay >= TimeSpan.FromHours(17) || booking.Callback <= now)
        {
            return $"callback {local:ddd yyyy-MM-dd HH:mm} is outside Mon–Fri 9:00–17:00 Chicago or not in the future";
        }

        var words = (expect.Preferred ?? string.Empty).ToLowerInvariant();
        var named = Weekdays.Where(day => words.Contains(day.ToString().ToLowerInvariant())).ToList();
        if (named.Count > 0 && !named.Contains(local.DayOfWeek))
        {
            return $"preferred '{expect.Preferred}' but callback is on {local:dddd}";
        }

        if (words.Contains("morning") && local.Hour >= 12 || words.Contains("afternoon") && local.Hour < 12)
        {
            return $"preferred '{expect.Preferred}' but callback is at {local:HH:mm}";
        }

        return null;
    }
}
