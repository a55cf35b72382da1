using System.Text.Json;
using ClinicBot.Booking;

namespace ClinicBot.TextBench;

/// <summary>One booking message and the question pending when it arrives (null: the message that starts the booking).</summary>
internal sealed record BookingTurn(BookingStep? Step, string Text);

/// <summary>
/// The messages to measure: every turn of the load benchmark's conversations (bench/ClinicBot.Bench/conversations.json)
/// and of the eval sets (dev.jsonl texts, booking_dev.jsonl turns). Booking conversations are read in the order the
/// bot asks: name, phone, email, callback time, confirmation.
/// </summary>
internal sealed class MessageSet
{
    private static readonly BookingStep[] AskedInOrder =
        [BookingStep.Name, BookingStep.Phone, BookingStep.Email, BookingStep.CallbackTime, BookingStep.Confirm];

    public List<string> Questions { get; } = [];

    public List<BookingTurn> BookingTurns { get; } = [];

    /// <summary>Extra texts (one a line) used only for the result dump, not for timing.</summary>
    public List<string> Extra { get; } = [];

    public IEnumerable<string> AllTexts => Questions.Concat(BookingTurns.Select(t => t.Text));

    public static MessageSet Load(string repositoryRoot, TextBenchOptions options)
    {
        var set = new MessageSet();
        using (var bench = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "bench", "ClinicBot.Bench", "conversations.json"))))
        {
            foreach (var conversation in bench.RootElement.GetProperty("conversations").EnumerateArray())
            {
                var turns = conversation.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToList();
                if (conversation.GetProperty("kind").GetString() == "booking") set.AddBooking(turns);
                else set.Questions.AddRange(turns);
            }
        }

        var dev = Path.Combine(options.EvalDirectory, "dev.jsonl");
        var bookingDev = Path.Combine(options.EvalDirectory, "booking_dev.jsonl");
        if (!File.Exists(dev) || !File.Exists(bookingDev))
        {
            throw new FileNotFoundException($"Eval sets not found in {options.EvalDirectory} (use --eval DIR).");
        }
        foreach (var line in ReadJsonLines(dev)) set.Questions.Add(line.GetProperty("text").GetString()!);
        foreach (var line in ReadJsonLines(bookingDev))
        {
            set.AddBooking(line.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToList());
        }

        if (options.ExtraTextsFile is { } extra)
        {
            set.Extra.AddRange(File.ReadAllLines(extra).Where(l => l.Length > 0));
        }
        return set;
    }

    private void AddBooking(List<string> turns)
    {
        for (var i = 0; i < turns.Count; i++)
        {
            BookingStep? step = i == 0 ? null : AskedInOrder[Math.Min(i - 1, AskedInOrder.Length - 1)];
            BookingTurns.Add(new BookingTurn(step, turns[i]));
        }
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement);
}
