using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Loading;

namespace ClinicBot.Knowledge.Safety;

/// <summary>
/// The regular expressions of crisis.json: the rewrites, the figurative uses to blank out, and the explicit and
/// indirect patterns. Each explicit or indirect pattern is its own expression: a message matches the set when one
/// of them matches (the same verdict as one big alternation), but each expression gets the engine's own search
/// for where it can start, instead of every pattern being tried at every position. The figurative uses stay one
/// alternation because they replace, and one replacement can hide the next.
/// </summary>
internal sealed class CrisisPatterns
{
    // Generous: a busy machine can pause a thread for a while, and a timeout counts as a possible crisis.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // A Regex keeps one runner and hands it out with an interlocked exchange, so threads on different cores matching
    // with the same instances keep pulling those cache lines across: on two cores a check cost about four times the
    // CPU of the same check on one thread (measured). One set per processor, up to this many, keeps them apart.
    private const int MaxSetsPerProcess = 4;

    // Compiled sets by their patterns: every detector built from the same crisis.json shares them (the app builds
    // one; test hosts build many, and each compile costs a few hundred milliseconds of CPU).
    private static readonly ConcurrentDictionary<string, Lazy<CrisisPatterns[]>> CompiledSets = new(StringComparer.Ordinal);

    private readonly (Regex Pattern, string Replacement)[] _rewrites;
    private readonly Regex _neutralize;
    private readonly Regex[] _explicit;
    private readonly Regex[] _indirect;

    /// <param name="compiled">Compile to IL: much faster matching, but a few hundred milliseconds to build.</param>
    public CrisisPatterns(CrisisDocument document, bool compiled)
    {
        var options = RegexOptions.CultureInvariant | (compiled ? RegexOptions.Compiled : RegexOptions.None);
        IsCompiled = compiled;
        _rewrites = document.Rewrites.Select(r => (new Regex(r.Pattern, options, MatchTimeout), r.Replace)).ToArray();
        _neutralize = new Regex(string.Join('|', document.Neutralize.Select(p => $"(?:{p})")), options, MatchTimeout);
        _explicit = document.Explicit.Select(p => new Regex(p, options, MatchTimeout)).ToArray();
        _indirect = document.Indirect.Select(p => new Regex(p, options, MatchTimeout)).ToArray();
    }

    public bool IsCompiled { get; }

    /// <summary>
    /// Compiled sets for these patterns, one per processor (at most <see cref="MaxSetsPerProcess"/>), built once per
    /// process: use <see cref="ForThisProcessor"/> to pick one. Each is a full, independent copy.
    /// </summary>
    public static CrisisPatterns[] CompiledPerProcessor(CrisisDocument document)
    {
        var key = JsonSerializer.Serialize(new { document.Rewrites, document.Neutralize, document.Explicit, document.Indirect });
        var count = Math.Clamp(Environment.ProcessorCount, 1, MaxSetsPerProcess);
        return CompiledSets.GetOrAdd(key, _ => new Lazy<CrisisPatterns[]>(() =>
            Enumerable.Range(0, count).Select(_ => new CrisisPatterns(document, compiled: true)).ToArray())).Value;
    }

    /// <summary>
    /// The set for the processor this thread runs on. A thread moved to another processor mid-check still gets
    /// right answers (a Regex is thread-safe), only more slowly.
    /// </summary>
    public static CrisisPatterns ForThisProcessor(CrisisPatterns[] sets) =>
        sets.Length == 1 ? sets[0] : sets[(uint)Thread.GetCurrentProcessorId() % (uint)sets.Length];

    /// <summary>Applies the rewrites, then blanks out the figurative uses (" ~ ").</summary>
    public string Rewrite(string words)
    {
        foreach (var (pattern, replacement) in _rewrites) words = pattern.Replace(words, replacement);
        return _neutralize.Replace(words, " ~ ");
    }

    /// <exception cref="RegexMatchTimeoutException">A pattern ran too long on this text.</exception>
    public bool IsExplicit(string normalized) => AnyMatch(_explicit, normalized);

    /// <exception cref="RegexMatchTimeoutException">A pattern ran too long on this text.</exception>
    public bool IsIndirect(string normalized) => AnyMatch(_indirect, normalized);

    private static bool AnyMatch(Regex[] patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(text)) return true;
        }
        return false;
    }
}
