using System.Text.Json;

namespace ClinicBot.Bench.Load;

public sealed record ConversationScript(string Kind, int Weight, IReadOnlyList<string> Turns);

/// <summary>The weighted set of scripted conversations (conversations.json) every target receives.</summary>
public sealed class ConversationMix
{
    private readonly ConversationScript[] _scripts;
    private readonly int _totalWeight;

    private ConversationMix(ConversationScript[] scripts)
    {
        _scripts = scripts;
        _totalWeight = scripts.Sum(script => script.Weight);
    }

    public IReadOnlyList<ConversationScript> Scripts => _scripts;

    public static ConversationMix Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<MixFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path} is empty.");
        var scripts = file.Conversations.Where(script => script.Weight > 0 && script.Turns.Count > 0).ToArray();
        return scripts.Length > 0 ? new ConversationMix(scripts) : throw new InvalidDataException($"{path} has no conversations.");
    }

    public ConversationScript Pick(Random random)
    {
        var ticket = random.Next(_totalWeight);
        foreach (var script in _scripts)
        {
            ticket -= script.Weight;
            if (ticket < 0)
            {
                return script;
            }
        }

        return _scripts[^1];
    }

    private sealed record MixFile(IReadOnlyList<ConversationScript> Conversations);
}
