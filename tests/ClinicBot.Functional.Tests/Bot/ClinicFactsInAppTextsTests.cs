using System.Text.Json.Nodes;
using ClinicBot.Bots;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Channels.DirectLine.WebChat;
using ClinicBot.Knowledge;
using ClinicBot.Staff;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Widget;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Bot;

/// <summary>
/// The app's own texts and the staff pages' clock take the clinic's phone, hours and time zone from clinic.json:
/// change them in a copy of the content and every part follows.
/// </summary>
public sealed class ClinicFactsInAppTextsTests : IDisposable
{
    private const string NewPhone = "713-555-0142";
    private readonly string _content = TempFolder.Create("clinicbot-facts");

    public ClinicFactsInAppTextsTests()
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Content"), _content);
        var clinicPath = Path.Combine(_content, "clinic.json");
        var clinic = JsonNode.Parse(File.ReadAllText(clinicPath))!;
        clinic["phone"] = NewPhone;
        clinic["timeZoneId"] = "America/Denver";
        foreach (var day in clinic["hours"]!.AsObject())
        {
            day.Value!["open"] = "8:00 AM";
        }

        File.WriteAllText(clinicPath, clinic.ToJsonString());
    }

    public void Dispose() => TempFolder.TryDelete(_content);

    [Fact]
    public void The_bots_messages_carry_the_phone_and_hours_of_clinic_json()
    {
        var messages = BotMessages.Load(Path.Combine(_content, "bot-messages.json"));

        string[] withPhone = [messages.TurnError, messages.SharedChatBooking, messages.StorageUnavailable, messages.TurnConflict];
        Assert.All(withPhone, text => Assert.Contains(NewPhone, text));
        Assert.All(withPhone, text => Assert.DoesNotContain("832-899-4065", text));
        Assert.Contains("8:00 AM", messages.TurnError);
        Assert.DoesNotContain("9:00 AM", messages.StorageUnavailable);
        Assert.All([.. withPhone, messages.StaleCard, messages.PrivateChatButton], text => Assert.DoesNotContain("{", text));
    }

    [Fact]
    public void The_web_chat_channels_texts_carry_the_phone_of_clinic_json()
    {
        var texts = DirectLineTexts.Load(ClinicKnowledge.Load(_content));

        Assert.Contains(NewPhone, texts.ServiceUnreachable);
        Assert.Contains(NewPhone, texts.TooLong(2000));
        Assert.DoesNotContain("{Phone}", texts.TooLong(2000));
    }

    [Fact]
    public void The_chat_pages_carry_the_phone_and_hours_of_clinic_json()
    {
        var facts = ClinicKnowledge.Load(_content).Facts;
        foreach (var page in new[] { "index.html", "embed.html" })
        {
            var html = ChatPageFacts.Fill(File.ReadAllText(Path.Combine(WebChatAssetTests.WebRoot, page)), facts);

            Assert.Contains(NewPhone, html);
            Assert.DoesNotContain("832-899-4065", html);
            Assert.DoesNotContain("{Clinic", html);
        }

        var home = ChatPageFacts.Fill(File.ReadAllText(Path.Combine(WebChatAssetTests.WebRoot, "index.html")), facts);
        Assert.Contains("tel:+17135550142", home);
        Assert.Contains("Mon–Fri 8:00 AM – 5:00 PM", home);
        Assert.DoesNotContain("9:00 AM", home);
        Assert.Contains("Closed Saturday and Sunday", home);
    }

    [Fact]
    public void The_staff_pages_clock_is_in_the_time_zone_of_clinic_json()
    {
        var clock = new ClinicClock(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T17:00:00Z")), ClinicKnowledge.Load(_content));

        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("America/Denver"), clock.Zone);
        Assert.Equal(10, clock.Now.Hour);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
