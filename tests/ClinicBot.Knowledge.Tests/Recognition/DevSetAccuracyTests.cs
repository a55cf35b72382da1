using ClinicBot.Knowledge;
using Xunit.Abstractions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Knowledge.Recognition;

/// <summary>Measures understanding on dev.jsonl and prints per-topic recall and every miss.</summary>
public sealed class DevSetAccuracyTests(KnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<KnowledgeFixture>
{
    private readonly ClinicKnowledge _knowledge = fixture.Knowledge;

    [DevSetFact]
    public void Primary_topic_accuracy_is_at_least_95_percent()
    {
        var results = DevSet.Lines.Select(l => (Line: l, Got: _knowledge.Understand(l.Text))).ToList();
        var correct = results.Count(r => IsAccepted(r.Line, r.Got.PrimaryTopic));
        var accuracy = (double)correct / results.Count;

        output.WriteLine($"accuracy {correct}/{results.Count} = {accuracy:P1}");
        foreach (var group in results.GroupBy(r => r.Line.Topic).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key,-26} {group.Count(r => IsAccepted(r.Line, r.Got.PrimaryTopic))}/{group.Count()}");
        }
        var secondaryLines = results.Where(r => r.Line.Secondary is not null).ToList();
        output.WriteLine($"secondary found {secondaryLines.Count(r => r.Got.Topics.Skip(1).Contains(r.Line.Secondary))}/{secondaryLines.Count}");
        foreach (var miss in results.Where(r => !IsAccepted(r.Line, r.Got.PrimaryTopic)))
        {
            output.WriteLine($"MISS want {miss.Line.Topic} got [{string.Join(",", miss.Got.Topics)}]: {miss.Line.Text}");
        }
        foreach (var miss in secondaryLines.Where(r => !r.Got.Topics.Skip(1).Contains(r.Line.Secondary)))
        {
            output.WriteLine($"SECONDARY want {miss.Line.Secondary} got [{string.Join(",", miss.Got.Topics)}]: {miss.Line.Text}");
        }

        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1} is below 95%");
    }

    /// <summary>The README accepts a mechanism answer for the generic "how does ketamine work for depression".</summary>
    private static bool IsAccepted(DevSet.Line line, string got) =>
        got == line.Topic
        || (line.Topic == TopicNames.WhatIsKetamineTherapy && got.StartsWith("mechanism_", StringComparison.Ordinal)
            && line.Text.Contains("how does ketamine work", StringComparison.OrdinalIgnoreCase));
}
