using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicBot.Tests.Widget;

/// <summary>Runs axe on a page (its frames and open shadow roots included), prints the result and requires no violation at all.</summary>
public static class AxeReport
{
    public static async Task AssertNoViolationsAsync(IPage page, string label, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        output.WriteLine($"axe {label}: {result.Violations.Length} violations [{string.Join(", ", result.Violations.Select(v => v.Id))}], {result.Passes.Length} rules passed");
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"  {violation.Impact} {violation.Id}: {violation.Help} at {Targets(violation)}");
        }

        Assert.True(result.Violations.Length == 0, $"axe violations on {label}: " + string.Join("; ",
            result.Violations.Select(v => $"{v.Id} ({v.Impact}) at {Targets(v)}")));
    }

    private static string Targets(AxeResultItem violation) =>
        string.Join(", ", violation.Nodes.Take(5).Select(node => node.Target?.ToString()));
}
