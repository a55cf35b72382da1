namespace ClinicBot.Knowledge.Loading;

// Shapes of the JSON content files (see Content/README.md).

internal sealed record ClinicDocument(
    string Name, string AddressLine, string SuiteLine, string City, string State, string Zip,
    string Phone, string PhoneCountryCode, string Fax, string TimeZoneId, string TimeZoneLabel, string MapSearchUrl,
    Dictionary<string, HoursDocument> Hours, List<string>? ClosedDates = null);

internal sealed record HoursDocument(string Open, string Close);

internal sealed record TopicDocument(
    string Topic,
    string Kind,
    string Answer,
    List<TriggerGroupDocument> Triggers,
    string? ClarifyButton = null,
    string? CardCaption = null,
    List<OffPageReplyDocument>? OffPage = null,
    List<string>? Suggestions = null,
    string? PageQuote = null,
    string? PartialAnswer = null,
    Dictionary<string, string>? Lines = null,
    List<string>? HolidayWords = null);

internal sealed record TriggerGroupDocument(int Weight, List<string> Phrases, string? Also = null);

internal sealed record LanguageDocument(Dictionary<string, string> Rewrites, List<string> CommonWords, List<string>? GapWords = null, List<string>? Articles = null, List<string>? FocusPhrases = null,
    List<string>? QuestionWords = null, List<string>? LeadingFillers = null);

internal sealed record CrisisDocument(
    string Reply,
    string ReplyOther,
    string ReplySpanish,
    string CheckIn,
    string CheckInSpanish,
    List<string> Supportive,
    List<string> SupportiveSpanish,
    string SupportiveGoodbye,
    string SupportiveGoodbyeSpanish,
    List<string> SafePhrases,
    List<RewriteDocument> Rewrites,
    List<string> Vocabulary,
    List<string> Neutralize,
    List<string> Explicit,
    List<string> Indirect,
    List<string>? Suggestions = null,
    List<string>? ProtectedWords = null,
    bool MatchesMayBeOverruled = false);

internal sealed record RewriteDocument(string Pattern, string Replace);

internal sealed record WelcomeDocument(string Text, List<string> Suggestions);

/// <summary>One of out_of_scope's replies that fit the question (price, language, small talk...): the first whose phrases match.</summary>
internal sealed record OffPageReplyDocument(string Name, string Answer, List<string> Phrases);

/// <summary>clarify.json: the question asked when the model is unsure between a few topics.</summary>
internal sealed record ClarifyDocument(string Text);
