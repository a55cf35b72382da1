using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Teams;

public partial class ManifestTests
{
    private static readonly string[] RequiredCommands = ["Hours", "Location", "How it works", "Book a free call", "Help"];
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    private readonly JsonObject _manifest = ManifestTemplate.RenderSample();

    [Fact]
    public void Template_is_json_before_rendering_and_has_only_the_placeholders_the_script_fills()
    {
        var template = ManifestTemplate.ReadTemplate();
        Assert.NotNull(JsonNode.Parse(template)); // placeholders sit inside strings

        var script = File.ReadAllText(RepositoryRoot.Combine("tools", "teams-package.sh"));
        var filledByScript = ManifestTemplate.Placeholders(script);
        var inTemplate = ManifestTemplate.Placeholders(template);

        Assert.Equal(inTemplate.Order(), filledByScript.Order());
        Assert.Contains("BOT_ID", inTemplate);
        Assert.Contains("APP_VERSION", inTemplate);
    }

    [Fact]
    public void Manifest_version_and_schema_url_are_1_19()
    {
        Assert.Equal(TeamsManifestSchema.ManifestVersion, (string?)_manifest["manifestVersion"]);
        Assert.EndsWith("/v1.19/MicrosoftTeams.schema.json", (string?)_manifest["$schema"]);
    }

    [Fact]
    public void App_id_bot_id_and_version_come_from_the_rendered_values()
    {
        Assert.Equal(ManifestTemplate.SampleBotId, (string?)_manifest["id"]);
        Assert.Equal(ManifestTemplate.SampleBotId, (string?)_manifest["bots"]![0]!["botId"]);
        Assert.Equal(ManifestTemplate.SampleVersion, (string?)_manifest["version"]);
        Assert.Matches(GuidPattern(), (string)_manifest["id"]!);
    }

