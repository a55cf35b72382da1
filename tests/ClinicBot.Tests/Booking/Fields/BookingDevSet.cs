using System.Text.Json;

namespace ClinicBot.Tests.Booking.Fields;

/// <summary>
/// The scripted booking conversations in shared/eval/booking_dev.jsonl, found beside the repository
/// (&lt;repo&gt;/../shared/eval) or beside any folder above it (worktrees live one level deeper).
/// </summary>
internal static class BookingDevSet
{
    public const string FileName = "booking_dev.jsonl";

    public static string? FilePath { get; } = Find();

    public static IReadOnlyList<Conversation> Load() =>
        File.ReadLines(FilePath ?? throw new InvalidOperationException($"{FileName} not found"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<Conversation>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
            .ToList();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public sealed record Conversation(List<string> Turns, Expectation Expect);

    public sealed record Expectation(
        string? Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("phone_e164")] string? PhoneE164,
        string? Email,
        string? Preferred,
        string Outcome);
}

/// <summary>A fact that is skipped, with the reason, when the development set is not present on this machine.</summary>
public sealed class BookingDevSetFactAttribute : FactAttribute
{
    public BookingDevSetFactAttribute()
    {
        if (BookingDevSet.FilePath is null)
        {
            Skip = $"{BookingDevSet.FileName} not found in shared/eval beside the repository or any folder above it";
        }
    }
}
