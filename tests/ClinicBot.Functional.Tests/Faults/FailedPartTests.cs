using System.Net;
using System.Net.Sockets;
using ClinicBot.Bots;
using ClinicBot.Storage;
using ClinicBot.Testing.Hosting;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// The turn error handler's log line names the part that failed, from the exceptions those parts really throw:
/// a database that cannot be opened, a channel nobody listens on, a conflicting state save, a broken model.
/// An unreachable channel is not a database outage (it was logged as "Storage unavailable" before).
/// </summary>
public sealed class FailedPartTests
{
    public static TheoryData<string, FailedPart, string> Failures => new()
    {
        { "database", FailedPart.Database, "database" },
        { "channel", FailedPart.OutboundChannel, "outbound channel" },
        { "state", FailedPart.BotState, "bot state" },
        { "model", FailedPart.Model, "model" },
        { "app", FailedPart.App, "app code" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task The_turn_error_log_names_the_part_that_failed(string failure, FailedPart expected, string named)
    {
        var exception = await ThrownByAsync(failure);
        var logs = new CapturingLoggerProvider();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("failed-part"));
        using var turn = new TurnContext(adapter, MessageFactory.Text("hello") as Activity);

        await TurnErrorHandler.HandleAsync(turn, exception, BotMessages.LoadDefault(), logs.CreateLogger("turn"));

        Assert.Equal(expected, FailedParts.Of(exception));
        var line = Assert.Single(logs.Entries, entry => entry.Contains("Turn failed", StringComparison.Ordinal));
        Assert.Contains($"Turn failed in the {named}", line);
    }

    [Fact]
    public async Task An_unreachable_channel_is_not_a_database_outage_but_an_unreachable_database_is()
    {
        Assert.False(StorageOutage.IsOutage(await ThrownByAsync("channel")));
        Assert.True(StorageOutage.IsOutage(await ThrownByAsync("database")));
    }

    private static async Task<Exception> ThrownByAsync(string failure)
    {
        try
        {
            switch (failure)
            {
                case "database":
                    var missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "clinicbot.db");
                    await using (var connection = new SqliteConnection($"Data Source={missing};Mode=ReadWrite"))
                    {
                        await connection.OpenAsync();
                    }

                    break;
                case "channel":
                    using (var http = new HttpClient())
                    {
                        await http.PostAsync($"http://127.0.0.1:{ClosedPort()}/v3/conversations/c/activities", new StringContent("{}"));
                    }

                    break;
                case "state":
                    throw new EtagConflictException("webchat/conversations/c");
                case "model":
                    using (new Microsoft.ML.OnnxRuntime.InferenceSession(new byte[] { 1, 2, 3 }))
                    {
                    }

                    break;
                default:
                    throw new InvalidOperationException("a bug in the app");
            }
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException($"'{failure}' did not fail.");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: connections are refused
    }
}
