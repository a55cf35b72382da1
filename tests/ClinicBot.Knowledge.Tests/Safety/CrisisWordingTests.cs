using System.Text.Json.Nodes;
using ClinicBot.Knowledge;

namespace ClinicBot.Tests.Knowledge.Safety;

/// <summary>
/// Crisis language worded differently from the dev set (explicit, indirect, slang, Spanish) and
/// alarming words used figuratively, kept as data in Data/crisis-wording.jsonl.
/// </summary>
public class CrisisWordingTests
{
    private static readonly ClinicKnowledge Knowledge = ClinicKnowledge.LoadDefault();

    public static TheoryData<string, bool> Lines()
    {
        var data = new TheoryData<string, bool>();
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", "Data", "crisis-wording.jsonl");
        foreach (var line in File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line)))
        {
            var item = JsonNode.Parse(line)!;
            data.Add((string)item["text"]!, (bool)item["crisis"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Crisis_language_is_recognised_and_figurative_use_is_not(string text, bool isCrisis)
    {
        Assert.Equal(isCrisis, Knowledge.IsCrisis(text));
        var understanding = Knowledge.Understand(text);
        Assert.Equal(isCrisis, understanding.IsCrisis);
        if (isCrisis)
        {
            Assert.Equal(TopicNames.Crisis, understanding.PrimaryTopic);
        }
    }
}
