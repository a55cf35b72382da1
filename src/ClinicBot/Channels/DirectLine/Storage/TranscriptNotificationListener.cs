using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using Npgsql;

namespace ClinicBot.Channels.DirectLine.Storage;

/// <summary>
/// On PostgreSQL, wakes this instance's WebSocket streams when any instance appends to a conversation's
/// transcript: <see cref="TranscriptStore"/> sends a NOTIFY with the conversation id, this service LISTENs on one
/// dedicated connection and passes it to <see cref="ConversationSignals"/>. While the connection is down the
/// streams still catch up at their keep-alive re-read. Does nothing on SQLite (one instance, in-process signals).
/// </summary>
public sealed class TranscriptNotificationListener(ClinicDatabase database, ConversationSignals signals, ILogger<TranscriptNotificationListener> logger)
    : BackgroundService
{
    public const string Channel = "clinicbot_directline";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is not PostgresDatabase)
        {
            return;
        }

        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => signals.Notify(notification.Payload);
                await using (var listen = connection.CreateCommand($"LISTEN {Channel};"))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failing)
                {
                    logger.LogInformation("Direct Line notifications are listening again.");
                    failing = false;
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                if (!failing)
                {
                    logger.LogWarning("Direct Line notifications stopped ({ExceptionType}); retrying.", exception.GetType().Name);
                    failing = true;
                }
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
