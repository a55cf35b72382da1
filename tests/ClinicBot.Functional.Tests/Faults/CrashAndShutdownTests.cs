using System.Diagnostics;
using System.Net;
using ClinicBot.Tests.Faults.Support;
using ClinicBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Faults;

/// <summary>
/// Issue 8, part 4: an instance killed with SIGKILL mid-booking resumes the conversation at the same step after a
/// restart; SIGTERM under load lets every accepted turn finish and save, then the process exits 0.
/// </summary>
public abstract class CrashAndShutdownTests(ITestOutputHelper output)
{
    private const string Phone = "832-555-0142";

    protected abstract Task<FaultBackend> CreateBackendAsync();

    [SkippableFact]
    public async Task Killed_with_sigkill_after_the_name_the_restarted_instance_continues_at_the_phone_step_with_the_name_kept()
    {
        await using var backend = await CreateBackendAsync();
        await using var app = await AppProcess.StartAsync("instance", backend.AppSettings);
        var conversation = "faults-kill-" + Guid.NewGuid().ToString("N");

        Assert.Equal(BookingQuestion.Name, BookingPlayer.Classify(await BotClient.SayAsync(app.Client, conversation, "I'd like to book a free call")));
        Assert.Equal(BookingQuestion.Phone, BookingPlayer.Classify(await BotClient.SayAsync(app.Client, conversation, "Maria Alvarez")));

        var killedPid = app.ProcessId;
        await app.KillAsync();
        var restart = Stopwatch.StartNew();
        await app.RestartAsync();
        restart.Stop();
        Assert.NotEqual(killedPid, app.ProcessId);

        var afterRestart = await BotClient.SayAsync(app.Client, conversation, Phone);
        output.WriteLine($"{backend.Description}: SIGKILL after the name; restart to ready in {restart.Elapsed.TotalSeconds:0.0} s; " +
            $"first reply after restart: \"{afterRestart.LastOrDefault()}\"");
        Assert.Equal(BookingQuestion.Email, BookingPlayer.Classify(afterRestart));

        var player = new BookingPlayer("Maria Alvarez", Phone);
        var reference = await player.ContinueAsync((text, _) => BotClient.SayAsync(app.Client, conversation, text), afterRestart);
        Assert.DoesNotContain(BookingQuestion.Name, player.Asked);
        var row = Assert.Single(await backend.BookingsAsync());
        Assert.Equal(reference, row.Reference);
        Assert.Equal("Maria Alvarez", row.Name);
        Assert.Equal("+18325550142", row.PhoneE164);
    }