    [Fact]
    public void Developer_has_a_short_name_and_https_links()
    {
        var developer = _manifest["developer"]!.AsObject();
        var name = (string)developer["name"]!;
        Assert.InRange(name.Length, 1, 32);
        foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var url = (string)developer[key]!;
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https", $"{key} '{url}' is not an https URL");
        }
    }

    [Fact]
    public void Names_and_descriptions_fit_the_limits()
    {
        AssertLength("name.short", 1, 30);
        AssertLength("name.full", 1, 100);
        AssertLength("description.short", 1, 80);
        AssertLength("description.full", 1, 4000);
    }

    [Fact]
    public void Description_says_it_is_automated_not_for_emergencies_and_makes_no_medical_claims()
    {
        var text = DescriptionText();
        Assert.Contains("automated", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not for emergencies", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("911", text);
        Assert.Contains("988", text);
        Assert.Contains("832-899-4065", text);
        foreach (var claim in new[] { "FDA", "approved", "cure", "guarantee", "safe and effective", "100%" })
        {
            Assert.DoesNotContain(claim, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_number_in_the_texts_is_from_the_clinic_page_or_an_emergency_number()
    {
        var page = ClinicPage.Text;
        var pageNumbers = NumberPattern().Matches(page).Select(m => m.Value).ToHashSet();
        pageNumbers.UnionWith(["911", "988"]);

        var unknown = NumberPattern().Matches($"{DescriptionText()} {_manifest["name"]!["short"]} {_manifest["name"]!["full"]}")
            .Select(m => m.Value)
            .Where(n => !pageNumbers.Contains(n))
            .ToList();

        Assert.True(unknown.Count == 0, $"numbers not on the clinic page: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Icons_are_named_and_accent_color_is_a_hex_colour()
    {
        Assert.Equal("color.png", (string?)_manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)_manifest["icons"]!["outline"]);
        Assert.Matches(HexColorPattern(), (string)_manifest["accentColor"]!);
    }

    [Fact]
    public void There_is_one_bot_in_personal_team_and_group_chat_scopes()
    {
        var bots = _manifest["bots"]!.AsArray();
        var bot = Assert.Single(bots)!;
        Assert.Equal(BotScopes.Order(), bot["scopes"]!.AsArray().Select(s => (string)s!).Order());
        Assert.False((bool?)bot["isNotificationOnly"] ?? false);
    }

    [Fact]
    public void Command_lists_fit_the_limits_and_cover_every_scope_with_the_five_commands()
    {
        var bot = _manifest["bots"]![0]!;
        var botScopes = bot["scopes"]!.AsArray().Select(s => (string)s!).ToHashSet();
        var lists = bot["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);

        var coveredScopes = new List<string>();
        foreach (var list in lists)
        {
            var scopes = list!["scopes"]!.AsArray().Select(s => (string)s!).ToList();
            Assert.Subset(botScopes, scopes.ToHashSet());
            coveredScopes.AddRange(scopes);

            var commands = list["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            foreach (var command in commands)
            {
                Assert.InRange(((string)command!["title"]!).Length, 1, 32);
                Assert.InRange(((string)command["description"]!).Length, 1, 128);
            }

            var titles = commands.Select(c => (string)c!["title"]!).ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var required in RequiredCommands)
            {
                Assert.Contains(titles, t => string.Equals(t, required, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.Equal(botScopes.Order(), coveredScopes.Order()); // each scope in exactly one list
    }

    [Fact]
    public void Valid_domains_are_bare_host_names()
    {
        var domains = _manifest["validDomains"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.InRange(domains.Count, 0, 16);
        Assert.Contains(ManifestTemplate.SampleValues["BOT_DOMAIN"], domains);
        foreach (var domain in domains)
        {
            Assert.Matches(HostNamePattern(), domain);
        }
    }

    [Fact]
    public void Color_icon_is_a_192_pixel_png_on_the_accent_colour_with_a_glyph()
    {
        var icon = PngImage.Read(Path.Combine(ManifestTemplate.AppPackageDirectory, "color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        var accent = Convert.FromHexString(((string)_manifest["accentColor"]!)[1..]);
        var corner = icon.Pixel(0, 0);
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), (corner.R, corner.G, corner.B, corner.A));
        var white = icon.Pixels().Count(p => p.Color.IsWhite);
        Assert.InRange(white, 192 * 192 / 20, 192 * 192 / 2); // a visible glyph, not a blank or white tile
    }

    [Fact]
    public void Accent_colour_is_the_clinic_pages_brand_colour()
    {
        var css = File.ReadAllText(RepositoryRoot.Combine("src", "ClinicBot", "wwwroot", "css", "site.css"));
        var brand = BrandProperty().Match(css);
        Assert.True(brand.Success, "site.css defines --brand");
        Assert.Equal(brand.Groups[1].Value, (string)_manifest["accentColor"]!, ignoreCase: true);
    }

    [Fact]
    public void Outline_icon_is_a_32_pixel_png_with_only_white_or_transparent_pixels()
    {
        var icon = PngImage.Read(Path.Combine(ManifestTemplate.AppPackageDirectory, "outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlpha, $"outline.png has no alpha channel (colour type {icon.ColorType})");
        var offending = icon.Pixels().Where(p => p.Color.A != 0 && !p.Color.IsWhite).Take(5).ToList();
        Assert.True(offending.Count == 0, $"non-white visible pixels, e.g. {string.Join("; ", offending)}");
        Assert.Equal(0, icon.Pixel(0, 0).A); // transparent background
        Assert.InRange(icon.Pixels().Count(p => p.Color.A == 255), 32, 32 * 32 / 2);
    }

    private void AssertLength(string dottedPath, int min, int max)
    {
        var parts = dottedPath.Split('.');
        var value = (string)_manifest[parts[0]]![parts[1]]!;
        Assert.True(value.Length >= min && value.Length <= max, $"{dottedPath} has {value.Length} characters; allowed {min}..{max}");
    }

    private string DescriptionText() =>
        $"{_manifest["description"]!["short"]} {_manifest["description"]!["full"]}";

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColorPattern();

    [GeneratedRegex(@"^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex HostNamePattern();

    [GeneratedRegex(@"--brand:\s*(#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex BrandProperty();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
