using System.Globalization;
using System.Text.RegularExpressions;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// Reads days, times, parts of day and time zones from a message, as rules over tokens: weekday and
/// relative-day words, dates, clock times with their qualifiers (after/before/around/between), parts of
/// day, "asap", and zone words. It only describes what was said; <see cref="CallbackSlotResolver"/> turns
/// that into a moment. In strict mode (used when pulling fields out of a longer message) a bare number is
/// not a time and vague words such as "now" or "today" alone do not count.
/// </summary>
internal static partial class TimeExpressionParser
{
    public static TimeRequest Parse(string text, bool strict = false)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000)
        {
            return new TimeRequest([], [], null);
        }

        return new Scanner(TimeTokenizer.Tokenize(text), strict).Run();
    }

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?::(?<m>[0-9]{2}))?(?<suffix>am|pm|a|p|h|hs|hrs|ish|o'?clock)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex ClockToken();

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?<m>[0-9]{2})(?<suffix>am|pm)$", RegexOptions.CultureInvariant)]
    internal static partial Regex CompactClockToken();

    [GeneratedRegex(@"^(?<h1>[0-9]{1,2})(?::(?<m1>[0-9]{2}))?(?<s1>am|pm)?-(?<h2>[0-9]{1,2})(?::(?<m2>[0-9]{2}))?(?<s2>am|pm)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex RangeToken();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?:st|nd|rd|th)$", RegexOptions.CultureInvariant)]
    internal static partial Regex OrdinalToken();

    [GeneratedRegex(@"^(?<mo>[0-9]{1,2})/(?<d>[0-9]{1,2})(?:/(?<y>[0-9]{2}|[0-9]{4}))?$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlashDateToken();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    internal static partial Regex IsoDateToken();

    // Numbers are read the invariant way: the current culture comes from each activity's locale (its signs would
    // change what "+3" means, and building its number format costs a lookup on every turn).
    private static bool TryParseNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static int ParseNumber(string digits) => int.Parse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private sealed class Scanner(List<string> tokens, bool strict)
    {
        private readonly List<DayMention> _days = [];
        private readonly List<TimeMention> _times = [];
        private ZoneMention? _zone;

        public TimeRequest Run()
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var used = TryHoliday(i);
                if (used == 0) used = TryPhrase(i);
                if (used == 0) used = TryWeekday(i);
                if (used == 0) used = TryMonthDate(i);
                if (used == 0) used = TryNumericDate(i);
                if (used == 0) used = TryDelay(i);
                if (used == 0) used = TryClock(i);
                if (used == 0) used = TryZoneWord(i);
                if (used == 0) used = TryStandaloneMeridiem(i);
                i += Math.Max(used, 1);
            }

            var days = _days.Select(d => (DayMention)TimeNegation.Apply(d, tokens, AllMentions())).ToList();
            var times = _times.Select(t => (TimeMention)TimeNegation.Apply(t, tokens, AllMentions())).ToList();
            times = times.Select(TimeNegation.FlipNegatedBefore).ToList();

            if (strict)
            {
                // "today" alone in a longer message is rarely a callback wish ("I feel bad today").
                // "It's Maria from yesterday" is not a wish for a past callback either.
                if (times.Count == 0)
                {
                    days.RemoveAll(d => d is RelativeDayMention { Offset: <= 0 });
                }
            }

            // "anything but monday", "any day except friday": the ruled-out days are taken out of every day.
            if (days.Count > 0 && days.All(d => d.Negated) && tokens.Any(t => t is "except" or "excepto" or "but" or "besides" or "other" or "menos"))
            {
                days.Add(new WeekdaySetMention(TimeVocabulary.AllDays) { Start = days[0].Start, End = days[0].End });
            }

            return new TimeRequest(days, times, _zone);
        }

        private List<Mention> AllMentions() => _days.Cast<Mention>().Concat(_times).ToList();

        private string At(int i) => i >= 0 && i < tokens.Count ? tokens[i] : string.Empty;

        private bool Is(int i, params string[] words) => words.Contains(At(i));

        private void AddDay(DayMention mention, int start, int end) => _days.Add(mention with { Start = start, End = end });

        private void AddTime(TimeMention mention, int start, int end) => _times.Add(mention with { Start = start, End = end });

        // "new year's day", "christmas eve", "thanksgiving" (Content/words/holidays.json).
        private int TryHoliday(int i)
        {
            var (holiday, used) = Holidays.At(tokens, i);
            if (holiday is not null)
            {
                AddDay(new HolidayMention(holiday), i, i + used - 1);
            }

            return used;
        }

        // Multi-word phrases: asap, relative days, parts of day, weekday sets, "my time".
        private int TryPhrase(int i)
        {
            if (!TimePhrases.ByFirstWord.TryGetValue(At(i), out var phrases))
            {
                return 0;
            }

            foreach (var phrase in phrases)
            {
                if (phrase.StrictOnlyIfNotStrict && strict)
                {
                    continue;
                }

                if (!Matches(i, phrase.Words))
                {
                    continue;
                }

                if (phrase.Words[0] == "manana" && Is(i - 1, "la", "las"))
                {
                    continue; // "en la mañana" is morning, handled by its own phrase.
                }

                var end = i + phrase.Words.Length - 1;
                foreach (var day in phrase.Days)
                {
                    AddDay(day, i, end);
                }

                foreach (var time in phrase.Times)
                {
                    AddTime(time, i, end);
                }

                if (phrase.Zone is not null)
                {
                    _zone ??= phrase.Zone with { Start = i, End = end };
                }

                return phrase.Words.Length;
            }

            return 0;
        }

        private bool Matches(int i, string[] words)
        {
            if (i + words.Length > tokens.Count)
            {
                return false;
            }

            for (var j = 0; j < words.Length; j++)
            {
                if (tokens[i + j] != words[j])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool TryDayName(string token, out DayOfWeek day, out bool plural)
        {
            plural = false;
            if (TimeVocabulary.DayNames.TryGetValue(token, out day))
            {
                return true;
            }

            // Plurals: "tuesdays", "mondays" ("los martes" is already a day name).
            plural = token.Length > 4 && token.EndsWith('s') && TimeVocabulary.DayNames.TryGetValue(token[..^1], out day);
            return plural;
        }

        // A misspelt day name ("wenesday", "thirsday", "saterday"): one slip in a short name, two in a long one.
        // Only when a single day is that close, and never in strict mode, where words are not expected to be days.
        private bool TryMisspeltDayName(string token, out DayOfWeek day)
        {
            day = default;
            if (strict || token.Length < 6 || !token.All(char.IsLetter))
            {
                return false;
            }

            var close = TimeVocabulary.FullDayNames
                .Where(name => EditDistance.Between(token, name.Key) <= (name.Key.Length >= 8 ? 2 : 1))
                .Select(name => name.Value)
                .Distinct()
                .ToList();
            if (close.Count != 1)
            {
                return false;
            }

            day = close[0];
            return true;
        }

        private int TryWeekday(int i)
        {
            var token = At(i);
            if (!TryDayName(token, out var day, out var plural) && !TryMisspeltDayName(token, out day))
            {
                return 0;
            }

            if (TimeVocabulary.AmbiguousDayNames.Contains(token) && strict && !LooksLikeTimeAt(i + 1) && !Is(i - 1, "on", "next", "this"))
            {
                return 0;
            }

            var start = i;
            var end = i;
            var next = false;
            if (Is(i - 1, "next", "proximo", "proxima", "siguiente"))
            {
                next = true;
                start = i - 1;
            }
            else if (Is(i - 1, "this", "este", "coming", "on", "el", "los", "the"))
            {
                start = i - 1;
                plural |= Is(i - 1, "los") && !Is(i + 1, "que");
            }
            else if (Is(i - 1, "any", "every", "cualquier", "todos"))
            {
                start = i - 1;
                plural = true;
            }

            if (Is(i + 1, "que") && Is(i + 2, "viene"))
            {
                next = true;
                end = i + 2;
            }

            AddDay(new WeekdayMention(day, next, plural), start, end);
            return end - i + 1;
        }

        // "december 3", "dec 3rd", "3rd of december", "3 de diciembre", with an optional year.
        private int TryMonthDate(int i)
        {
            if (TimeVocabulary.Months.TryGetValue(At(i), out var month) && TryDayNumber(At(i + 1), out var day))
            {
                var used = 2;
                int? year = null;
                if (TryParseNumber(At(i + 2), out var y) && y is >= 2000 and <= 2100)
                {
                    year = y;
                    used = 3;
                }

                AddDay(new DateMention(year, month, day), i, i + used - 1);
                return used;
            }

            if (TryDayNumber(At(i), out var dayFirst))
            {
                var monthAt = Is(i + 1, "of", "de") ? i + 2 : i + 1;
                if (TimeVocabulary.Months.TryGetValue(At(monthAt), out var monthAfter))
                {
                    AddDay(new DateMention(null, monthAfter, dayFirst), i, monthAt);
                    return monthAt - i + 1;
                }
            }

            return 0;
        }

        private static bool TryDayNumber(string token, out int day)
        {
            var ordinal = OrdinalToken().Match(token);
            var text = ordinal.Success ? ordinal.Groups["d"].Value : token;
            return TryParseNumber(text, out day) && day is >= 1 and <= 31 && text.Length <= 2;
        }

        // "12/3", "2026-12-03", "the 3rd", "on the 3".
        private int TryNumericDate(int i)
        {
            var token = At(i);
            var slash = SlashDateToken().Match(token);
            if (slash.Success)
            {
                int? year = slash.Groups["y"].Success ? NormalizeYear(ParseNumber(slash.Groups["y"].Value)) : null;
                var month = ParseNumber(slash.Groups["mo"].Value);
                var day = ParseNumber(slash.Groups["d"].Value);
                if (month is >= 1 and <= 12 && day is >= 1 and <= 31)
                {
                    AddDay(new DateMention(year, month, day), i, i);
                    return 1;
                }
            }

            var iso = IsoDateToken().Match(token);
            if (iso.Success)
            {
                AddDay(new DateMention(ParseNumber(iso.Groups["y"].Value), ParseNumber(iso.Groups["mo"].Value), ParseNumber(iso.Groups["d"].Value)), i, i);
                return 1;
            }

            var ordinal = OrdinalToken().Match(token);
            if (ordinal.Success)
            {
                AddDay(new DayOfMonthMention(ParseNumber(ordinal.Groups["d"].Value)), Is(i - 1, "the") ? i - 1 : i, i);
                return 1;
            }

            // "the 3" / "el dia 3": a day of the month unless a time marker follows ("the 3 pm" is odd but a time).
            if (Is(i - 1, "the", "dia") && TryParseNumber(token, out var dom) && dom is >= 1 and <= 31 && !IsMeridiemAt(i + 1))
            {
                AddDay(new DayOfMonthMention(dom), i - 1, i);
                return 1;
            }

            return 0;
        }

        private static int NormalizeYear(int year) => year < 100 ? 2000 + year : year;

        // "in 2 hours", "in an hour", "in half an hour", "en una hora", "in 3 days".
        private int TryDelay(int i)
        {
            if (!Is(i, "in", "en", "within"))
            {
                return 0;
            }

            var j = i + 1;
            double amount;
            if (Is(j, "half", "media") && (Is(j + 1, "an", "a", "hora") || Is(j + 1, "hour")))
            {
                var unitAt = Is(j + 1, "an", "a") ? j + 2 : j + 1;
                if (Is(unitAt, "hour", "hora"))
                {
                    AddTime(new DelayMention(TimeSpan.FromMinutes(30)), i, unitAt);
                    return unitAt - i + 1;
                }

                return 0;
            }

            if (Is(j, "a", "an", "one", "una", "un"))
            {
                amount = 1;
            }
            else if (Is(j, "a") && Is(j + 1, "couple"))
            {
                amount = 2;
            }
            else if (Is(j, "couple"))
            {
                amount = 2;
            }
            else if (TryParseNumber(At(j), out var n) && n is > 0 and < 1000)
            {
                amount = n;
            }
            else if (TimeVocabulary.NumberWords.TryGetValue(At(j), out var w))
            {
                amount = w;
            }
            else
            {
                return 0;
            }

            var unit = j + 1;
            if (Is(unit, "couple")) unit++;
            if (Is(unit, "of")) unit++;
            switch (At(unit))
            {
                case "hour" or "hours" or "hr" or "hrs" or "hora" or "horas":
                    AddTime(new DelayMention(TimeSpan.FromHours(amount)), i, unit);
                    return unit - i + 1;
                case "minute" or "minutes" or "min" or "mins" or "minuto" or "minutos":
                    AddTime(new DelayMention(TimeSpan.FromMinutes(amount)), i, unit);
                    return unit - i + 1;
                case "day" or "days" or "dia" or "dias" when amount < 60:
                    AddDay(new RelativeDayMention((int)amount), i, unit);
                    return unit - i + 1;
                case "week" or "weeks" or "semana" or "semanas" when amount < 9:
                    AddDay(new RelativeDayMention((int)amount * 7), i, unit);
                    return unit - i + 1;
                default:
                    return 0;
            }
        }

        private bool IsMeridiemAt(int i) => Is(i, "am", "pm", "oclock", "o'clock") || (Is(i, "de", "en", "in") && Is(i + 1, "la", "the") && Is(i + 2, "manana", "tarde", "noche", "morning", "afternoon", "evening"));

        private bool LooksLikeTimeAt(int i) =>
            ClockToken().IsMatch(At(i)) || RangeToken().IsMatch(At(i)) || Is(i, "at", "morning", "afternoon", "evening", "am", "pm", "around", "after", "before");

        private int TryClock(int i)
        {
            var first = ReadClock(i, out var firstEnd, out var marked);
            if (first is null)
            {
                return 0;
            }

            var start = i;
            var qualifier = QualifierBefore(i, out var qualifierStart);
            if (qualifier != ClockQualifier.None)
            {
                start = qualifierStart;
                marked = true;
            }

            if (!marked && (strict || !BareNumberCanBeTime(i)))
            {
                return 0;
            }

            var end = firstEnd;

            // "1 to 4", "1-4pm", "between 1 and 4", "de 2 a 4".
            if (first.Value.Range is { } rangeEnd)
            {
                AddTime(new TimeRangeMention(first.Value.Time, rangeEnd), start, end);
                return end - i + 1;
            }

            var joinAt = end + 1;
            if (Is(joinAt, "to", "till", "until", "til", "through", "-", "a", "hasta") || (qualifier == ClockQualifier.Between && Is(joinAt, "and", "y")))
            {
                var second = ReadClock(joinAt + 1, out var secondEnd, out _);
                if (second is not null && second.Value.Range is null)
                {
                    AddTime(new TimeRangeMention(first.Value.Time, second.Value.Time), start, secondEnd);
                    return secondEnd - i + 1;
                }
            }

            // "9 or 10", "at 2 or 3pm": alternatives in order of preference.
            var alternatives = new List<ClockTime> { first.Value.Time };
            while (Is(end + 1, "or", "o") && ReadClock(end + 2, out var altEnd, out _) is { Range: null } alternative)
            {
                alternatives.Add(alternative.Time);
                end = altEnd;
            }

            if (alternatives.Count > 1)
            {
                var shared = alternatives.LastOrDefault(a => a.Meridiem != Meridiem.Unspecified).Meridiem;
                alternatives = alternatives.Select(a => a.Meridiem == Meridiem.Unspecified && shared != Meridiem.Unspecified ? a.WithMeridiem(shared) : a).ToList();
            }

            TimeMention mention = qualifier switch
            {
                ClockQualifier.After => new TimeRangeMention(first.Value.Time, null),
                ClockQualifier.Before => new TimeRangeMention(null, first.Value.Time),
                ClockQualifier.AvailableAfter => new TimeRangeMention(first.Value.Time, null),
                _ => new ExactTimeMention(alternatives),
            };
            AddTime(mention, start, end);
            return end - i + 1;
        }

        private bool BareNumberCanBeTime(int i)
        {
            if (!TryParseNumber(At(i), out var n) || n is < 1 or > 12)
            {
                return ClockToken().Match(At(i)) is { Success: true } m && m.Groups["m"].Success;
            }

            if (Is(i + 1, "day", "days", "hours", "hour", "minutes", "mins", "weeks", "week", "people", "times", "calls", "of", "dias", "horas"))
            {
                return false;
            }

            return !Is(i - 1, "the", "el", "dia", "number", "#", "suite", "room");
        }

        private readonly record struct ReadTime(ClockTime Time, ClockTime? Range);

        // One clock expression at i: "10", "10:30", "10am", "1030am", "1-4pm", "ten thirty", "half past two", "4 o'clock",
        // "3 y media", "9 de la manana". "marked" tells whether the expression itself shows it is a time.
        private ReadTime? ReadClock(int i, out int end, out bool marked)
        {
            end = i;
            marked = false;
            var token = At(i);
            if (token.Length == 0 || token == TimeTokenizer.ClauseBreak)
            {
                return null;
            }

            var range = RangeToken().Match(token);
            if (range.Success)
            {
                var from = MakeClock(range.Groups["h1"].Value, range.Groups["m1"].Value, range.Groups["s1"].Value);
                var to = MakeClock(range.Groups["h2"].Value, range.Groups["m2"].Value, range.Groups["s2"].Value);
                if (from is null || to is null)
                {
                    return null;
                }

                var toTime = to.Value;
                if (toTime.Meridiem == Meridiem.Unspecified && IsMeridiemAt(i + 1))
                {
                    toTime = toTime.WithMeridiem(MeridiemAt(i + 1, out end));
                }

                var fromTime = from.Value;
                if (fromTime.Meridiem == Meridiem.Unspecified && toTime.Meridiem != Meridiem.Unspecified && fromTime.Hour % 12 <= toTime.Hour % 12)
                {
                    fromTime = fromTime.WithMeridiem(toTime.Meridiem);
                }

                marked = true;
                return new ReadTime(fromTime, toTime);
            }

            if (Is(i, "half", "quarter") && Is(i + 1, "past", "after", "to", "til", "till") && ReadHourWord(At(i + 2)) is { } baseHour)
            {
                var minutes = At(i) == "half" ? 30 : 15;
                var clock = Is(i + 1, "to", "til", "till")
                    ? new ClockTime((baseHour + 11) % 12 + 1 == 12 ? 12 : (baseHour + 11) % 12, 60 - minutes, Meridiem.Unspecified)
                    : new ClockTime(baseHour, minutes, Meridiem.Unspecified);
                end = i + 2;
                marked = true;
                return new ReadTime(ApplyFollowingMeridiem(clock, ref end), null);
            }

            ClockTime? parsed = null;
            var m = ClockToken().Match(token);
            var compact = CompactClockToken().Match(token);
            if (m.Success)
            {
                parsed = MakeClock(m.Groups["h"].Value, m.Groups["m"].Value, m.Groups["suffix"].Value);
                marked = m.Groups["m"].Success || m.Groups["suffix"].Success;
            }
            else if (compact.Success)
            {
                parsed = MakeClock(compact.Groups["h"].Value, compact.Groups["m"].Value, compact.Groups["suffix"].Value);
                marked = true;
            }
            else if (ReadHourWord(token) is { } wordHour)
            {
                parsed = new ClockTime(wordHour, 0, Meridiem.Unspecified);
            }
            else if (Is(i, "noon", "midday", "mediodia"))
            {
                parsed = new ClockTime(12, 0, Meridiem.Pm);
                marked = true;
            }
            else if (Is(i, "midnight", "medianoche"))
            {
                parsed = new ClockTime(12, 0, Meridiem.Am);
                marked = true;
            }

            if (parsed is null)
            {
                return null;
            }

            var time = parsed.Value;

            // Minutes said as words or Spanish fractions: "ten thirty", "3 y media", "4 menos cuarto".
            if (time.Minute == 0 && TimeVocabulary.MinuteWords.TryGetValue(At(i + 1), out var minuteWord) && !m.Groups["m"].Success && !Is(i + 2, "minutes", "mins"))
            {
                time = time with { Minute = minuteWord };
                end = i + 1;
                if (At(i + 1) == "forty" && Is(i + 2, "five"))
                {
                    time = time with { Minute = 45 };
                    end = i + 2;
                }

                marked = true;
            }
            else if (Is(i + 1, "y") && Is(i + 2, "media", "cuarto"))
            {
                time = time with { Minute = At(i + 2) == "media" ? 30 : 15 };
                end = i + 2;
                marked = true;
            }

            if (IsMeridiemAt(end + 1))
            {
                marked = true;
                if (time.Meridiem == Meridiem.Unspecified)
                {
                    time = ApplyFollowingMeridiem(time, ref end);
                }
            }

            return new ReadTime(time, null);
        }

        private ClockTime ApplyFollowingMeridiem(ClockTime time, ref int end)
        {
            if (!IsMeridiemAt(end + 1))
            {
                return time;
            }

            var meridiem = MeridiemAt(end + 1, out var newEnd);
            end = newEnd;
            return meridiem == Meridiem.Unspecified ? time : time.WithMeridiem(meridiem);
        }

        private Meridiem MeridiemAt(int i, out int end)
        {
            end = i;
            if (Is(i, "am")) return Meridiem.Am;
            if (Is(i, "pm")) return Meridiem.Pm;
            if (Is(i, "oclock", "o'clock")) return Meridiem.Unspecified;
            end = i + 2;
            return Is(i + 2, "manana", "morning") ? Meridiem.Am : Meridiem.Pm;
        }

        private static int? ReadHourWord(string token) =>
            TimeVocabulary.NumberWords.TryGetValue(token, out var h) ? h : TryParseNumber(token, out var n) && n is >= 1 and <= 12 ? n : null;

        private static ClockTime? MakeClock(string hourText, string minuteText, string suffix)
        {
            var hour = ParseNumber(hourText);
            var minute = string.IsNullOrEmpty(minuteText) ? 0 : ParseNumber(minuteText);
            if (hour > 24 || minute > 59)
            {
                return null;
            }

            var meridiem = suffix switch
            {
                "am" or "a" => Meridiem.Am,
                "pm" or "p" => Meridiem.Pm,
                _ => Meridiem.Unspecified,
            };
            if (hour > 12 && meridiem == Meridiem.Am)
            {
                return null;
            }

            if (hour > 12 || hour == 0)
            {
                meridiem = Meridiem.Unspecified; // a 24-hour time, taken as is
            }

            return new ClockTime(hour == 24 ? 0 : hour, minute, meridiem);
        }

        private enum ClockQualifier
        {
            None,
            At,
            After,
            Before,
            Between,
            AvailableAfter,
        }

        // The words just before a clock time: "at", "after", "before", "between", "a las", "i work until".
        private ClockQualifier QualifierBefore(int i, out int start)
        {
            start = i;
            var j = i - 1;
            var skippedArticle = false;
            if (Is(j, "las", "la"))
            {
                j--;
                skippedArticle = true;
            }

            if (Is(j, "de") && Is(j - 1, "despues", "antes"))
            {
                j--;
            }

            // Fillers between a qualifier and the time: "after like 2", "around maybe 3".
            if (Is(j, "like", "maybe", "approx", "approximately", "roughly", "about") && Is(j - 1, "after", "before", "around", "at", "by"))
            {
                j--;
            }

            // "no later than 3", "not earlier than 10", "later than 2", "earlier than 4".
            if (Is(j, "than") && Is(j - 1, "later", "earlier"))
            {
                var later = At(j - 1) == "later";
                var denied = Is(j - 2, "no", "not");
                start = denied ? j - 2 : j - 1;
                return later != denied ? ClockQualifier.After : ClockQualifier.Before;
            }

            var word = At(j);
            ClockQualifier qualifier = word switch
            {
                "at" or "around" or "about" or "approx" or "approximately" or "roughly" or "maybe" or "say" or "like" or "a" or "tipo"
                    or "como" or "or" or "de" or "o" => ClockQualifier.At,
                "after" or "from" or "past" or "desde" or "despues" or "starting" => ClockQualifier.After,
                "before" or "by" or "until" or "till" or "til" or "hasta" or "antes" => ClockQualifier.Before,
                "between" or "entre" => ClockQualifier.Between,
                _ => ClockQualifier.None,
            };

            if (qualifier == ClockQualifier.None)
            {
                if (skippedArticle)
                {
                    start = i - 1;
                    return ClockQualifier.At;
                }

                return qualifier;
            }

            // "i work until 6", "busy till 5": free after that time.
            if (qualifier == ClockQualifier.Before && word is "until" or "till" or "til" or "hasta")
            {
                for (var k = j - 1; k >= 0 && k >= j - 3 && At(k) != TimeTokenizer.ClauseBreak; k--)
                {
                    if (Is(k, "work", "working", "busy", "trabajo", "school", "class", "office"))
                    {
                        qualifier = ClockQualifier.AvailableAfter;
                        break;
                    }
                }
            }

            start = j;
            return qualifier;
        }

        // Zone words ("pacific", "eastern", "cst") count when "time" follows or a clock time comes just before.
        private int TryZoneWord(int i)
        {
            if (!TimeVocabulary.ZoneWords.TryGetValue(At(i), out var zoneId))
            {
                return 0;
            }

            var followed = TimeVocabulary.ZoneFollowers.Contains(At(i + 1));
            var afterTime = _times.Any(t => t.End == i - 1 || t.End == i - 2) || Is(i - 1, "del", "hora");
            if (!followed && !afterTime)
            {
                return 0;
            }

            _zone ??= new NamedZoneMention(zoneId) { Start = i, End = followed ? i + 1 : i };
            return followed ? 2 : 1;
        }

        // "tuesday am", "monday pm".
        private int TryStandaloneMeridiem(int i)
        {
            if (Is(i, "am") && !strict)
            {
                AddTime(new PartOfDayMention(PartOfDay.Morning), i, i);
                return 1;
            }

            if (Is(i, "pm"))
            {
                AddTime(new PartOfDayMention(PartOfDay.Afternoon), i, i);
                return 1;
            }

            return 0;
        }
    }
}
