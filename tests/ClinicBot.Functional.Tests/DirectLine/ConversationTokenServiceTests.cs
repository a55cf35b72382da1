using ClinicBot.Storage.Protection;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.DirectLine.Storage;
using ClinicBot.Channels.DirectLine.Tokens;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.DirectLine;

public sealed class ConversationTokenServiceTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-tokens");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-02T15:00:00Z"));

    private readonly AtRestProtectors _protectors = AtRestProtectors.Ephemeral();

    public void Dispose() => TempFolder.TryDelete(_folder);

    private ConversationTokenService Service(string? configuredKey = null, string file = "clinicbot.db") => new(
        new SigningKeyStore(new SqliteDatabase(Path.Combine(_folder, file)), _protectors),
        Options.Create(new DirectLineOptions { TokenSigningKey = configuredKey }),
        _clock);

    [Fact]
    public async Task A_token_grants_its_conversation_and_user_for_thirty_minutes()
    {
        var service = Service();
        var issued = await service.IssueAsync("conv-1", "dl_user", CancellationToken.None);
        Assert.Equal(1800, issued.ExpiresInSeconds);

        _clock.Advance(TimeSpan.FromMinutes(29));
        var valid = await service.ValidateAsync(issued.Value, CancellationToken.None);
        Assert.Equal(TokenStatus.Valid, valid.Status);
        Assert.Equal(("conv-1", "dl_user"), (valid.Token!.ConversationId, valid.Token.UserId));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TokenStatus.Expired, (await service.ValidateAsync(issued.Value, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Changing_the_grant_or_signing_with_another_key_invalidates_a_token()
    {
        var service = Service();
        var issued = await service.IssueAsync("conv-1", "dl_user", CancellationToken.None);
        var other = await Service(file: "other.db").IssueAsync("conv-1", "dl_user", CancellationToken.None);
        var forgedGrant = (await Service(file: "other.db").IssueAsync("conv-2", "dl_user", CancellationToken.None)).Value.Split('.')[0]
            + "." + issued.Value.Split('.')[1];

        Assert.Equal(TokenStatus.Invalid, (await service.ValidateAsync(other.Value, CancellationToken.None)).Status);
        Assert.Equal(TokenStatus.Invalid, (await service.ValidateAsync(forgedGrant, CancellationToken.None)).Status);
        Assert.Equal(TokenStatus.Invalid, (await service.ValidateAsync("a.b.c", CancellationToken.None)).Status);
        Assert.Equal(TokenStatus.Missing, (await service.ValidateAsync("", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task The_generated_key_is_kept_so_tokens_survive_a_restart_and_a_configured_key_is_used_as_given()
    {
        var before = await Service().IssueAsync("conv-1", "dl_user", CancellationToken.None);
        Assert.Equal(TokenStatus.Valid, (await Service().ValidateAsync(before.Value, CancellationToken.None)).Status);

        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var configured = await Service(key, "a.db").IssueAsync("conv-1", "dl_user", CancellationToken.None);
        Assert.Equal(TokenStatus.Valid, (await Service(key, "b.db").ValidateAsync(configured.Value, CancellationToken.None)).Status);
    }
}
