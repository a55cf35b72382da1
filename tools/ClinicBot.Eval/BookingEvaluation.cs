using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicBot.Booking.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Eval;

/// <summary>`booking FILE --out RESULTS`: each line's turns as one fresh conversation, then what the bookings store holds.</summary>
public static class BookingEvaluation
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static async Task<int> RunAsync(string inputPath, string outputPath, DateTimeOffset now)
    {
        var lines = JsonLines.Read(inputPath);
        using var host = new EvalBotHost(now);
        var store = host.Services.GetRequiredService<IBookingStore>();
        var failures = new List<string>();
        var passed = 0;
        var labelled = 0;

        await using var output = new StreamWriter(outputPath);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var conversationId = $"eval-booking-{index}";
            var before = (await store.ListAsync(CancellationToken.None)).Count;
            foreach (var turn in (line["turns"] as JsonArray ?? []).Select(node => (string?)node ?? ""))
            {
                await host.SendAsync(conversationId, turn);
            }

            var created = (await store.ListAsync(CancellationToken.None)).Skip(before).ToList();
            var booking = created.LastOrDefault();
            var result = new JsonObject
            {
                ["booked"] = booking is not null,
                ["name"] = booking?.Name,
                ["phone_e164"] = booking?.PhoneE164,
                ["email"] = booking?.Email,
                ["callback"] = booking?.Callback.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            };
            await output.WriteLineAsync(result.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

            if (line["expect"] is JsonObject expect)
            {
                labelled++;
                var problem = Check(expect, created);
                if (problem is null)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"  #{index + 1}: {problem}  turns: {string.Join(" | ", (line["turns"] as JsonArray ?? []).Select(node => (string?)node))}");
                }
            }
        }

        if (labelled > 0)
        {
            Console.WriteLine($"failures ({failures.Count}):");
            failures.ForEach(Console.WriteLine);
            Console.WriteLine($"booking: {passed}/{labelled}");
        }
        else
        {
            Console.WriteLine($"wrote {lines.Count} results to {outputPath}");
        }

        return 0;
    }

    private static string? Check(JsonObject expect, IReadOnlyList<BookingRecord> created)
    {
        var outcome = (string?)expect["outcome"];
        if (outcome != "booked")
        {
            return created.Count == 0 ? null : $"expected {outcome} with no booking, but {created.Count} booking(s) were saved";
        }

        if (created.Count != 1)
        {
            return $"expected exactly one booking, got {created.Count}";
        }

        var booking = created[0];
        if (booking.Name != (string?)expect["name"])
        {
            return $"name '{booking.Name}' != '{(string?)expect["name"]}'";
        }

        if (booking.PhoneE164 != (string?)expect["phone_e164"])
        {
            return $"phone {booking.PhoneE164} != {(string?)expect["phone_e164"]}";
        }

        if (booking.Email != (string?)expect["email"])
        {
            return $"email '{booking.Email}' != '{(string?)expect["email"]}'";
        }

        var local = TimeZoneInfo.ConvertTime(booking.Callback, Chicago);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.TimeOfDay < TimeSpan.FromHours(9) || local.TimeOfDay >= TimeSpan.FromHours(17))
        {
            return $"callback {local:ddd yyyy-MM-dd HH:mm} is outside Mon–Fri 9:00–17:00 Chicago";
        }

        return PreferenceProblem((string?)expect["preferred"] ?? "", local);
    }

    /// <summary>A light check that the saved time honours the words of the preference (weekday, part of day).</summary>
    private static string? PreferenceProblem(string preferred, DateTimeOffset local)
    {
        var words = preferred.ToLowerInvariant();
        var namedDays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Where(day => words.Contains(day.ToString().ToLowerInvariant()))
            .ToList();
        if (namedDays.Count > 0 && !namedDays.Contains(local.DayOfWeek))
        {
            return $"preferred '{preferred}' but callback is on {local:dddd}";
        }

        if (words.Contains("morning") && local.Hour >= 12)
        {
            return $"preferred '{preferred}' but callback is at {local:HH:mm}";
        }

        if (words.Contains("afternoon") && local.Hour < 12)
        {
            return $"preferred '{preferred}' but callback is at {local:HH:mm}";
        }

        return null;
    }
}
