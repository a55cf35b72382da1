using ClinicBot.Knowledge.Safety.Learned;

namespace ClinicBot.Tests.Knowledge.Learning;

/// <summary>
/// The crisis corpus's split by author, on a corpus folder written here: the held-out authors are never tuning data,
/// and each is reported on its own, its crisis file and its ordinary messages together.
/// </summary>
public sealed class CrisisCorpusSplitTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("clinicbot-corpus-").FullName;

    public CrisisCorpusSplitTests()
    {
        Write("crisis/author-a.jsonl",
            """{"text": "i want to end my life", "crisis": true, "kind": "explicit", "speaker": "self", "lang": "en", "tier": "definite"}""",
            """{"text": "dying to know your hours", "crisis": false, "kind": "figurative", "topic": "hours"}""");
        Write("topics/author-b-texting.jsonl", """{"text": "where r u", "topic": "location_address"}""");
        Write("topics/author-d-held-out-voices.jsonl", """{"text": "what's the fax", "topic": "fax"}""");
        Write("held-out/crisis-author-d.jsonl",
            """{"text": "my brother says he wants to die", "crisis": true, "kind": "third_person", "speaker": "other", "lang": "en", "tier": "definite"}""");
        Write("held-out/crisis-author-e.jsonl",
            """{"text": "no quiero despertar", "crisis": true, "kind": "spanish", "speaker": "self", "lang": "es", "tier": "definite"}""",
            """{"text": "this traffic is killing me, are you open", "crisis": false, "kind": "figurative", "topic": "open_now"}""");
        Write("held-out/topics-author-e.jsonl", """{"text": "phone number please", "topic": "phone_contact"}""");
    }

    [Fact]
    public void Held_out_authors_are_reported_each_on_its_own_and_never_tuned_on()
    {
        var corpus = CrisisCorpus.Read(_corpus);

        var tuning = corpus.Where(CrisisCorpus.IsTuning).Select(e => e.Text).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dying to know your hours", "i want to end my life", "where r u"], tuning);

        var report = corpus.Where(e => !CrisisCorpus.IsTuning(e)).GroupBy(CrisisCorpus.ReportAuthor)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Text).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["author d", "author e"], report.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["my brother says he wants to die", "what's the fax"], report["author d"]);
        Assert.Equal(["no quiero despertar", "phone number please", "this traffic is killing me, are you open"], report["author e"]);
        Assert.All(corpus.Where(e => e.Text == "phone number please"), e => Assert.Equal("ordinary", e.Kind));
    }

    private void Write(string relativePath, params string[] lines)
    {
        var path = Path.Combine(_corpus, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