    [SkippableFact]
    public async Task Sigterm_under_load_lets_every_accepted_turn_finish_with_200_and_saved_state_then_exits_0()
    {
        const int workers = 32;
        await using var backend = await CreateBackendAsync();
        await using var app = await AppProcess.StartAsync("instance", backend.AppSettings);
        var conversations = Enumerable.Range(0, workers).Select(index => new LoadConversation(PersonNames.Distinct(workers)[index])).ToList();

        using var stop = new CancellationTokenSource();
        var load = conversations.Select(conversation => Task.Run(() => conversation.RunUntilRefusedAsync(app.Client, stop.Token))).ToList();
        await WaitUntilAsync(() => conversations.Sum(conversation => conversation.Accepted) >= 100, TimeSpan.FromSeconds(30));

        var acceptedAtSignal = conversations.Sum(conversation => conversation.Accepted);
        var shutdown = Stopwatch.StartNew();
        app.Terminate();
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));
        shutdown.Stop();
        stop.Cancel();
        await Task.WhenAll(load);

        var accepted = conversations.Sum(conversation => conversation.Accepted);
        var refused = conversations.Sum(conversation => conversation.Refused);
        var otherStatuses = conversations.SelectMany(conversation => conversation.OtherStatuses).ToList();
        var bookedBefore = conversations.Sum(conversation => conversation.References.Count);
        output.WriteLine($"{backend.Description}: SIGTERM with {workers} conversations sending turns; {acceptedAtSignal} turns answered before the signal, " +
            $"{accepted - acceptedAtSignal} more answered after it (in flight), {refused} refused once stopping (no response); " +
            $"non-200 answers: {otherStatuses.Count}; exit code {exitCode} after {shutdown.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(0, exitCode);
        Assert.Empty(otherStatuses);

        // Every turn that was answered was saved: after a restart each conversation goes on from the last answer
        // it got, and the bot never asks again for something already given.
        await app.RestartAsync();
        var analyticsTurns = await backend.CountAsync("analytics_turns");
        await Task.WhenAll(conversations.Select(conversation => conversation.FinishAsync(app.Client)));
        var stored = await backend.BookingsAsync();
        output.WriteLine($"after restart: {bookedBefore} bookings completed under load + {workers} finished now; {stored.Count} booking rows; " +
            $"analytics turns stored before the restart's traffic: {analyticsTurns} of {accepted}");
        Assert.All(conversations, conversation => Assert.True(conversation.AskedAgain.Count == 0, string.Join(" / ", conversation.History)));
        Assert.Equal(bookedBefore + workers, stored.Count);
        Assert.Equal(stored.Count, stored.Select(row => row.IdempotencyKey).Distinct().Count());
        Assert.Equal(accepted, analyticsTurns);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("The load did not get going.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// One simulated visitor under load: books calls one after another until the server stops answering, keeping
    /// the questions already answered in the current booking, so a lost turn shows up as a question asked again.
    /// </summary>
    private sealed class LoadConversation(string name)
    {
        private readonly BookingPlayer _player = new(name, Phone);
        private readonly HashSet<BookingQuestion> _answered = [];
        private string _conversationId = NewId();
        private IReadOnlyList<BotReply> _lastReplies = [];
        private string _unanswered = "I'd like to book a free call";

        public int Accepted;
        public int Refused;
        public List<HttpStatusCode> OtherStatuses { get; } = [];
        public List<string> References { get; } = [];
        public List<BookingQuestion> AskedAgain { get; } = [];

        /// <summary>What happened in this conversation, for a failure message: sent text, then the answer or "refused".</summary>
        public List<string> History { get; } = [];

        public async Task RunUntilRefusedAsync(HttpClient client, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var text = _unanswered;
                HttpResponseMessage response;
                try
                {
                    response = await BotClient.PostAsync(client, _conversationId, text, stop);
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                {
                    // Not accepted: the server had stopped listening or closed the idle connection.
                    History.Add($"{text} -> refused ({exception.GetType().Name}: {exception.InnerException?.GetType().Name})");
                    Interlocked.Increment(ref Refused);
                    return;
                }

                using (response)
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        OtherStatuses.Add(response.StatusCode);
                        return;
                    }

                    _lastReplies = await BotClient.RepliesAsync(response);
                    History.Add($"{text} -> {BookingPlayer.Classify(_lastReplies)}");
                    Interlocked.Increment(ref Accepted);
                }

                if (BookingPlayer.Reference(_lastReplies) is { } reference)
                {
                    References.Add(reference);
                    _conversationId = NewId();
                    _answered.Clear();
                    _unanswered = "I'd like to book a free call";
                    continue;
                }

                _unanswered = Answer(_lastReplies);
            }
        }

        /// <summary>After the restart: sends again what got no answer, and completes the booking.</summary>
        public async Task FinishAsync(HttpClient client)
        {
            var text = _unanswered;
            for (var turn = 0; turn < 12; turn++)
            {
                _lastReplies = await BotClient.SayAsync(client, _conversationId, text);
                History.Add($"after restart: {text} -> {BookingPlayer.Classify(_lastReplies)}");
                if (BookingPlayer.Reference(_lastReplies) is { } reference)
                {
                    References.Add(reference);
                    return;
                }

                text = Answer(_lastReplies);
            }

            throw new Xunit.Sdk.XunitException($"Not booked after the restart: {string.Join(" | ", _lastReplies)}");
        }

        private string Answer(IReadOnlyList<BotReply> replies)
        {
            var question = BookingPlayer.Classify(replies);
            if (question is BookingQuestion.Name or BookingQuestion.Phone or BookingQuestion.Email && !_answered.Add(question))
            {
                AskedAgain.Add(question);
            }

            return question switch
            {
                BookingQuestion.Name => _player.Name,
                BookingQuestion.Phone => _player.Phone,
                BookingQuestion.Email => "skip",
                BookingQuestion.OfferedTime => replies.Last(reply => reply.Suggestions.Count > 0).Suggestions[0],
                BookingQuestion.CallbackTime => "next Wednesday at 2pm",
                BookingQuestion.Confirm => "yes",
                _ => throw new Xunit.Sdk.XunitException($"Unexpected bot reply in a booking: {string.Join(" | ", replies)}"),
            };
        }

        private static string NewId() => "faults-load-" + Guid.NewGuid().ToString("N");
    }
}

[Trait("Category", "Faults")]
public sealed class SqliteCrashAndShutdownTests(ITestOutputHelper output) : CrashAndShutdownTests(output)
{
    protected override Task<FaultBackend> CreateBackendAsync() => Task.FromResult<FaultBackend>(new SqliteFaultBackend());
}

[Trait("Category", "Faults")]
public sealed class PostgresCrashAndShutdownTests(ITestOutputHelper output) : CrashAndShutdownTests(output)
{
    protected override Task<FaultBackend> CreateBackendAsync() => Task.FromResult<FaultBackend>(PostgresFaultBackend.CreateOnSharedServer());
}
