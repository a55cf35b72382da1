using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine.WebChat;

/// <summary>
/// The pages' Content-Security-Policy: scripts only from this app (no inline scripts), inline styles
/// because Web Chat injects them, and connections only to this app (plus Azure Direct Line in
/// production mode). The chat frame may be embedded by the configured sites; other pages by none.
/// </summary>
public sealed class ContentSecurityPolicy(IOptions<DirectLineOptions> directLine, IOptions<WebChatOptions> webChat)
{
    public string For(bool embeddable)
    {
        var connect = "'self'";
        if (directLine.Value.UsesAzure && Uri.TryCreate(directLine.Value.Endpoint, UriKind.Absolute, out var azure))
        {
            connect += " " + azure.GetLeftPart(UriPartial.Authority);
        }

        var ancestors = embeddable ? webChat.Value.FrameAncestors : "'self'";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + $"connect-src {connect}; font-src 'self'; media-src 'none'; object-src 'none'; base-uri 'self'; "
            + $"form-action 'self'; frame-src 'self'; frame-ancestors {ancestors}";
    }
}
