using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// Collects what a visitor's browser would complain about on a page and in its frames: console errors,
/// uncaught script errors and responses with an error status (a missing favicon, a CSP-blocked load).
/// </summary>
public sealed class BrowserProblems
{
    private readonly ConcurrentQueue<string> _problems = new();

    private BrowserProblems(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue($"HTTP {response.Status} for {new Uri(response.Url).AbsolutePath}");
            }
        };
    }

    /// <summary>Starts listening; call before the page is opened so that its load is covered.</summary>
    public static BrowserProblems Watch(IPage page) => new(page);

    public IReadOnlyList<string> Seen => _problems.ToArray();

    public void AssertNone() =>
        Assert.True(_problems.IsEmpty, "The browser reported problems:\n" + string.Join("\n", _problems));
}
