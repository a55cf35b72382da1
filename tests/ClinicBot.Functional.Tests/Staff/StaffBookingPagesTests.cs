using System.Globalization;
using System.Net;
using System.Text;
using ClinicBot.Staff;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Staff;

/// <summary>List, filter, detail, status changes, CSV export and the audit rows they write.</summary>
public sealed class StaffBookingPagesTests : IClassFixture<StaffBookingPagesTests.App>
{
    private readonly App _app;

    public StaffBookingPagesTests(App app)
    {
        _app = app;
    }

    public sealed class App() : StaffAppFactory();

    [Fact]
    public async Task List_shows_newest_first_and_filters_by_status_and_date()
    {
        var now = DateTimeOffset.UtcNow;
        var old = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Listing Older", now.AddDays(-10)));
        var newer = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Listing Newer", now.AddMinutes(-5)));
        var client = await _app.SignedInClientAsync("list@clinic.test");
        await StaffForms.PostAsync(client, $"/staff/bookings/{old}", $"/staff/bookings/{old}?handler=Status", ("status", "called"));

        var all = await client.GetStringAsync("/staff");
        Assert.True(all.IndexOf(newer, StringComparison.Ordinal) < all.IndexOf(old, StringComparison.Ordinal), "newest first");

        var called = await client.GetStringAsync("/staff?status=called");
        Assert.Contains(old, called);
        Assert.DoesNotContain(newer, called);

        var fromDate = now.AddDays(-2).ToString("yyyy-MM-dd");
        var recent = await client.GetStringAsync($"/staff?from={fromDate}");
        Assert.Contains(newer, recent);
        Assert.DoesNotContain(old, recent);

        var toDate = now.AddDays(-5).ToString("yyyy-MM-dd");
        var older = await client.GetStringAsync($"/staff?to={toDate}");
        Assert.Contains(old, older);
        Assert.DoesNotContain(newer, older);
    }

    [Theory]
    [InlineData("/staff?status=bogus")]
    [InlineData("/staff?from=not-a-date")]
    [InlineData("/staff?from=2026-13-45&to=%00")]
    public async Task Bad_filter_input_gets_a_clear_page_not_an_error(string url)
    {
        var client = await _app.SignedInClientAsync($"badfilter-{Guid.NewGuid():N}@clinic.test");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"problem\"", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Theory]
    [InlineData("/staff/bookings/KB-ZZZZZ")]
    [InlineData("/staff/bookings/not-a-reference")]
    [InlineData("/staff/bookings/%3Cscript%3E")]
    public async Task Unknown_or_malformed_reference_is_404(string url)
    {
        var client = await _app.SignedInClientAsync($"notfound-{Guid.NewGuid():N}@clinic.test");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_phone_with_an_extension_is_shown_and_linked_with_it_in_the_list_and_the_detail()
    {
        var reference = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Extension Person", DateTimeOffset.UtcNow, "+17135550120;ext=4"));
        var client = await _app.SignedInClientAsync("extension@clinic.test");

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync($"/staff/bookings/{reference}"));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/staff"));

        Assert.Contains("href=\"tel:+17135550120;ext=4\"", detail);
        Assert.Contains(">(713) 555-0120 ext. 4<", detail);
        Assert.Contains("(713) 555-0120 ext. 4", list);
    }

    [Fact]
    public async Task Detail_shows_the_booking_and_status_changes_are_audited_without_field_values()
    {
        var reference = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Detail Person", DateTimeOffset.UtcNow, "+18325550123", "detail@person.test"));
        var user = await _app.CreateStaffAsync("detail@clinic.test");
        var client = _app.CreateStaffClient();
        await _app.SignInAsync(client, "detail@clinic.test");

        var html = await client.GetStringAsync($"/staff/bookings/{reference}");
        Assert.Contains("Detail Person", html);
        Assert.Contains("href=\"tel:+18325550123\"", WebUtility.HtmlDecode(html));
        Assert.Contains("detail@person.test", html);

        var marked = await StaffForms.PostAsync(client, $"/staff/bookings/{reference}", $"/staff/bookings/{reference}?handler=Status", ("status", "called"));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains(">called<", await client.GetStringAsync($"/staff/bookings/{reference}"));

        var bogus = await StaffForms.PostAsync(client, $"/staff/bookings/{reference}", $"/staff/bookings/{reference}?handler=Status", ("status", "deleted"));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);

