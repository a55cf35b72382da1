namespace ClinicBot.Channels.DirectLine.WebChat;

/// <summary>
/// Security and caching headers for the chat pages and their own scripts and styles: the CSP on every
/// HTML page, short caching for unversioned files (the launcher snippet's URL never changes).
/// </summary>
public sealed class WebChatPagesMiddleware(RequestDelegate next, ContentSecurityPolicy policy)
{
    public const string EmbedPage = "/embed.html";

    public Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var contentType = response.ContentType ?? string.Empty;
            if (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                var embeddable = context.Request.Path.Equals(EmbedPage, StringComparison.OrdinalIgnoreCase);
                response.Headers.ContentSecurityPolicy = policy.For(embeddable);
                response.Headers.XContentTypeOptions = "nosniff";
                response.Headers["Referrer-Policy"] = "no-referrer";
                if (!embeddable)
                {
                    response.Headers.XFrameOptions = "SAMEORIGIN";
                }
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
