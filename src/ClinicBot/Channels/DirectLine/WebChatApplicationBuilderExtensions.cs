using ClinicBot.Channels.DirectLine.WebChat;
using Microsoft.AspNetCore.StaticFiles;

namespace ClinicBot.Channels.DirectLine;

public static class WebChatApplicationBuilderExtensions
{
    /// <summary>
    /// Serves the chat pages from wwwroot with the clinic's facts from clinic.json filled in ("/" the clinic page, "/embed.html" the launcher's frame,
    /// "/widget.js" the launcher) with their CSP, and Web Chat itself pre-compressed and cached for a year.
    /// </summary>
    public static WebApplication UseClinicWebChat(this WebApplication app)
    {
        app.UseMiddleware<WebChatPagesMiddleware>();
        app.UseMiddleware<PrecompressedLibraryMiddleware>();
        app.UseMiddleware<ChatPagesMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                    ? "no-cache"
                    : "public, max-age=3600";
            },
        });
        return app;
    }
}
