namespace ClinicBot.Notifications;

/// <summary>Settings under Staff:Notify. Notifications are on only when SmtpHost is set.</summary>
public sealed class SmtpNotifyOptions
{
    public const string SectionName = "Staff:Notify";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool UseSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "clinicbot@localhost";

    /// <summary>Comma-separated recipient addresses.</summary>
    public string To { get; set; } = string.Empty;

    /// <summary>The public address of the app, used for the link to the staff pages (e.g. https://bot.example.org).</summary>
    public string BaseUrl { get; set; } = string.Empty;
}
