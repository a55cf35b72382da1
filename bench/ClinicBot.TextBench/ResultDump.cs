using System.Globalization;
using System.Text;
using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Understanding;
using ClinicBot.Knowledge;

namespace ClinicBot.TextBench;

/// <summary>
/// Writes every result the measured code gives for every message (crisis verdict, understanding, confident-question
/// check, booking command, and a booking read at every step), one line each, so two builds can be diffed.
/// </summary>
internal static class ResultDump
{
    private static readonly string[] Zones = ["", "America/Los_Angeles"];

    public static void Write(string path, ClinicKnowledge knowledge, IEnumerable<string> texts)
    {
        var reader = new BookingMessageReader();
        var commands = new BookingCommandRecognizer();
        var output = new StringBuilder();
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            output.Append("text ").AppendLine(text.ReplaceLineEndings(" "));
            output.Append("  crisis ").AppendLine(knowledge.CheckCrisis(text).Severity ?? "-");
            var understanding = knowledge.Understand(text);
            output.Append("  topics ").AppendLine(Describe(understanding));
            output.Append("  confident ").AppendLine(knowledge.IsConfidentQuestion(text, out _).ToString());
            output.Append("  command ").AppendLine(commands.Recognize(text).ToString());
            foreach (var zone in Zones)
            {
                var userZone = zone.Length == 0 ? null : zone;
                output.Append("  all").Append(zone).Append(' ').AppendLine(Describe(reader.ReadAll(text, Workloads.Now, userZone)));
                foreach (var step in Enum.GetValues<BookingStep>())
                {
                    var answer = reader.Read(step, text, null, Workloads.Now, userZone, []);
                    output.Append("  ").Append(step).Append(zone).Append(' ').AppendLine(Describe(answer));
                }
            }
        }
        File.WriteAllText(path, output.ToString());
    }

    private static string Describe(Understanding u) =>
        string.Join(",", u.Topics) + $" crisis={u.IsCrisis}/{u.CrisisSeverity} evidence={u.Evidence}" +
        (u.Moment is { } m ? $" moment=[{string.Join(",", m.Days)}] {m.Time?.ToString("HH:mm", CultureInfo.InvariantCulture)} evening={m.Evening} holiday={m.Holiday}" : "");

    private static string Describe(BookingAnswer a) => string.Join(" ",
        $"name={a.Name}", $"phone={a.PhoneE164}", $"email={a.Email}", $"skip={a.EmailSkipped}", $"callback={Format(a.Callback)}",
        $"problem={a.Problem}", $"outcome={a.CallbackOutcome}", $"asked={Format(a.AskedTime)}",
        $"alternatives={string.Join(",", a.Alternatives.Select(t => Format(t)))}", $"confirm={a.Confirmation}",
        $"field={a.FieldToChange}", $"single={a.SingleName}", $"usable={a.IsUsable}", $"about={a.IsAboutTheStep}");

    private static string Format(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture) ?? "";
}
