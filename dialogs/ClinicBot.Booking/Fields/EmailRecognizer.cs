using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ClinicBot.Booking.Fields;

/// <summary>An answer to the optional email question: either skipped, or a validated address.</summary>
/// <remarks><see cref="SuggestedAddress"/> is set when the domain looks like a typo of a common one
/// (gmial.com → gmail.com); the address itself is still valid and accepted.</remarks>
public sealed record EmailAnswer(bool Skipped, string? Address)
{
    public string? SuggestedAddress { get; init; }

    /// <summary>The address was said in words ("sam underscore lee at example dot net") and is worth reading back.</summary>
    public bool Spoken { get; init; }

    /// <summary>The address to keep: the common domain when the typed one was a slip of it, else the address as typed.</summary>
    public string? KeptAddress => SuggestedAddress ?? Address;

    public static EmailAnswer Skip { get; } = new(true, null);
}

/// <summary>
/// Recognises the answer to "what is your email (optional)?": a valid address, a way of saying "skip"
/// ("no email", "I don't have one", "no tengo"), or a precise problem.
/// </summary>
public sealed partial class EmailRecognizer
{
    private const int MaxLength = 254;

    // Something the person meant as an address: has an @ and no spaces.
    [GeneratedRegex(@"[^\s<>""]*@[^\s<>""]*", RegexOptions.CultureInvariant)]
    private static partial Regex AddressLike();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SaneAddress();

    // A single token shaped like an address without its @: "ana.example.com", "anagmail.com".
    [GeneratedRegex(@"(?:^|\s)[A-Za-z0-9._%+\-]+\.(?:com|net|org|edu|gov|us|io|co|me|info)(?:\s|$|[.,!?])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DomainWithoutAt();

    public FieldResult<EmailAnswer> Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.Empty);
        }

        var matches = AddressLike().Matches(text);
        var addressLike = matches.Select(m => TrimPunctuation(m.Value)).Where(v => v.Contains('@')).ToList();
        if (addressLike.Count == 0)
        {
            if (EmailSkipPhrases.IsSkip(text))
            {
                return FieldResult<EmailAnswer>.Success(EmailAnswer.Skip);
            }

            // "sam underscore lee at example dot net" is an address said aloud; "ana.example.com" an address missing its @.
            if (SpokenEmail.Find(text) is { } spoken)
            {
                var read = Validate(spoken.Address);
                return read.Succeeded ? FieldResult<EmailAnswer>.Success(read.Value! with { Spoken = true }) : read;
            }

            return DomainWithoutAt().IsMatch(text)
                ? FieldResult<EmailAnswer>.Failure(FieldProblem.InvalidEmail)
                : FieldResult<EmailAnswer>.Failure(FieldProblem.NotUnderstood);
        }

        // "brian lee@example.com": a lower-case word just before, with only a space, is part of what they typed.
        if (matches.Any(m => HasSpaceInside(text, m.Index)))
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.InvalidEmail);
        }

        // The first valid address wins ("ana@example.com, backup bob@example.com").
        FieldResult<EmailAnswer>? firstFailure = null;
        for (var i = 0; i < addressLike.Count; i++)
        {
            var result = Validate(addressLike[i]);
            if (result.Succeeded)
            {
                return result;
            }

            firstFailure ??= result;
        }

        return firstFailure!;
    }

    internal static FieldResult<EmailAnswer> Validate(string candidate)
    {
        if (candidate.Length > MaxLength)
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.TooLong);
        }

        if (candidate.Count(c => c == '@') != 1)
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.InvalidEmail);
        }

        var at = candidate.IndexOf('@');
        var local = candidate[..at];
        var domain = candidate[(at + 1)..];
        if (local.Length == 0 || local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains(".."))
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.InvalidEmail);
        }

        if (!domain.Contains('.') || domain.Contains(',') || domain.EndsWith('.'))
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.EmailMissingDomain);
        }

        if (!SaneAddress().IsMatch(candidate) || !MailAddress.TryCreate(candidate, out var parsed) || parsed.Address != candidate)
        {
            return FieldResult<EmailAnswer>.Failure(FieldProblem.InvalidEmail);
        }

        var address = local + "@" + domain.ToLowerInvariant();
        var suggestion = EmailDomainTypos.Suggest(domain.ToLowerInvariant());
        return FieldResult<EmailAnswer>.Success(new EmailAnswer(false, address)
        {
            SuggestedAddress = suggestion is null ? null : local + "@" + suggestion,
        });
    }

    private static readonly HashSet<string> LeadInWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "it's", "its", "email", "e-mail", "mail", "address", "my", "use", "try", "sure", "ok", "okay", "yes", "yeah",
        "it", "correo", "es", "mi", "be", "should", "actually", "sorry", "oops", "meant", "to", "at", "thanks", "here",
        "instead", "new", "the", "one", "send", "maybe", "y", "and", "or", "no", "not", "but", "hi", "hello", "hola", "mine",
    };

    private static bool HasSpaceInside(string text, int addressStart)
    {
        var end = addressStart;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        if (end == addressStart || end == 0 || !char.IsLetterOrDigit(text[end - 1]))
        {
            return false;
        }

        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        // Only a single word opening the message counts as glued on; after more words it is a sentence.
        if (text[..start].Trim().Length > 0)
        {
            return false;
        }

        // A capitalised word before the address is more likely a name given with it ("Ana Ruiz ana@x.com").
        var word = text[start..end];
        return !LeadInWords.Contains(word) && !char.IsUpper(word[0]);
    }

    private static string TrimPunctuation(string value)
    {
        var trimmed = value.Trim().TrimEnd('.', ',', ';', ':', '!', '?', ')', ']').TrimStart('(', '[', ':');
        return trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? trimmed["mailto:".Length..] : trimmed;
    }
}
