namespace ClinicBot.Channels.DirectLine.WebChat;

/// <summary>Settings of the "WebChat" configuration section (the pages that host the chat).</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// Sites allowed to show the chat launcher's frame (CSP frame-ancestors of /embed.html). Only this app by
    /// default; add the clinic's own site in production, e.g. "'self' https://www.example-clinic.com".
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";
}
