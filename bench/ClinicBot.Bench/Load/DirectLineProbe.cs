namespace ClinicBot.Bench.Load;

/// <summary>Checks whether the ClinicBot build under test has the local Direct Line channel at all.</summary>
public static class DirectLineProbe
{
    public static async Task<string?> WhyUnavailableAsync(HttpClient http, Uri botBase, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync(new Uri(botBase, "api/directline/token"), content, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? "this ClinicBot build has no local Direct Line channel (POST /api/directline/token is 404)"
            : null;
    }
}
