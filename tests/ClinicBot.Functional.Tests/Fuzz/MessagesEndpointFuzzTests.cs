using ClinicBot.Tests.ChannelAuth;
using ClinicBot.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Fuzz;

/// <summary>
/// The anonymous (Development) app: generated hostile bodies reach the parser and, when well-formed, the bot.
/// 9,000 here plus the 1,000 of <see cref="AuthenticatedMessagesFuzzTests"/> are the 10,000 bodies
/// for /api/messages (about 25 s on the 2-core box).
/// </summary>
public sealed class AnonymousMessagesFuzzTests(AnonymousMessagesFuzzTests.App app, ITestOutputHelper output) : IClassFixture<AnonymousMessagesFuzzTests.App>
{
    public const int Cases = 9_000;

    [Fact]
    public Task Hostile_bodies_never_get_a_5xx_or_a_stack_trace() =>
        FuzzRunner.RunAsync(app.Client, "/api/messages", new HostileActivityBodies(app.Sink.ServiceUrl).Any(), Cases, output);

    public sealed class App : IAsyncLifetime
    {
        public ChannelSink Sink { get; private set; } = null!;

        // Errors only: thousands of turns at Information slow the run down and bury what matters.
        public ClinicBotAppFactory Factory { get; } = new(dataFolder: null, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Sink = await ChannelSink.StartAsync();
            Client = Factory.CreateClient();
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
            await Sink.DisposeAsync();
        }
    }
}

/// <summary>
/// The app with a MicrosoftAppId (channel auth against the local OpenID stub): 1,000 hostile bodies with
/// missing, broken, hostile or valid channel tokens. Valid tokens take well-formed bodies into the bot.
/// </summary>
public sealed class AuthenticatedMessagesFuzzTests(ChannelAuthApp app, ITestOutputHelper output) : IClassFixture<ChannelAuthApp>
{
    public const int Cases = 1_000;

    [Fact]
    public Task Hostile_bodies_and_headers_never_get_a_5xx_or_a_stack_trace()
    {
        var valid = app.ValidToken(app.Sink.ServiceUrl);
        var headers = new[]
        {
            null, "", "Bearer", "Bearer ", "Bearer garbage", "Bearer a.b.c", "Bearer ..", "Bearer e30.e30.", "Basic Zm9vOmJhcg==",
            ChannelAuthApp.Bearer(valid), ChannelAuthApp.Bearer(valid), ChannelAuthApp.Bearer(valid), "bearer " + valid, "Bearer  " + valid,
            "Bearer " + valid + "x", "Bearer " + valid[..^5], ChannelAuthApp.Bearer(app.ValidToken("https://attacker.example/")),
            ChannelAuthApp.Bearer(ChannelTokens.Unsigned(app.ValidSpec(app.Sink.ServiceUrl), app.Stub.Channel.KeyId)),
            ChannelAuthApp.Bearer(ChannelTokens.Sign(app.ValidSpec(app.Sink.ServiceUrl), ChannelTokens.ForeignKey(app.Stub.Channel.KeyId))),
        };
        var randomHeader = ArbMap.Default.GeneratorFor<string>()
            .Select(s => "Bearer " + new string((s ?? "").Where(c => c is >= '!' and <= '~').ToArray()));
        var cases =
            from body in new HostileActivityBodies(app.Sink.ServiceUrl).Any()
            from header in Gen.Frequency((5, Gen.Elements(headers)), (1, randomHeader.Select(h => (string?)h)))
            select body with { Authorization = header };

        return FuzzRunner.RunAsync(app.Client, "/api/messages", cases, Cases, output);
    }
}
