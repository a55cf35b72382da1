using System.Globalization;

namespace ClinicBot.Knowledge;

/// <summary>Opening and closing time of one weekday, local clinic time.</summary>
public sealed record DailyHours(TimeOnly Open, TimeOnly Close)
{
    public bool Contains(TimeOnly time) => time >= Open && time < Close;

    public string OpenText => Format(Open);
    public string CloseText => Format(Close);
    public override string ToString() => $"{OpenText} – {CloseText}";

    /// <summary>Formats a time the way the clinic's page writes it: "9:00 AM".</summary>
    public static string Format(TimeOnly time) => time.ToString("h:mm tt", CultureInfo.InvariantCulture);

    public static TimeOnly Parse(string text) =>
        TimeOnly.ParseExact(text.Trim(), ["h:mm tt", "hh:mm tt", "H:mm", "HH:mm"], CultureInfo.InvariantCulture);
}
