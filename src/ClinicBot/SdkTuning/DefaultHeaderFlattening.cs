using System.Net.Http.Headers;

namespace ClinicBot.SdkTuning;

/// <summary>
/// HttpClient copies its DefaultRequestHeaders into every request. A header held as parsed or multiple
/// values (the connector's User-Agent product list) is copied under a lock on that header, so concurrent
/// replies through one shared client queue on it. Held as one raw string it is copied without a lock.
/// The bytes on the wire stay the same.
/// </summary>
internal static class DefaultHeaderFlattening
{
    public static void Flatten(HttpRequestHeaders headers)
    {
        var flattened = headers.NonValidated.Select(header => (header.Key, Value: header.Value.ToString())).ToArray();
        foreach (var (name, value) in flattened)
        {
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
