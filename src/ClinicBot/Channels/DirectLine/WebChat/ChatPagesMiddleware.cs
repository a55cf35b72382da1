using System.Collections.Concurrent;
using ClinicBot.Knowledge;

namespace ClinicBot.Channels.DirectLine.WebChat;

/// <summary>
/// Serves the clinic page and the launcher's frame with the clinic's facts filled in (<see cref="ChatPageFacts"/>).
/// Each page is read and filled once; other files are left to the static file middleware.
/// </summary>
public sealed class ChatPagesMiddleware(RequestDelegate next, IWebHostEnvironment environment, ClinicKnowledge knowledge)
{
    private static readonly Dictionary<string, string> PageFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = "index.html",
        ["/index.html"] = "index.html",
        [WebChatPagesMiddleware.EmbedPage] = "embed.html",
    };

    private readonly ConcurrentDictionary<string, string?> _filled = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && PageFiles.TryGetValue(request.Path.Value ?? string.Empty, out var fileName)
            && _filled.GetOrAdd(fileName, Fill) is { } html)
        {
            var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            if (HttpMethods.IsGet(request.Method))
            {
                await response.WriteAsync(html, context.RequestAborted);
            }

            return;
        }

        await next(context);
    }

    private string? Fill(string fileName)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(fileName);
        if (!file.Exists) return null;
        using var reader = new StreamReader(file.CreateReadStream());
        return ChatPageFacts.Fill(reader.ReadToEnd(), knowledge.Facts);
    }
}
