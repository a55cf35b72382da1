using ClinicBot.Language.Loading;
using System.Text.Json.Nodes;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Safety;

namespace ClinicBot.Tests.Knowledge.Safety;

/// <summary>
/// The crisis detector starts with interpreted patterns and swaps in compiled ones built in the background: both
/// must give the same verdict on every message, and the swap must happen.
/// </summary>
public sealed class CrisisPatternsCompilationTests
{
    private static CrisisDocument Document() =>
        ContentJson.Read<CrisisDocument>(new DirectoryContentSource(Path.Combine(AppContext.BaseDirectory, "Content")), CrisisDetector.FileName);

    private static IEnumerable<string> Messages()
    {
        var wording = Path.Combine(AppContext.BaseDirectory, "Safety", "Data", "crisis-wording.jsonl");
        var lines = File.ReadLines(wording).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => (string)JsonNode.Parse(l)!["text"]!);
        return lines.Concat(DevSet.Lines.Select(l => l.Text)).Concat(
        [
            "", "   ", "I'm NOT suicidal, just curious!!!", "dying to know your hours", "kms lol 5 kms run", "don't  want to be alive anymore",
            "it's killing me, how do i park?", "wanna end it all... tonight", "¿Cuáles son sus horarios? ya no quiero vivir", "2pm, 3pm; or 4pm?",
        ]);
    }

    [Fact]
    public async Task Compiled_patterns_replace_the_interpreted_ones_and_give_the_same_verdicts()
    {
        var document = Document();
        var interpreted = new CrisisDetector(document, compile: false);
        var compiled = new CrisisDetector(document, compileAfter: TimeSpan.Zero);
        await compiled.PatternsCompiled.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(interpreted.UsesCompiledPatterns);
        Assert.True(compiled.UsesCompiledPatterns);
        var messages = Messages().ToList();
        Assert.True(messages.Count > 100, "the crisis wording data and samples should be there");
        var verdicts = messages.Select(m => (Message: m, Interpreted: interpreted.Detect(m), Compiled: compiled.Detect(m))).ToList();
        Assert.DoesNotContain(verdicts, v => v.Interpreted != v.Compiled);
        Assert.Contains(verdicts, v => v.Compiled == CrisisDetector.Explicit);
        Assert.Contains(verdicts, v => v.Compiled == CrisisDetector.Indirect);
        Assert.Contains(verdicts, v => v.Compiled is null);
    }

    [Fact]
    public void The_same_patterns_read_twice_are_compiled_once_and_other_patterns_get_their_own_set()
    {
        var changed = Document() with { Explicit = [.. Document().Explicit, @"\bnever seen before\b"] };

        Assert.Same(CrisisPatterns.CompiledPerProcessor(Document()), CrisisPatterns.CompiledPerProcessor(Document()));
        Assert.NotSame(CrisisPatterns.CompiledPerProcessor(Document()), CrisisPatterns.CompiledPerProcessor(changed));
        Assert.All(CrisisPatterns.CompiledPerProcessor(changed), set => Assert.True(set.IsExplicit("i have never seen before")));
    }

    [Fact]
    public void Each_processor_gets_its_own_compiled_set_and_every_set_gives_the_same_verdicts()
    {
        var sets = CrisisPatterns.CompiledPerProcessor(Document());
        var interpreted = new CrisisPatterns(Document(), compiled: false);

        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 4), sets.Length);
        Assert.Equal(sets.Length, sets.Distinct().Count());
        Assert.All(sets, set => Assert.True(set.IsCompiled));
        Assert.Contains(CrisisPatterns.ForThisProcessor(sets), sets);
        foreach (var message in Messages().Select(m => m.ToLowerInvariant()))
        {
            var expected = (interpreted.IsExplicit(interpreted.Rewrite(message)), interpreted.IsIndirect(interpreted.Rewrite(message)));
            Assert.All(sets, set => Assert.Equal(expected, (set.IsExplicit(set.Rewrite(message)), set.IsIndirect(set.Rewrite(message)))));
        }
    }
}
