using System.Text.Json;
using ClinicBot.Analytics.Redaction;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Analytics.Redaction;

/// <summary>The redactor against hostile-corpus.json: every secret gone, every "keep" phrase still there.</summary>
public sealed class UnansweredQuestionRedactorTests
{
    private static readonly UnansweredQuestionRedactor Redactor = UnansweredQuestionRedactor.LoadDefault();

    public static TheoryData<string, string[], string[]> Corpus()
    {
        var path = RepositoryRoot.Combine("tests", "ClinicBot.Functional.Tests", "Analytics", "Redaction", "hostile-corpus.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var data = new TheoryData<string, string[], string[]>();
        foreach (var line in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(
                line.GetProperty("text").GetString()!,
                line.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()!).ToArray(),
                line.GetProperty("keep").EnumerateArray().Select(s => s.GetString()!).ToArray());
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_forty_lines_with_secrets()
    {
        Assert.True(Corpus().Count(row => ((string[])row[1]).Length > 0) >= 40);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Removes_every_secret_and_keeps_the_question(string text, string[] secrets, string[] keep)
    {
        var redacted = Redactor.Redact(text) ?? string.Empty;

        foreach (var secret in secrets)
        {
            Assert.False(redacted.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' survived: {redacted}");
        }

        foreach (var phrase in keep)
        {
            Assert.True(redacted.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"'{phrase}' was lost: {redacted}");
        }
    }

    [Fact]
    public void Long_text_is_shortened_and_blank_text_keeps_nothing()
    {
        Assert.Equal(UnansweredQuestionRedactor.MaxLength, Redactor.Redact(string.Join(' ', Enumerable.Repeat("parking", 1000)))!.Length);
        Assert.Null(Redactor.Redact("   "));
    }
}
