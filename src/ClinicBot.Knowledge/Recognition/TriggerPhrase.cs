namespace ClinicBot.Knowledge.Recognition;

/// <summary>One trigger from a topic file, analyzed into stems. <see cref="Also"/> names a topic it adds as secondary.</summary>
internal sealed record TriggerPhrase(string Topic, string Text, IReadOnlyList<string> Stems, int Weight, string? Also);

/// <summary>Where a trigger matched in a message (token positions).</summary>
internal sealed record TriggerMatch(TriggerPhrase Trigger, IReadOnlyList<int> Positions)
{
    public int Start => Positions[0];
}
