using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Recognises a callback phone number (US by default) and returns it as a <see cref="CallbackPhone"/>: E.164,
/// the extension typed after it ("ext 4", "x4", "#4"), and the international dialling prefix read in front of it
/// ("011 44 20 7946 0958", "00 44 …", "001 713 …"); or a precise reason why not: wrong digit count, invalid area
/// code, letters inside the number (a letter O for a zero), or no number at all.
/// </summary>
public sealed partial class PhoneRecognizer
{
    private const string DefaultRegion = "US";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Longest first, so "011" is read before "00" could be.
    private static readonly string[] InternationalPrefixes =
        Loading.BookingWords.Phone.List("internationalPrefixes").OrderByDescending(p => p.Length).ToArray();

    public FieldResult<CallbackPhone> Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldResult<CallbackPhone>.Failure(FieldProblem.Empty);
        }

        var (withoutExtension, extension) = PhoneExtensions.Take(SpokenDigits.ToDigits(text));
        var candidates = PhoneCandidateFinder.Find(withoutExtension);
        if (candidates.Count == 0)
        {
            return FieldResult<CallbackPhone>.Failure(FieldProblem.NotAPhoneNumber);
        }

        // The most complete candidate is the one meant ("sorry, 832-555-0193" or "555-0148 i already told you").
        FieldResult<CallbackPhone>? best = null;
        foreach (var candidate in candidates.OrderByDescending(c => c.DigitCount))
        {
            var result = Validate(candidate, extension);
            if (result.Succeeded)
            {
                return result;
            }

            best ??= result;
        }

        return best!;
    }

    internal static FieldResult<CallbackPhone> Validate(PhoneCandidate candidate, string? extension = null)
    {
        var result = ValidateNumber(candidate, out var prefix);
        return result.Succeeded
            ? FieldResult<CallbackPhone>.Success(new CallbackPhone(result.Value!, extension, prefix))
            : FieldResult<CallbackPhone>.Failure(result.Problem);
    }

    private static FieldResult<string> ValidateNumber(PhoneCandidate candidate, out string? prefix)
    {
        prefix = null;
        if (candidate.HasLetters)
        {
            return FieldResult<string>.Failure(FieldProblem.ContainsLetters);
        }

        var digits = candidate.Digits;
        if (candidate.HasPlus && !digits.StartsWith('1'))
        {
            return ValidateInternational(candidate.Digits);
        }

        // No US number starts with 0: a leading 011 or 00 is the way out of another country's network.
        if (!candidate.HasPlus && InternationalPrefixes.FirstOrDefault(p => digits.StartsWith(p, StringComparison.Ordinal) && digits.Length > p.Length + 6) is { } dialled)
        {
            prefix = dialled;
            return ValidateInternational(digits[dialled.Length..]);
        }

        var national = digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
        if (national.Length != 10)
        {
            return FieldResult<string>.Failure(FieldProblem.WrongDigitCount);
        }

        // NANP: area code and exchange start with 2-9; N11 codes are service codes, not area codes.
        if (national[0] is '0' or '1' || (national[1] == '1' && national[2] == '1'))
        {
            return FieldResult<string>.Failure(FieldProblem.InvalidAreaCode);
        }

        if (national[3] is '0' or '1')
        {
            return FieldResult<string>.Failure(FieldProblem.NotAPhoneNumber);
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(national, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return FieldResult<string>.Failure(FieldProblem.NotAPhoneNumber);
        }

        if (!Util.IsValidNumber(parsed))
        {
            // libphonenumber knows which area codes exist; an unassigned one is the usual reason here.
            return FieldResult<string>.Failure(FieldProblem.InvalidAreaCode);
        }

        return FieldResult<string>.Success(Util.Format(parsed, PhoneNumberFormat.E164));
    }

    private static FieldResult<string> ValidateInternational(string digits)
    {
        try
        {
            var parsed = Util.Parse("+" + digits, DefaultRegion);
            return Util.IsValidNumber(parsed)
                ? FieldResult<string>.Success(Util.Format(parsed, PhoneNumberFormat.E164))
                : FieldResult<string>.Failure(Util.IsPossibleNumber(parsed) ? FieldProblem.NotAPhoneNumber : FieldProblem.WrongDigitCount);
        }
        catch (NumberParseException)
        {
            return FieldResult<string>.Failure(FieldProblem.NotAPhoneNumber);
        }
    }
}
