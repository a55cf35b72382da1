using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ClinicBot.Channels.DirectLine.Protocol;

/// <summary>Activities travel as Bot Framework JSON (Newtonsoft, as the Bot Schema types are annotated).</summary>
public static class DirectLineJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 32,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);
}
