using System.Collections.Concurrent;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// Makes two simultaneous turns of one conversation collide every time instead of when the machine's timing allows:
/// for a conversation the test <see cref="Arm">armed</see>, a write of its state waits until two turns have read it.
/// Both turns then hold the same version, so whichever saves second conflicts and is re-run. Shared by every
/// instance under test (each wraps its own <see cref="BotStateStorage"/> in a <see cref="CollidingStateStorage"/>).
/// </summary>
public sealed class CollisionBarrier
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Gate> _armed = new(StringComparer.Ordinal);

    /// <summary>From now on, writes of <paramref name="conversationId"/>'s state wait until two turns have read it.</summary>
    public void Arm(string conversationId) => _armed[conversationId] = new Gate();

    /// <summary>
    /// The conversation's state is written freely again (for the turns after the race); returns how many of its
    /// saves failed with a conflict while it was armed.
    /// </summary>
    public int Disarm(string conversationId) => _armed.TryRemove(conversationId, out var gate) ? gate.Conflicts : 0;

    internal void Read(string key)
    {
        if (GateFor(key) is { } gate)
        {
            gate.CountRead();
        }
    }

    internal async Task BeforeWriteAsync(string key, CancellationToken cancellationToken)
    {
        if (GateFor(key) is { } gate)
        {
            try
            {
                await gate.BothRead.WaitAsync(WaitLimit, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"the second turn never read the state of {key} within {WaitLimit.TotalSeconds:0} s (do turns of one conversation run one at a time?)");
            }
        }
    }

    internal void Conflicted(string key) => GateFor(key)?.CountConflict();

    // State keys are "<channel>/conversations/<conversation id>".
    private Gate? GateFor(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash >= 0 && _armed.TryGetValue(key[(slash + 1)..], out var gate) ? gate : null;
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource _bothRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;
        private int _conflicts;

        public Task BothRead => _bothRead.Task;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public void CountConflict() => Interlocked.Increment(ref _conflicts);

        public void CountRead()
        {
            if (Interlocked.Increment(ref _reads) >= 2)
            {
                _bothRead.TrySetResult();
            }
        }
    }
}

/// <summary>The app's bot-state storage, with each read and write of an armed conversation passed through a <see cref="CollisionBarrier"/>.</summary>
public sealed class CollidingStateStorage(IJsonStateStorage inner, CollisionBarrier barrier) : IJsonStateStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            barrier.Read(key);
        }

        return result;
    }

    public async Task<StoredValue?> ReadWithJsonAsync(string key, CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadWithJsonAsync(key, cancellationToken).ConfigureAwait(false);
        barrier.Read(key);
        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var key in changes.Keys)
        {
            await barrier.BeforeWriteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            foreach (var key in changes.Keys)
            {
                barrier.Conflicted(key);
            }

            throw;
        }
    }

    public async Task WriteJsonAsync(string key, object value, string json, CancellationToken cancellationToken = default)
    {
        await barrier.BeforeWriteAsync(key, cancellationToken).ConfigureAwait(false);
        try
        {
            await inner.WriteJsonAsync(key, value, json, cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            barrier.Conflicted(key);
            throw;
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
