using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Widget;

/// <summary>The vendored Web Chat bundle: pinned, licensed, pre-compressed and cached for a year.</summary>
public sealed class WebChatAssetTests : IClassFixture<DefaultClinicBotApp>
{
    public const string WebChatVersion = "4.18.1";
    public const string WebChatPath = "/lib/botframework-webchat/" + WebChatVersion + "/webchat.js";
    private const long MaxCompressedBytes = 1024 * 1024;
    private readonly DefaultClinicBotApp _app;

    public WebChatAssetTests(DefaultClinicBotApp app) => _app = app;

    public static string WebRoot => RepositoryRoot.Combine("src", "ClinicBot", "wwwroot");

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task Web_chat_is_served_precompressed_with_long_lived_caching(string acceptEncoding, string expectedEncoding)
    {
        var http = _app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, WebChatPath);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedEncoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.StartsWith("text/javascript", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.LongLength, 1, MaxCompressedBytes);
        Assert.Equal(File.ReadAllBytes(Path.Combine(WebRoot, WebChatPath.TrimStart('/'))), Decompress(bytes, expectedEncoding));
    }

    [Fact]
    public async Task Without_accept_encoding_the_plain_file_is_served()
    {
        var http = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, WebChatPath);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        var response = await http.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(new FileInfo(Path.Combine(WebRoot, WebChatPath.TrimStart('/'))).Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public void The_vendored_bundle_is_the_pinned_full_build_with_its_license_and_checksum()
    {
        var folder = Path.Combine(WebRoot, "lib", "botframework-webchat", WebChatVersion);
        var script = File.ReadAllBytes(Path.Combine(folder, "webchat.js"));
        var checksum = File.ReadAllText(Path.Combine(folder, "webchat.js.sha256")).Split(' ')[0];

        Assert.Equal(checksum, Convert.ToHexStringLower(SHA256.HashData(script)));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(folder, "LICENSE")));
        Assert.True(File.Exists(Path.Combine(folder, "webchat.js.LICENSE.txt")));
        var text = System.Text.Encoding.UTF8.GetString(script);
        Assert.Contains(WebChatVersion, text);
        Assert.Contains("AdaptiveCard", text); // the full build carries the Adaptive Card renderer
        Assert.InRange(new FileInfo(Path.Combine(folder, "webchat.js.gz")).Length, 1, MaxCompressedBytes);
        Assert.InRange(new FileInfo(Path.Combine(folder, "webchat.js.br")).Length, 1, MaxCompressedBytes);
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
