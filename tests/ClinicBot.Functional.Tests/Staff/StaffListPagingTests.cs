using System.Net;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>The staff list in pages of Staff:PageSize, newest first, keeping the filter; only the page is shown and audited.</summary>
public sealed class StaffListPagingTests
{
    [Fact]
    public async Task Pages_hold_page_size_rows_newest_first_and_keep_the_filter()
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Staff:PageSize"] = "2" });
        var now = DateTimeOffset.UtcNow;
        var references = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            references.Add(await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking($"Paged Person {i}", now.AddMinutes(-10 * (5 - i)))));
        }

        var client = await app.SignedInClientAsync("pager@clinic.test");

        var first = await client.GetStringAsync("/staff");
        Assert.Contains("Paged Person 4", first);
        Assert.Contains("Paged Person 3", first);
        Assert.DoesNotContain("Paged Person 2", first);
        Assert.Contains("Page 1 of 3 (5 requests)", first);
        Assert.Contains("href=\"/staff?pageNumber=2\"", first);

        var last = await client.GetStringAsync("/staff?pageNumber=3");
        Assert.Contains("Paged Person 0", last);
        Assert.DoesNotContain("Paged Person 1", last);
        Assert.DoesNotContain("rel=\"next\"", last);

        await StaffForms.PostAsync(client, $"/staff/bookings/{references[0]}", $"/staff/bookings/{references[0]}?handler=Status", ("status", "closed"));
        var closed = await client.GetStringAsync("/staff?status=closed");
        Assert.Contains("Page 1 of 1 (1 requests)", closed);
        Assert.Contains("Paged Person 0", closed);
        var open = await client.GetStringAsync("/staff?status=new");
        Assert.Contains("Page 1 of 2 (4 requests)", open);
        Assert.Contains("href=\"/staff?status=new&amp;pageNumber=2\"", open);

        var audit = StaffTestData.Query(app.DatabasePath, "SELECT booking_references, detail FROM staff_audit WHERE action = 'bookings.list' ORDER BY id");
        Assert.Equal($"{references[4]},{references[3]}", audit[0]["booking_references"]);
        Assert.Equal("rows=2;page=1", audit[0]["detail"]);
        Assert.Equal(references[0], audit[1]["booking_references"]);
    }

    [Theory]
    [InlineData("/staff?pageNumber=-3")]
    [InlineData("/staff?pageNumber=99999")]
    [InlineData("/staff?pageNumber=abc")]
    [InlineData("/staff?to=9999-12-31&from=0001-01-01")]
    public async Task Odd_page_numbers_and_extreme_dates_get_a_page_not_an_error(string url)
    {
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["Staff:PageSize"] = "2" });
        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Only Person", DateTimeOffset.UtcNow));
        var client = await app.SignedInClientAsync("odd@clinic.test");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only Person", await response.Content.ReadAsStringAsync());
    }
}
