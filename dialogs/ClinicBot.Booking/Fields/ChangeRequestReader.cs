using ClinicBot.Booking.Fields.Time;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Reads a change request at the confirmation step: which field ("change the phone", "wrong email",
/// "my name is misspelled") and, when present, the new value as typed ("actually make it friday 2pm",
/// "the number should be 713-555-0177"). A new value alone is enough to tell the field.
/// </summary>
internal static class ChangeRequestReader
{
    private static readonly (BookingField Field, string[] Words)[] FieldWords =
    [
        (BookingField.Phone, ["phone", "number", "cell", "mobile", "telephone", "tel", "telefono", "numero", "celular", "digits", "#"]),
        (BookingField.Email, ["email", "e-mail", "mail", "correo", "address", "gmail"]),
        (BookingField.Name, ["name", "nombre", "spelling", "spelled", "surname", "apellido", "misspelled"]),
        (BookingField.CallbackTime, ["time", "day", "date", "callback", "hora", "dia", "fecha", "when", "slot", "appointment", "schedule", "horario"]),
    ];

    private static readonly HashSet<string> ChangeCues =
    [
        "change", "wrong", "fix", "update", "edit", "incorrect", "typo", "actually", "instead", "make", "switch", "different",
        "cambiar", "cambia", "cambie", "corregir", "corrige", "mal", "error", "mistake", "misspelled", "should", "meant",
        "correction", "modify", "not", "isn't", "isnt", "wasn't", "redo", "otro", "otra", "replace", "use",
    ];

    // Words that introduce the new value and are not part of it ("change the time to ...", "make it ...").
    private static readonly HashSet<string> LeadWords =
    [
        "actually", "wait", "oh", "oops", "sorry", "no", "nope", "hmm", "um", "uh", "ok", "okay", "yes", "yeah", "but", "and",
        "please", "can", "could", "you", "i", "want", "would", "like", "to", "change", "make", "it", "its", "it's", "the",
        "my", "set", "update", "fix", "switch", "use", "instead", "should", "be", "is", "was", "wrong", "meant", "mean",
        "let's", "lets", "do", "move", "put", "correct", "a", "one", "cambiar", "cambia", "mejor", "el", "la", "mi", "es",
        "por", "favor", "para", "new", "different", "rather", "prefer", "of", "that", "typo", "in", "on", "think",
        "for", "go", "with", "just", "then", ",", "-", ":", "misspelled", "spelled", "we", "need", "how", "about",
        "call", "me", "at", "try", "maybe", "instead,", "really", "rather,", "better", "if", "possible", "so",
    ];

    private static readonly HashSet<string> TrailWords =
    [
        "instead", "please", "pls", "thanks", "then", "por", "favor", "gracias", "thank", "you", "rather", "plz", "works",
        "work", "better", "best", "is", "would", "be", "fine", "good", "ok", "okay", "if", "possible", "for", "me", "mejor",
    ];

    public static ConfirmationAnswer? Read(string text, IReadOnlyList<string> rawWords)
    {
        // "email's wrong" → "email"
        var words = rawWords.Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w).ToList();
        var mentioned = FieldWords.Where(f => f.Words.Any(words.Contains)).Select(f => (BookingField?)f.Field).FirstOrDefault();
        var hasCue = words.Any(ChangeCues.Contains) || words.Count > 1 && words[0] is "no" or "nope";

        // A value in the message says which field it is, whatever words surround it.
        var email = new EmailRecognizer().Recognize(text);
        if (text.Contains('@'))
        {
            return new ConfirmationAnswer(ConfirmationKind.Change, BookingField.Email, email.Value?.Address ?? ValueText(text, mentioned));
        }

        var phone = PhoneCandidateFinder.Find(text).OrderByDescending(c => c.DigitCount).FirstOrDefault();
        if (phone is not null && (hasCue || mentioned is BookingField.Phone || phone.DigitCount >= 10))
        {
            return new ConfirmationAnswer(ConfirmationKind.Change, BookingField.Phone, text.Substring(phone.Start, phone.Length).Trim());
        }

        var time = TimeExpressionParser.Parse(text, strict: true);
        if (time.HasPositiveContent && (hasCue || mentioned is BookingField.CallbackTime) && mentioned is null or BookingField.CallbackTime)
        {
            return new ConfirmationAnswer(ConfirmationKind.Change, BookingField.CallbackTime, ValueText(text, BookingField.CallbackTime));
        }

        if (mentioned is { } field && hasCue)
        {
            var value = ValueText(text, field);
            var usable = field switch
            {
                BookingField.Name => value is not null && new NameRecognizer().Recognize(value) is { Succeeded: true } or { Problem: FieldProblem.SingleName },
                BookingField.CallbackTime => value is not null && TimeExpressionParser.Parse(value).HasPositiveContent,
                _ => false,
            };
            return new ConfirmationAnswer(ConfirmationKind.Change, field, usable ? value : null);
        }

        return null;
    }

    // The message minus the change wording around it: "wait, make it tuesday at 10 instead" → "tuesday at 10".
    private static string? ValueText(string text, BookingField? field)
    {
        var fieldWords = field is { } f ? FieldWords.First(x => x.Field == f).Words : [];
        var pieces = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

        static string Key(string piece) => TextFolding.FoldAndCollapseSpaces(piece).Trim(',', '.', '!', '?', ':', ';');

        while (pieces.Count > 0 && (LeadWords.Contains(Key(pieces[0])) || fieldWords.Contains(Key(pieces[0])) || Key(pieces[0]).Length == 0))
        {
            pieces.RemoveAt(0);
        }

        while (pieces.Count > 0 && (TrailWords.Contains(Key(pieces[^1])) || Key(pieces[^1]).Length == 0))
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        var value = string.Join(' ', pieces).Trim().Trim(',', '.', '!', '?');
        return value.Length == 0 ? null : value;
    }
}
