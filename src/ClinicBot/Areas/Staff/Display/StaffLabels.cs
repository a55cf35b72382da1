using System.Globalization;
using System.Text.Json;

namespace ClinicBot.Staff.Display;

/// <summary>
/// Plain words for channel ids and topic names, from Content/staff-labels.json (staff may edit it). An id the file
/// does not name is still shown readably: "new_topic" → "New topic".
/// </summary>
public sealed class StaffLabels
{
    private readonly IReadOnlyDictionary<string, string> _channels;
    private readonly IReadOnlyDictionary<string, string> _topics;

    public StaffLabels(IReadOnlyDictionary<string, string> channels, IReadOnlyDictionary<string, string> topics)
    {
        _channels = new Dictionary<string, string>(channels, StringComparer.OrdinalIgnoreCase);
        _topics = new Dictionary<string, string>(topics, StringComparer.OrdinalIgnoreCase);
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Content", "staff-labels.json");

    public static StaffLabels Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<LabelsFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{Path.GetFileName(path)} is empty.");
        if (file.Channels is null || file.Topics is null)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} needs both \"channels\" and \"topics\".");
        }

        return new StaffLabels(file.Channels, file.Topics);
    }

    public string Channel(string? id) => Lookup(_channels, id, "Unknown channel");

    public string Topic(string? name) => Lookup(_topics, name, "Unknown topic");

    private static string Lookup(IReadOnlyDictionary<string, string> words, string? id, string empty)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return empty;
        }

        return words.TryGetValue(id.Trim(), out var word) && !string.IsNullOrWhiteSpace(word) ? word : Readable(id);
    }

    /// <summary>"out_of_scope" → "Out of scope", "my-channel" → "My channel".</summary>
    public static string Readable(string id)
    {
        var words = string.Join(' ', id.Trim().Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return words.Length == 0 ? id : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private sealed record LabelsFile(Dictionary<string, string>? Channels, Dictionary<string, string>? Topics);
}
