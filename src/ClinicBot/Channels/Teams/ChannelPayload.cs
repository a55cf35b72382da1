using Newtonsoft.Json;

namespace ClinicBot.Channels.Teams;

/// <summary>
/// Reads typed parts of an activity's free-form JSON (channelData, entities). The SDK's readers throw when a
/// sender put other types there; a part that cannot be read counts as absent instead of failing the turn.
/// </summary>
public static class ChannelPayload
{
    public static T? ReadOrDefault<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is JsonException or InvalidCastException or ArgumentException or FormatException)
        {
            return default;
        }
    }
}
