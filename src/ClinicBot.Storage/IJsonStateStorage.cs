using Microsoft.Bot.Builder;

namespace ClinicBot.Storage;

/// <summary>
/// Bot-state storage that can also hand back the JSON text a value was stored as, and store a value whose JSON the
/// caller already made (<see cref="StoredStateJson.Write"/>), so a change can be told by comparing text.
/// </summary>
public interface IJsonStateStorage : IStorage
{
    /// <summary>One key's value, with the JSON text it was read from (without the ETag); null when there is none.</summary>
    Task<StoredValue?> ReadWithJsonAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes one value as <paramref name="json"/> under the ETag rules of <see cref="IStorage.WriteAsync"/>; the new ETag is put back on the value.</summary>
    Task WriteJsonAsync(string key, object value, string json, CancellationToken cancellationToken = default);
}

/// <summary>A stored value and the JSON text it was read from.</summary>
public sealed record StoredValue(object Value, string Json);
