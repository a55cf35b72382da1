using ClinicBot.Booking;
using ClinicBot.Storage;

namespace ClinicBot.Tests.Storage;

/// <summary>State stored while the booking dialog lived in ClinicBot.Dialogs still reads back after the move.</summary>
public sealed class MovedStateTypesTests
{
    [Fact]
    public void A_booking_draft_stored_under_its_old_type_name_reads_back_as_a_booking_draft()
    {
        const string stored = """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib",
             "draft":{"$type":"ClinicBot.Dialogs.Booking.BookingDraft, ClinicBot.Dialogs","IdempotencyKey":"k1","Name":"Maria Alvarez","PhoneE164":"+18325550142"}}
            """;

        var state = Assert.IsType<Dictionary<string, object>>(StoredStateJson.Read(stored, "etag-1"));

        var draft = Assert.IsType<BookingDraft>(state["draft"]);
        Assert.Equal("Maria Alvarez", draft.Name);
        Assert.Equal("+18325550142", draft.PhoneE164);
    }
}
