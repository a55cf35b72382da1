using ClinicBot.Booking.Fields;

namespace ClinicBot.Booking.Understanding;

/// <summary>The notes a recognised value needs: what was kept, read or corrected, so the reply can say so.</summary>
internal static class ValueNotes
{
    public static IEnumerable<ValueNote> ForPhone(CallbackPhone phone)
    {
        var shown = PhoneFormat.Display(phone.Value);
        if (phone.InternationalPrefix is { } prefix)
        {
            yield return ValueNote.Of(ValueNote.PrefixRead, new() { ["prefix"] = prefix, ["phone"] = shown });
        }

        if (phone.Extension is { } extension)
        {
            yield return ValueNote.Of(ValueNote.ExtensionKept, new() { ["extension"] = extension, ["phone"] = shown });
        }
    }

    public static IEnumerable<ValueNote> ForEmail(EmailAnswer email)
    {
        if (email.Skipped || email.Address is null)
        {
            yield break;
        }

        if (email.SuggestedAddress is { } corrected)
        {
            yield return ValueNote.Of(ValueNote.DomainCorrected, new()
            {
                ["typed"] = email.Address,
                ["corrected"] = corrected,
                ["typedDomain"] = email.Address[(email.Address.IndexOf('@') + 1)..],
                ["correctedDomain"] = corrected[(corrected.IndexOf('@') + 1)..],
            });
        }
        else if (email.Spoken)
        {
            yield return ValueNote.Of(ValueNote.EmailSpoken, new() { ["email"] = email.Address });
        }
    }

    /// <summary>A time wish carried by a message at another step that cannot be booked: said, so it is not silently dropped.</summary>
    public static IEnumerable<ValueNote> ForUnbookedTime(CallbackTimeResult result, TimeZoneInfo clinicZone)
    {
        if (result.Time is not { } asked || result.Outcome is not (CallbackOutcome.OutsideHours or CallbackOutcome.Holiday))
        {
            yield break;
        }

        var label = CallbackFormat.Label(asked, clinicZone);
        yield return result.Holiday is { } holiday
            ? ValueNote.Of(ValueNote.HolidayNotKept, new() { ["asked"] = label, ["holiday"] = holiday })
            : ValueNote.Of(ValueNote.TimeNotKept, new() { ["asked"] = label });
    }
}
