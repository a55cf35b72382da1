using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Booking.Conversations;

/// <summary>
/// The team's own scripted booking conversations (booking-suite.jsonl beside this file), in the format of
/// shared/eval/booking_dev.jsonl plus an id, a kind and, optionally, words the bot's replies must contain
/// ("mentions": an extension kept, a corrected domain, a holiday).
/// </summary>
public static class BookingSuite
{
    public static string FilePath => RepositoryRoot.Combine("tests", "ClinicBot.Functional.Tests", "Booking", "Conversations", "booking-suite.jsonl");

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<SuiteConversation> Load() =>
        File.ReadLines(FilePath)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<SuiteConversation>(line, Options)!)
            .ToList();
}

public sealed record SuiteConversation(string Id, string Kind, List<string> Turns, SuiteExpectation Expect, List<string>? Mentions = null);

public sealed record SuiteExpectation(
    string? Name,
    [property: JsonPropertyName("phone_e164")] string? PhoneE164,
    string? Email,
    string? Preferred,
    string Outcome);
