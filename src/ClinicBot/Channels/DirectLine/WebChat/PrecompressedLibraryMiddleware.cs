using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ClinicBot.Channels.DirectLine.WebChat;

/// <summary>
/// Serves vendored client libraries under /lib/{name}/{version}/ from wwwroot: the committed .br or
/// .gz copy when the browser accepts it (with Content-Encoding), and since the path carries the
/// version, a year of immutable caching. It answers before any endpoint (e.g. MapStaticAssets) would.
/// </summary>
public sealed class PrecompressedLibraryMiddleware(RequestDelegate next, IWebHostEnvironment environment)
{
    public const string CacheControl = "public, max-age=31536000, immutable";
    private static readonly PathString LibraryRoot = "/lib";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(LibraryRoot))
        {
            await next(context);
            return;
        }

        var files = environment.WebRootFileProvider;
        var path = request.Path.Value!;
        var original = files.GetFileInfo(path);
        if (!original.Exists || original.IsDirectory || path.EndsWith(".br", StringComparison.Ordinal) || path.EndsWith(".gz", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var (file, encoding) = ChooseEncoding(request, files, path, original);
        var response = context.Response;
        response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (type is not null && type.StartsWith("text/", StringComparison.Ordinal))
        {
            response.ContentType += "; charset=utf-8";
        }

        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        await response.SendFileAsync(file, context.RequestAborted);
    }

    private static (Microsoft.Extensions.FileProviders.IFileInfo File, string? Encoding) ChooseEncoding(
        HttpRequest request, Microsoft.Extensions.FileProviders.IFileProvider files, string path,
        Microsoft.Extensions.FileProviders.IFileInfo original)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            var acceptable = accepted.Any(value =>
                (value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) || value.Value == "*")
                && (value.Quality ?? 1) > 0);
            if (!acceptable)
            {
                continue;
            }

            var compressed = files.GetFileInfo(path + suffix);
            if (compressed.Exists)
            {
                return (compressed, encoding);
            }
        }

        return (original, null);
    }
}
