using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Texts;
using ClinicBot.Knowledge;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Booking.Flows;

/// <summary>
/// clinic.json is the one source of the clinic's hours and time zone: change them in a copy of the content and
/// both the hours answer and the booking window (built from the facts as the app wires it) follow.
/// </summary>
public sealed class ClinicHoursFollowTests : IDisposable
{
    private const string FridayHours = "\"Friday\": { \"open\": \"9:00 AM\", \"close\": \"5:00 PM\" }";
    private const string MondayHours = "\"Monday\": { \"open\": \"9:00 AM\", \"close\": \"5:00 PM\" },";

    // Monday 2026-11-30 08:00 Chicago: the next days' slots are all ahead.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(-6));

    private readonly string _temp = Directory.CreateTempSubdirectory("clinicbot-hours-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_built_in_facts_give_the_window_the_clinic_has_always_had()
    {
        var window = CallbackWindow.ClinicDefault;

        Assert.Equal("America/Chicago", window.TimeZoneId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], window.Days.Order());
        Assert.Equal(new TimeOnly(9, 0), window.Opens);
        Assert.Equal(new TimeOnly(16, 30), window.LastStart);
        Assert.Equal(TimeSpan.FromHours(1), window.MinimumNotice);
    }

    [Fact]
    public void Monday_closed_in_clinic_json_changes_the_hours_answer_and_the_booking_window()
    {
        var knowledge = LoadEdited(clinic => clinic.Replace(MondayHours, ""));
        var window = CallbackWindow.From(knowledge.Facts);
        var times = new CallbackTimeRecognizer(window);

        var mondayAnswer = knowledge.Respond("are you open monday?", KnowledgeFixture.TuesdayMorning)[0].Text;
        Assert.Contains("closed", mondayAnswer);
        Assert.Contains("Tue–Fri 9:00 AM – 5:00 PM", mondayAnswer);
        Assert.DoesNotContain(DayOfWeek.Monday, window.Days);

        var monday = times.Recognize("next monday at 10am", Now);
        Assert.Equal(CallbackOutcome.OutsideHours, monday.Outcome);
        Assert.All(monday.Alternatives, slot => Assert.NotEqual(DayOfWeek.Monday, slot.DayOfWeek));
        Assert.True(times.Recognize("tuesday at 10am", Now).IsAccepted);
        Assert.Contains("Tuesday to Friday, 9 AM to 5 PM Central Time", BookingTexts.Default.WithClinic(knowledge.Facts, window).Get("help"));
    }

    [Fact]
    public void The_booking_texts_take_the_phone_and_hours_from_clinic_json()
    {
        var knowledge = LoadEdited(clinic => clinic.Replace("\"832-899-4065\"", "\"713-555-0199\""));
        var texts = BookingTexts.Default.WithClinic(knowledge.Facts, CallbackWindow.From(knowledge.Facts));

        Assert.Contains("713-555-0199", texts.Get("cancelled"));
        Assert.DoesNotContain("832-899-4065", texts.Get("cancelled"));
        Assert.Contains("Monday to Friday, 9 AM to 5 PM Central Time", BookingTexts.Default.Get("help"));
        Assert.Contains("832-899-4065", BookingTexts.Default.Get("cancelled"));
    }

    [Fact]
    public void Friday_closing_at_3_pm_in_clinic_json_changes_the_hours_answer_and_the_last_call()
    {
        var knowledge = LoadEdited(clinic => clinic.Replace(FridayHours, "\"Friday\": { \"open\": \"9:00 AM\", \"close\": \"3:00 PM\" }"));
        var window = CallbackWindow.From(knowledge.Facts);
        var times = new CallbackTimeRecognizer(window);

        Assert.Contains("On Friday the clinic is open 9:00 AM – 3:00 PM", knowledge.Respond("open friday?", KnowledgeFixture.TuesdayMorning)[0].Text);
        Assert.Equal(new TimeOnly(14, 30), window.LastStart);
        Assert.Equal(CallbackOutcome.OutsideHours, times.Recognize("friday at 4pm", Now).Outcome);
        Assert.True(times.Recognize("friday at 11am", Now).IsAccepted);
    }

    [Fact]
    public void Another_time_zone_in_clinic_json_moves_the_booking_window()
    {
        var knowledge = LoadEdited(clinic => clinic.Replace("\"America/Chicago\"", "\"America/New_York\""));
        var window = CallbackWindow.From(knowledge.Facts);

        Assert.Equal("America/New_York", window.TimeZoneId);
        // 16:15 Chicago is 17:15 New York: after the last call there, inside the Chicago window.
        Assert.False(window.IsOpenAt(new DateTimeOffset(2026, 12, 1, 16, 15, 0, TimeSpan.FromHours(-6))));
        Assert.True(CallbackWindow.ClinicDefault.IsOpenAt(new DateTimeOffset(2026, 12, 1, 16, 15, 0, TimeSpan.FromHours(-6))));
    }

    private ClinicKnowledge LoadEdited(Func<string, string> edit)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Content");
        var target = Path.Combine(_temp, "Content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var clinic = Path.Combine(target, "clinic.json");
        var original = File.ReadAllText(clinic);
        var edited = edit(original);
        Assert.NotEqual(original, edited);
        File.WriteAllText(clinic, edited);

        var knowledge = ClinicKnowledge.Load(target);
        Assert.Empty(knowledge.LoadWarnings);
        return knowledge;
    }
}
