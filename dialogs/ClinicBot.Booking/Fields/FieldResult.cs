namespace ClinicBot.Booking.Fields;

/// <summary>
/// Outcome of recognising one booking field. <see cref="Problem"/> is <see cref="FieldProblem.None"/> when
/// <see cref="Succeeded"/> is true; when it fails, <see cref="Problem"/> says precisely why so the dialog can
/// re-ask precisely. A failed result may still carry a cleaned <see cref="Value"/> (see <see cref="FieldProblem.SingleName"/>).
/// </summary>
public sealed record FieldResult<T>(bool Succeeded, T? Value, FieldProblem Problem)
{
    public static FieldResult<T> Success(T value) => new(true, value, FieldProblem.None);

    public static FieldResult<T> Failure(FieldProblem problem, T? partialValue = default) => new(false, partialValue, problem);
}

public enum FieldProblem
{
    None,
    Empty,
    TooLong,
    InvalidCharacters,
    LooksLikeEmail,
    LooksLikePhone,
    NotAName,
    WrongDigitCount,
    InvalidAreaCode,
    ContainsLetters,
    NotAPhoneNumber,
    InvalidEmail,
    NotUnderstood,

    /// <summary>Name contains an emoji (InvalidCharacters covers other symbols and control characters).</summary>
    ContainsEmoji,

    /// <summary>Only one word was given where a full name was asked; Value holds the cleaned word so the
    /// dialog can accept it if the person insists (some people have a single name).</summary>
    SingleName,

    /// <summary>Email address has no domain part with a dot, or a comma/space where a dot belongs.</summary>
    EmailMissingDomain,
}
