using ClinicBot.Language.Loading;

namespace ClinicBot.Language.Time;

/// <summary>
/// The day, month, number, minute and time-zone words (English and Spanish, lower case, accent-free) of
/// Content/time-words.json, read once from Content/language/ next to the app (embedded copy as fallback).
/// </summary>
public sealed class TimeWords
{
    public const string FileName = "time-words.json";

    private static readonly Lazy<(TimeWords Words, IReadOnlyList<string> Warnings)> Loaded = new(LoadDefault);

    private TimeWords(TimeWordsDocument document)
    {
        DayNames = document.DayNames;
        FullDayNames = document.FullDayNames;
        AmbiguousDayNames = document.AmbiguousDayNames.ToHashSet(StringComparer.Ordinal);
        Months = document.Months;
        NumberWords = document.NumberWords;
        MinuteWords = document.MinuteWords;
        ZoneWords = document.ZoneWords;
        ZoneFollowers = document.ZoneFollowers.ToHashSet(StringComparer.Ordinal);
        NegationsBefore = document.NegationsBefore.ToHashSet(StringComparer.Ordinal);
        NegationsAfter = document.NegationsAfter.Select(p => p.Split(' ')).ToArray();
    }

    /// <summary>The words next to the app, or the embedded ones when that file is missing or broken.</summary>
    public static TimeWords Default => Loaded.Value.Words;

    /// <summary>Why <see cref="Default"/> fell back to the embedded copy; empty when the file next to the app was used.</summary>
    public static IReadOnlyList<string> LoadWarnings => Loaded.Value.Warnings;

    /// <summary>Weekday words, abbreviations and common misspellings; plural forms ("tuesdays") are left to the reader.</summary>
    public IReadOnlyDictionary<string, DayOfWeek> DayNames { get; }

    /// <summary>Full day names, for recognising misspellings of them.</summary>
    public IReadOnlyDictionary<string, DayOfWeek> FullDayNames { get; }

    /// <summary>Short forms that are also ordinary words ("sat", "sun", "wed").</summary>
    public IReadOnlySet<string> AmbiguousDayNames { get; }

    public IReadOnlyDictionary<string, int> Months { get; }

    public IReadOnlyDictionary<string, int> NumberWords { get; }

    public IReadOnlyDictionary<string, int> MinuteWords { get; }

    /// <summary>Zone words → IANA ids ("pacific" → America/Los_Angeles).</summary>
    public IReadOnlyDictionary<string, string> ZoneWords { get; }

    /// <summary>Words that, right before a zone word, make it a zone ("pacific time", "hora del pacifico").</summary>
    public IReadOnlySet<string> ZoneFollowers { get; }

    /// <summary>Words before a day or time that rule it out ("not monday", "except friday").</summary>
    public IReadOnlySet<string> NegationsBefore { get; }

    /// <summary>Phrases after a day or time that rule it out ("weekdays don't work", "mornings are bad").</summary>
    public string[][] NegationsAfter { get; }

    public static TimeWords Read(IContentSource source) => new(ContentJson.Read<TimeWordsDocument>(source, FileName));

    private static (TimeWords, IReadOnlyList<string>) LoadDefault()
    {
        var warnings = new List<string>();
        var words = ContentWithFallback.Load(LanguageContent.DefaultFolder, LanguageContent.Embedded, Read, warnings);
        return (words, warnings);
    }

    private sealed record TimeWordsDocument(
        Dictionary<string, DayOfWeek> DayNames,
        Dictionary<string, DayOfWeek> FullDayNames,
        List<string> AmbiguousDayNames,
        Dictionary<string, int> Months,
        Dictionary<string, int> NumberWords,
        Dictionary<string, int> MinuteWords,
        Dictionary<string, string> ZoneWords,
        List<string> ZoneFollowers,
        List<string> NegationsBefore,
        List<string> NegationsAfter);
}
