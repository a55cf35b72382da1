using Xunit.Abstractions;
namespace ClinicBot.Tests.Knowledge;
public sealed class ProbeTests(KnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public void Probe()
    {
        foreach (var line in File.ReadLines("/tmp/kgen/probe.txt"))
        {
            var parts = line.Split('\t');
            var u = fixture.Knowledge.Understand(parts[1]);
            if (u.PrimaryTopic != parts[0]) output.WriteLine($"PROBE want {parts[0]} got [{string.Join(",", u.Topics)}] ev={u.Evidence}: {parts[1]} || {string.Join(" ; ", fixture.Knowledge.ExplainMatches(parts[1]))}");
        }
    }
}
