namespace ClinicBot.Booking.Fields;

/// <summary>
/// Common English/Spanish words that show a message is a sentence or a request, not a name ("what are your
/// hours", "i want to book"). Kept to function words and booking vocabulary so real names are not refused.
/// </summary>
internal static class NonNameWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "im", "i'm", "me", "my", "you", "your", "we", "our", "it", "is", "are", "was", "am", "does",
        "did", "have", "has", "the", "a", "to", "for", "of", "in", "on", "at", "and", "or", "but", "not", "no",
        "yes", "what", "where", "when", "why", "how", "who", "which", "can", "could", "would", "should",
        "want", "need", "like", "book", "booking", "call", "schedule", "appointment", "consult", "consultation",
        "free", "phone", "number", "email", "time", "hours", "open", "clinic", "help", "cancel", "stop", "please",
        "thanks", "thank", "ok", "okay", "hi", "hello", "hey", "hola", "sorry", "wait", "skip", "none", "this",
        "that", "there", "here", "just", "about", "with", "from", "out", "if", "then", "than",
        "tomorrow", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "morning", "afternoon", "evening", "tonight", "asap", "weekday", "weekend", "ketamine", "depression",
        "quiero", "tengo", "llamada", "cita", "gracias", "ayuda", "donde", "que", "cuando", "por", "para",
        "looking", "interested", "available", "wondering", "calling", "trying", "going", "doing", "fine", "good",
        "know", "dont", "don't", "anonymous", "nobody", "someone", "anyone", "unknown", "test", "name", "full",
        "na", "n/a", "idk", "nope", "yeah", "yep", "sure", "maybe", "correct", "right", "wrong", "change",
    };

    // Initials and abbreviations ("A.", "Jr.") are never sentence words.
    public static bool AnyIn(IEnumerable<string> words) => words.Any(w => !w.EndsWith('.') && Words.Contains(w.Trim('\'', '-')));

    public static bool Contains(string word) => Words.Contains(word.Trim('.', '\'', '-'));
}
