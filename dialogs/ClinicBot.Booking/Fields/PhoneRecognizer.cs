using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Recognises a callback phone number (US by default) and returns it as E.164, or a precise reason why not:
/// wrong digit count, invalid area code, letters inside the number (a letter O for a zero), or no number at all.
/// </summary>
public sealed partial class PhoneRecognizer
{
    private const string DefaultRegion = "US";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public FieldResult<string> Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldResult<string>.Failure(FieldProblem.Empty);
        }

        var candidates = PhoneCandidateFinder.Find(SpokenDigits.ToDigits(text));
        if (candidates.Count == 0)
        {
            return FieldResult<string>.Failure(FieldProblem.NotAPhoneNumber);
        }

        // The most complete candidate is the one meant ("sorry, 832-555-0193" or "555-0148 i already told you").
        FieldResult<string>? best = null;
        foreach (var candidate in candidates.OrderByDescending(c => c.DigitCount))
        {
            var result = Validate(candidate);
            if (result.Succeeded)
            {
                return result;
            }

            best ??= result;
        }

        return best!;
    }

    internal static FieldResult<string> Validate(PhoneCandidate candidate)
    {
        if (candidate.HasLetters)
        {
            return FieldResult<string>.Failure(FieldProblem.ContainsLetters);
        }

        var digits = candidate.Digits;
        if (candidate.HasPlus && !digits.StartsWith('1'))
        {
            return ValidateInternational(candidate);
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

    private static FieldResult<string> ValidateInternational(PhoneCandidate candidate)
    {
        try
        {
            var parsed = Util.Parse("+" + candidate.Digits, DefaultRegion);
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
