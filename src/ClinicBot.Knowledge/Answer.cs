namespace ClinicBot.Knowledge;

/// <summary>
/// One answer to show. <see cref="Text"/> is complete on its own (and is the fallback when a card is shown);
/// <see cref="AdaptiveCardJson"/> is a full Adaptive Card (version 1.5) or null.
/// </summary>
public sealed record Answer(string Topic, string Text, string? AdaptiveCardJson, IReadOnlyList<string> SuggestedActions);
