using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ClinicBot.Notifications;

/// <summary>Emails "New booking request KB-XXXXX" and a link to /staff; no patient details.</summary>
public sealed class SmtpBookingNotifier(IOptions<SmtpNotifyOptions> options) : IBookingNotifier
{
    public async Task NotifyNewBookingAsync(string reference, CancellationToken ct)
    {
        var settings = options.Value;
        var recipients = settings.To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(settings.SmtpHost) || recipients.Length == 0)
        {
            return;
        }

        using var message = new MailMessage { From = new MailAddress(settings.From), Subject = $"New booking request {reference}" };
        foreach (var recipient in recipients)
        {
            message.To.Add(recipient);
        }

        message.Body = $"New booking request {reference}.\r\n\r\nOpen {settings.BaseUrl.TrimEnd('/')}/staff to see it.\r\n";
        // Plain 7-bit text when possible, so the message reads as written in any mail tool.
        message.BodyTransferEncoding = System.Text.Ascii.IsValid(message.Body) ? System.Net.Mime.TransferEncoding.SevenBit : System.Net.Mime.TransferEncoding.Base64;

        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.UseSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        await client.SendMailAsync(message, ct).ConfigureAwait(false);
    }
}
