using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure;
using FsCheck.Fluent;
using Xunit.Abstractions;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Fuzz;

/// <summary>The local Direct Line channel's POST activities endpoint, with a valid conversation token and hostile bodies.</summary>
public sealed class DirectLineFuzzTests(ITestOutputHelper output)
{
    public const int Cases = 1_000;

    [Fact]
    public async Task Hostile_bodies_posted_to_a_conversation_never_get_a_5xx_or_a_stack_trace()
    {
        await using var sink = await ChannelSink.StartAsync();
        using var factory = new ClinicBotAppFactory(dataFolder: null, settings: new Dictionary<string, string?>
        {
            // The fuzzer is one visitor posting far faster than any person; the limits are tested elsewhere.
            ["DirectLine:RateLimits:RequestsPerAddress"] = "1000000",
            ["DirectLine:RateLimits:MessagesPerConversation"] = "1000000",
            ["Logging:LogLevel:Default"] = "Error",
        });
        var directLine = new DirectLineTestClient(factory.CreateClient());
        await directLine.StartAsync();
        var bearer = "Bearer " + directLine.Token;

        var cases = new HostileActivityBodies(sink.ServiceUrl).Any().Select(body => body with { Authorization = bearer });

        await FuzzRunner.RunAsync(directLine.Http, $"{DirectLineTestClient.Base}/conversations/{directLine.ConversationId}/activities", cases, Cases, output);
    }
}
