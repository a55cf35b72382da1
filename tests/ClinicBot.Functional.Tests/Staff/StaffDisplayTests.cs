using System.Text;
using System.Text.Json;
using ClinicBot.Knowledge;
using ClinicBot.Staff;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Display;
using ClinicBot.Staff.Export;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Tests.Staff;

/// <summary>What a receptionist reads: clinic times in words, channels and topics in words, phones and CSV cells.</summary>
public sealed class StaffDisplayTests
{
    private static readonly ClinicKnowledge Knowledge = ClinicKnowledge.LoadDefault();
    private static readonly StaffLabels Labels = StaffLabels.Load(StaffLabels.DefaultPath);

    private static ClinicTimeWords TimesAt(DateTimeOffset now) => new(new ClinicClock(new FakeTimeProvider(now), Knowledge));

    [Theory]
    // Central Standard Time (UTC-6) in December, Central Daylight Time (UTC-5) in July: the same 2:00 PM.
    [InlineData("2026-12-07T20:00:00Z", "Mon Dec 7, 2:00 PM")]
    [InlineData("2026-07-07T19:00:00Z", "Tue Jul 7, 2:00 PM")]
    // Spring forward (Mar 8 2026): 1:59 AM CST is followed by 3:00 AM CDT.
    [InlineData("2026-03-08T07:59:00Z", "Sun Mar 8, 1:59 AM")]
    [InlineData("2026-03-08T08:00:00Z", "Sun Mar 8, 3:00 AM")]
    // Fall back (Nov 1 2026): 1:30 AM happens twice, an hour apart in UTC.
    [InlineData("2026-11-01T06:30:00Z", "Sun Nov 1, 1:30 AM")]
    [InlineData("2026-11-01T07:30:00Z", "Sun Nov 1, 1:30 AM")]
    // Late evening in Texas is already the next day in UTC.
    [InlineData("2026-12-08T03:15:00Z", "Mon Dec 7, 9:15 PM")]
    public void Times_are_shown_in_clinic_time_in_words_across_daylight_saving(string utc, string expected)
    {
        var times = TimesAt(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(expected, times.Short(DateTimeOffset.Parse(utc)));
    }

    [Fact]
    public void A_time_in_another_year_carries_its_year_and_the_detail_always_does()
    {
        var times = TimesAt(new DateTimeOffset(2027, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var december = DateTimeOffset.Parse("2026-12-07T20:00:00Z");

        Assert.Equal("Mon Dec 7, 2026, 2:00 PM", times.Short(december));
        Assert.Equal("Mon Dec 7, 2026, 2:00 PM", times.WithYear(december));
        Assert.Equal("Tue Jan 5, 6:00 AM", times.Short(DateTimeOffset.Parse("2027-01-05T12:00:00Z")));
        Assert.Equal("Mon Dec 7", ClinicTimeWords.Day(new DateOnly(2026, 12, 7)));
    }

    [Theory]
    [InlineData("directline", "Website chat")]
    [InlineData("webchat", "Website chat")]
    [InlineData("msteams", "Teams")]
    [InlineData("MSTeams", "Teams")]
    [InlineData("emulator", "Test chat (Emulator)")]
    [InlineData("test", "Test chat")]
    [InlineData("slack", "Slack")]
    [InlineData("my_new-channel", "My new channel")]
    [InlineData("", "Unknown channel")]
    [InlineData(null, "Unknown channel")]
    public void Channels_are_named_in_words_and_unknown_ones_stay_readable(string? id, string expected)
    {
        Assert.Equal(expected, Labels.Channel(id));
    }

    [Theory]
    [InlineData("book_call", "Booking a call")]
    [InlineData("out_of_scope", "Not on the page")]
    [InlineData("hours", "Opening hours")]
    [InlineData("brand_new_topic", "Brand new topic")]
    [InlineData("<b>x</b>", "<b>x</b>")]
    public void Topics_are_named_in_words_and_unknown_ones_stay_readable(string name, string expected)
    {
        Assert.Equal(expected, Labels.Topic(name));
    }

    [Fact]
    public void The_labels_file_names_every_topic_the_bot_answers()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(StaffLabels.DefaultPath));
        var named = file.RootElement.GetProperty("topics").EnumerateObject().Select(property => property.Name).ToHashSet();

        Assert.All(TopicNames.All, topic => Assert.Contains(topic, named));
    }

    [Fact]
    public void A_labels_file_without_its_lists_is_refused_with_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"staff-labels-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"channels\": {}}");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => StaffLabels.Load(path));
            Assert.Contains(Path.GetFileName(path), error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Csv_is_readable_in_a_spreadsheet_yet_formula_safe()
    {
        var times = TimesAt(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var received = DateTimeOffset.Parse("2026-12-07T20:00:00Z");
        var rows = new[]
        {
            Row("KB-AAAAA", "=HYPERLINK(\"http://evil.test\",\"click\")", "+17135550199;ext=4", received),
            Row("KB-BBBBB", "José Núñez", "+18325550100", received),
            Row("KB-CCCCC", "\tTabbed", "+442079460958", received),
            Row("KB-DDDDD", "-1+2", "not-a-phone=1", received),
        };

        var bytes = BookingCsvWriter.Utf8WithBom(rows, times, Labels);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Reference\",\"Status\",\"Received\",\"Callback\",\"Name\",\"Phone\",\"Email\",\"Channel\",\"Call for\",\"Booked by\"", lines[0]);
        Assert.Equal("\"KB-AAAAA\",\"new\",\"Mon Dec 7, 2026, 2:00 PM\",\"Wed Dec 9, 2026, 2:00 PM\",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",\"(713) 555-0199 ext. 4\",\"\",\"Website chat\",\"\",\"\"", lines[1]);
        Assert.Contains("\"José Núñez\",\"(832) 555-0100\"", lines[2]);
        // A number outside the US keeps its international form, which starts with + and so is neutralised.
        Assert.Contains("\"'\tTabbed\",\"'+442079460958\"", lines[3]);
        Assert.Contains("\"'-1+2\",\"not-a-phone=1\"", lines[4]);
        foreach (var cell in lines.SelectMany(line => line[1..^1].Split("\",\"")))
        {
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"cell a spreadsheet would run: {cell}");
        }
    }

    private static StaffBookingView Row(string reference, string name, string phone, DateTimeOffset received) =>
        new(reference, name, phone, null, received.AddDays(2), received, "directline", BookingStatus.New);
}
