using System.Net;
using System.Text.RegularExpressions;
using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Widget;

/// <summary>The chat pages and launcher: CSP, no inline scripts, nothing from third parties, small launcher.</summary>
public sealed partial class ChatPageTests : IClassFixture<DefaultClinicBotApp>
{
    private const int MaxLauncherBytes = 10 * 1024;
    private readonly DefaultClinicBotApp _app;

    public ChatPageTests(DefaultClinicBotApp app) => _app = app;

    [Fact]
    public async Task The_home_page_shows_the_clinic_and_hosts_the_chat_under_a_strict_csp()
    {
        var response = await _app.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ketamine Infusion Therapy", html);
        Assert.Contains("Houston &amp; Sugar Land", html);
        Assert.Contains("136 Eldridge Road, Suite A", html);
        Assert.Contains("Sugar Land, TX 77478", html);
        Assert.Contains("9:00 AM – 5:00 PM", html);
        Assert.Contains("832-899-4065", html);
        Assert.Contains("Book a FREE Call", html);
        Assert.Contains("id=\"webchat\"", html);

        var csp = Csp(response);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.Contains("img-src 'self' data:", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.EndsWith("frame-ancestors 'self'", csp);
    }

    [Fact]
    public async Task By_default_only_the_app_itself_may_frame_the_launcher()
    {
        var response = await _app.CreateClient().GetAsync("/embed.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("frame-ancestors 'self'", Csp(response));
    }

    [Fact]
    public async Task The_launcher_frame_may_be_embedded_by_the_configured_sites()
    {
        using var app = new DirectLineAppFactory(settings: new Dictionary<string, string?>
        {
            ["WebChat:FrameAncestors"] = "https://clinic.example",
        });
        var response = await app.CreateClient().GetAsync("/embed.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("frame-ancestors https://clinic.example", Csp(response));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task The_launcher_script_is_small_and_served_as_javascript()
    {
        var response = await _app.CreateClient().GetAsync("/widget.js");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.InRange(bytes.Length, 1, MaxLauncherBytes);
    }

    [Fact]
    public void No_page_has_an_inline_script_or_loads_anything_from_another_site()
    {
        var pages = Directory.GetFiles(WebChatAssetTests.WebRoot, "*.html");
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            foreach (Match script in ScriptTag().Matches(html))
            {
                Assert.True(script.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal), $"{Path.GetFileName(page)} has an inline script");
                Assert.True(string.IsNullOrWhiteSpace(script.Groups["body"].Value), $"{Path.GetFileName(page)} has an inline script");
            }

            Assert.DoesNotMatch(InlineHandler(), html);
            Assert.DoesNotMatch(ExternalResource(), html);
        }

        foreach (var own in Directory.GetFiles(Path.Combine(WebChatAssetTests.WebRoot, "css")).Concat(Directory.GetFiles(Path.Combine(WebChatAssetTests.WebRoot, "js"))))
        {
            Assert.DoesNotMatch(ExternalUrl(), File.ReadAllText(own));
        }
    }

    private static string Csp(HttpResponseMessage response) =>
        string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex(@"url\(\s*['""]?(https?:)?//|@import|https?://(?!www\.w3\.org/2000/svg)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
