using Xunit.Abstractions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Teams;

public sealed class CardFilesTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("clinicbot-cards-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Every_card_json_in_src_and_dialogs_is_teams_compatible()
    {
        var files = CardFiles.Find(RepositoryRoot.Path);
        if (files.Count == 0)
        {
            output.WriteLine("No Adaptive Card JSON files under src/ or dialogs/ yet (looked for *card*.json and */Cards/*.json); nothing to check.");
            return;
        }

        var problems = new List<string>();
        foreach (var check in files.Select(CardFiles.Check))
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, check.Path);
            output.WriteLine(check.CardCount == 0
                ? $"{relative}: no Adaptive Card in this file (not checked)"
                : $"{relative}: {check.CardCount} card(s), {check.Violations.Count} violation(s)");
            problems.AddRange(check.Violations.Select(v => $"{relative}: {v}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("src/ClinicBot/Cards/welcome.json", true)]
    [InlineData("src/ClinicBot/cards/nested/hours.json", true)]
    [InlineData("dialogs/ClinicBot.Dialogs/Booking/BookingConfirmationCard.json", true)]
    [InlineData("src/ClinicBot/Resources/welcome-card.template.json", true)]
    [InlineData("src/ClinicBot/appsettings.json", false)]
    [InlineData("src/ClinicBot/Cards/welcome.md", false)]
    [InlineData("src/ClinicBot/bin/Debug/net10.0/Cards/welcome.json", false)]
    [InlineData("src/ClinicBot/obj/welcomeCard.json", false)]
    public void Card_files_are_recognised_by_name_or_folder(string relativePath, bool expected)
    {
        Assert.Equal(expected, CardFiles.IsCardFile(relativePath));
    }

    [Fact]
    public void Find_picks_up_card_files_added_anywhere_under_src_and_dialogs()
    {
        Write("src/App/Cards/welcome.json", """{ "type": "AdaptiveCard", "version": "1.5" }""");
        Write("dialogs/Flow/BookingCard.json", """{ "type": "AdaptiveCard", "version": "1.5" }""");
        Write("src/App/appsettings.json", "{}");
        Write("tools/OtherCard.json", "{}");

        var found = CardFiles.Find(_scratch).Select(f => Path.GetRelativePath(_scratch, f).Replace('\\', '/'));

        Assert.Equal(["dialogs/Flow/BookingCard.json", "src/App/Cards/welcome.json"], found);
    }

    [Fact]
    public void Check_finds_cards_nested_in_a_template_file_and_reports_their_violations()
    {
        var path = Write("src/App/Cards/templates.json", """
            { "welcome": { "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Submit", "data": { "a": 1 } } ] },
              "booking": { "type": "AdaptiveCard", "version": "1.6" } }
            """);

        var check = CardFiles.Check(path);

        Assert.Equal(2, check.CardCount);
        var violation = Assert.Single(check.Violations);
        Assert.StartsWith("$.booking -> $.version:", violation);
    }

    [Fact]
    public void Check_reports_a_card_shaped_file_that_is_not_typed_adaptive_card()
    {
        var path = Write("src/App/Cards/hours.json", """{ "type": "AdaptiveCards", "version": "1.5", "body": [] }""");

        var check = CardFiles.Check(path);

        Assert.Contains(check.Violations, v => v.Contains("type must be \"AdaptiveCard\""));
    }

    [Fact]
    public void Check_passes_over_a_data_file_without_cards()
    {
        var path = Write("src/App/Cards/card-texts.json", """{ "welcomeTitle": "Welcome" }""");

        var check = CardFiles.Check(path);

        Assert.Equal(0, check.CardCount);
        Assert.Empty(check.Violations);
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_scratch, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
