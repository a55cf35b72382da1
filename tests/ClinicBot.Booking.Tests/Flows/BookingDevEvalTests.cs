using System.Text.RegularExpressions;
using ClinicBot.Booking;
using ClinicBot.Booking.Store;
using ClinicBot.Tests.Booking.Fields;
using ClinicBot.Tests.Booking.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Booking.Flows;

/// <summary>
/// Plays every scripted conversation of shared/eval/booking_dev.jsonl through the booking dialog and reports
/// how many end as expected (the official eval tool runs the same set through the real bot).
/// </summary>
public sealed partial class BookingDevEvalTests
{
    private readonly ITestOutputHelper _output;

    public BookingDevEvalTests(ITestOutputHelper output) => _output = output;

    [BookingDevSetFact]
    public async Task Booking_dev_conversations_end_as_scripted()
    {
        var path = BookingDevSet.FilePath!;
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var failures = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var conversation = JObject.Parse(lines[i]);
            var problem = await PlayAsync(conversation);
            if (problem is not null)
            {
                failures.Add($"#{i + 1}: {problem}");
            }
        }

        var passed = lines.Count - failures.Count;
        _output.WriteLine($"booking_dev: {passed}/{lines.Count}");
        foreach (var failure in failures)
        {
            _output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"booking_dev {passed}/{lines.Count}:\n" + string.Join("\n", failures));
    }

    private static async Task<string?> PlayAsync(JObject conversation)
    {
        using var bot = new BookingTestBot();
        var transcript = new List<string>();
        foreach (var turn in conversation["turns"]!.Values<string>())
        {
            transcript.Add("user: " + turn);
            var replies = await bot.SayAsync(turn!);
            transcript.AddRange(replies.OfType<IMessageActivity>().Select(r => "bot: " + r.Text + (r.Attachments?.Count > 0 ? " [card]" : string.Empty)));
        }

        var expect = (JObject)conversation["expect"]!;
        var bookings = await bot.BookingsAsync();
        var outcome = (string)expect["outcome"]!;
        string? problem = null;
        if (outcome == "booked")
        {
            problem = bookings.Count != 1 ? $"expected one booking, found {bookings.Count}" : CompareBooking(bookings[0], expect);
        }
        else if (bookings.Count != 0)
        {
            problem = $"expected no booking ({outcome}), found {bookings.Count}";
        }
        else if (outcome == "cancelled" && bot.LastResult?.Result is not BookingResult { Outcome: BookingOutcome.Cancelled })
        {
            problem = "expected the booking to be cancelled";
        }

        return problem is null ? null : problem + "\n    " + string.Join("\n    ", transcript);
    }

    private static string? CompareBooking(BookingRecord booking, JObject expect)
    {
        var problems = new List<string>();
        if (booking.Name != (string?)expect["name"])
        {
            problems.Add($"name '{booking.Name}'");
        }

        if (booking.PhoneE164 != (string?)expect["phone_e164"])
        {
            problems.Add($"phone {booking.PhoneE164}");
        }

        if (booking.Email != (string?)expect["email"])
        {
            problems.Add($"email '{booking.Email}'");
        }

        var local = TimeZoneInfo.ConvertTime(booking.Callback, CallbackFormat.ClinicZone);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.Hour < 9 || local.TimeOfDay > TimeSpan.FromHours(17) || booking.Callback <= BookingTestBot.DefaultNow)
        {
            problems.Add($"callback {local:ddd yyyy-MM-dd HH:mm} outside business hours or not in the future");
        }

        var preferred = ((string?)expect["preferred"] ?? string.Empty).ToLowerInvariant();
        var days = Weekday().Matches(preferred).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (days.Count == 1 && !local.DayOfWeek.ToString().StartsWith(days[0], StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"callback on {local.DayOfWeek}, preferred '{preferred}'");
        }

        if (preferred.Contains("morning") && local.Hour >= 12)
        {
            problems.Add($"callback at {local:HH:mm}, preferred '{preferred}'");
        }

        if (preferred.Contains("afternoon") && local.Hour < 12)
        {
            problems.Add($"callback at {local:HH:mm}, preferred '{preferred}'");
        }

        return problems.Count == 0 ? null : string.Join(", ", problems);
    }

    [GeneratedRegex(@"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")]
    private static partial Regex Weekday();
}
