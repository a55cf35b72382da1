using System.Text.Json;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Booking.Fields;

/// <summary>
/// The scripted booking conversations in shared/eval/booking_dev.jsonl, found beside the repository
/// (&lt;repo&gt;/../shared/eval) or beside any folder above it (worktrees live one level deeper).
/// </summary>
internal static class BookingDevSet
{
    public const string FileName = "booking_dev.jsonl";

    public const string RelativePath = "eval/" + FileName;

    public static string? FilePath { get; } = SharedFolder.Find(RelativePath);

    public static IReadOnlyList<Conversation> Load() =>
        File.ReadLines(FilePath ?? throw new InvalidOperationException($"{FileName} not found"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<Conversation>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
            .ToList();

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
            Skip = SharedFolder.MissingReason(BookingDevSet.RelativePath);
        }
    }
}
