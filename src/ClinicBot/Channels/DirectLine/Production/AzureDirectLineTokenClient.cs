using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using ClinicBot.Channels.DirectLine.Protocol;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine.Production;

/// <summary>
/// Production mode: exchanges the Direct Line secret (server side only) for a token bound to one new
/// conversation and a server-made user id, via Azure Bot Service's tokens/generate.
/// </summary>
public sealed class AzureDirectLineTokenClient(HttpClient http, IOptions<DirectLineOptions> options)
{
    public async Task<ConversationResponse> GenerateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, Domain(settings) + "/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Secret);
        var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        request.Content = JsonContent.Create(new GenerateRequest(new GenerateUser(userId)));

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AzureDirectLineException((int)response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<ConversationResponse>(cancellationToken);
        if (body is null || string.IsNullOrEmpty(body.Token) || string.IsNullOrEmpty(body.ConversationId))
        {
            throw new AzureDirectLineException((int)response.StatusCode);
        }

        return body;
    }

    public static string Domain(DirectLineOptions settings) => settings.Endpoint.TrimEnd('/');

    private sealed record GenerateRequest([property: JsonPropertyName("user")] GenerateUser User);

    private sealed record GenerateUser([property: JsonPropertyName("id")] string Id);
}

/// <summary>Azure Direct Line refused or failed the token exchange.</summary>
public sealed class AzureDirectLineException(int statusCode)
    : Exception($"Azure Direct Line token exchange failed with HTTP {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}
