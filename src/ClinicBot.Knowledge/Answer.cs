namespace ClinicBot.Knowledge;

/// <summary>
/// One answer to show. <see cref="Text"/> is complete on its own (and is the fallback when a card is shown);
/// <see cref="AdaptiveCardJson"/> is a full Adaptive Card (version 1.5) or null.
/// </summary>
public sealed record Answer(string Topic, string Text, string? AdaptiveCardJson, IReadOnlyList<string> SuggestedActions)
{
    /// <summary>Text to show above the card (what the card only implies); null when the card says it all.</summary>
    public string? CardCaption { get; init; }

    /// <summary>On the first answer of a reply: how sure the understanding was ("answer", "clarify", "decline") and the model's probability.</summary>
    public (string Band, float? Confidence)? Certainty { get; init; }
}
