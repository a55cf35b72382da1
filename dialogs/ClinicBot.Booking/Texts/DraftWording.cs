using ClinicBot.Booking.Understanding;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Booking.Texts;

/// <summary>
/// Picks a booking text for the booking at hand: when the call is for someone else, its "their call" wording
/// (forSomeoneElse.&lt;key&gt; in booking-prompts.json, with {forWhom} = "your mom" or "someone else") where there is one.
/// </summary>
public sealed class DraftWording(BookingTexts texts)
{
    private const string Prefix = "forSomeoneElse.";

    public string Get(string key, BookingDraft draft, object? values = null)
    {
        if (!draft.ForSomeoneElse || !texts.Has(Prefix + key))
        {
            return texts.Get(key, values);
        }

        var filled = values is null ? new JObject() : JObject.FromObject(values);
        filled["forWhom"] = draft.CallFor == SomeoneElseReader.SomeoneElse
            ? texts.Get(Prefix + "someoneElse")
            : texts.Get(Prefix + "relationOf", new { relation = draft.CallFor });
        return texts.Get(Prefix + key, filled);
    }
}