        var audit = StaffTestData.Query(_app.DatabasePath, $"SELECT * FROM staff_audit WHERE staff_user_id = '{user.Id}' ORDER BY id");
        Assert.Contains(audit, row => (string)row["action"]! == "booking.view" && (string)row["booking_references"]! == reference);
        Assert.Contains(audit, row => (string)row["action"]! == "booking.status" && (string)row["booking_references"]! == reference && (string?)row["detail"] == "status=called");
        Assert.All(audit, row => Assert.Equal("detail@clinic.test", row["staff_email"]));
        Assert.All(audit, row => Assert.False(string.IsNullOrEmpty((string)row["at"]!)));
        var auditText = string.Join("|", audit.SelectMany(row => row.Values).Select(value => value?.ToString()));
        Assert.DoesNotContain("Detail Person", auditText);
        Assert.DoesNotContain("5550123", auditText);
        Assert.DoesNotContain("detail@person.test", auditText);
    }

    [Fact]
    public async Task A_booking_for_someone_else_shows_who_it_is_for_and_who_booked_it_on_list_detail_and_csv()
    {
        var booking = StaffTestData.Booking("Rosa Elena Díaz", DateTimeOffset.UtcNow.AddMinutes(-1)) with { CallFor = "mom", BookedBy = "Ana Díaz" };
        var reference = await StaffTestData.SaveAsync(_app.Services, booking);
        var client = await _app.SignedInClientAsync("callfor@clinic.test");

        var list = await client.GetStringAsync("/staff");
        Assert.Contains("(call for: mom; booked by Ana Díaz)", System.Net.WebUtility.HtmlDecode(list));

        var detail = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/staff/bookings/{reference}"));
        Assert.Contains("<dd class=\"call-for\">mom</dd>", detail);
        Assert.Contains("<dd class=\"booked-by\">Ana Díaz</dd>", detail);

        var response = await StaffForms.PostAsync(client, "/staff", "/staff?handler=Export", ("status", ""));
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("\"Call for\",\"Booked by\"", lines[0]);
        Assert.Contains(lines, line => line.StartsWith($"\"{reference}\"", StringComparison.Ordinal) && line.EndsWith("\"mom\",\"Ana Díaz\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_requests_never_change_status()
    {
        var reference = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Get Only", DateTimeOffset.UtcNow));
        var client = await _app.SignedInClientAsync("getonly@clinic.test");

        await client.GetAsync($"/staff/bookings/{reference}?handler=Status&status=closed");
        await client.GetAsync($"/staff/bookings/{reference}/?status=closed");

        Assert.Empty(StaffTestData.Query(_app.DatabasePath, $"SELECT * FROM booking_status WHERE reference = '{reference}'"));
    }

    [Fact]
    public async Task Csv_export_escapes_formula_cells_and_is_audited()
    {
        var stamp = DateTimeOffset.UtcNow.AddDays(-40);
        var references = new List<string>();
        foreach (var name in new[] { "=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1,2)", "-2+3", "@cmd|' /C calc'!A0", "Plain \"Quoted\" Name" })
        {
            references.Add(await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking(name, stamp, email: "=1+1@x.test")));
        }

        var user = await _app.CreateStaffAsync("export@clinic.test");
        var client = _app.CreateStaffClient();
        await _app.SignInAsync(client, "export@clinic.test");
        // The filter's dates are the clinic's calendar days, not UTC ones (they differ every evening in Texas).
        var day = _app.Services.GetRequiredService<ClinicClock>().LocalDate(stamp).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await StaffForms.PostAsync(client, $"/staff?from={day}&to={day}", "/staff?handler=Export", ("from", day), ("to", day), ("status", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + references.Count, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", csv);
        Assert.Contains("\"'+SUM(1,2)\"", csv);
        Assert.Contains("\"'-2+3\"", csv);
        Assert.Contains("\"'@cmd|' /C calc'!A0\"", csv);
        Assert.Contains("\"Plain \"\"Quoted\"\" Name\"", csv);
        Assert.Contains("\"'=1+1@x.test\"", csv);
        Assert.Contains("\"(832) 555-0100\"", csv);
        Assert.DoesNotContain("'(832)", csv);
        foreach (var line in lines)
        {
            foreach (var cell in line.Split("\",\""))
            {
                Assert.False(cell.TrimStart('"').Length > 0 && "=+-@".Contains(cell.TrimStart('"')[0]), $"unescaped cell {cell}");
            }
        }

        var exportRow = StaffTestData.Query(_app.DatabasePath, $"SELECT * FROM staff_audit WHERE staff_user_id = '{user.Id}' AND action = 'bookings.export'").Single();
        Assert.Equal(references.Order().ToArray(), ((string)exportRow["booking_references"]!).Split(',').Order().ToArray());
        Assert.DoesNotContain("HYPERLINK", string.Join("|", exportRow.Values));
    }

    [Fact]
    public async Task List_view_is_audited_with_the_references_shown()
    {
        var reference = await StaffTestData.SaveAsync(_app.Services, StaffTestData.Booking("Audit List", DateTimeOffset.UtcNow.AddDays(-3)));
        var user = await _app.CreateStaffAsync("auditlist@clinic.test");
        var client = _app.CreateStaffClient();
        await _app.SignInAsync(client, "auditlist@clinic.test");

        await client.GetStringAsync("/staff");

        var row = StaffTestData.Query(_app.DatabasePath, $"SELECT * FROM staff_audit WHERE staff_user_id = '{user.Id}' AND action = 'bookings.list'").Single();
        Assert.Contains(reference, ((string)row["booking_references"]!).Split(','));
    }
}
