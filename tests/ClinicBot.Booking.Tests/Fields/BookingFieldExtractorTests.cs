using ClinicBot.Booking.Fields;
using static ClinicBot.Tests.Booking.Fields.ClinicTime;

namespace ClinicBot.Tests.Booking.Fields;

public class BookingFieldExtractorTests
{
    private readonly BookingFieldExtractor _extractor = new(CallbackWindow.ClinicDefault);

    [Fact]
    public void Pulls_name_phone_and_time_from_one_message()
    {
        var fields = _extractor.Extract("I'm Ana Ruiz, 832-555-0100, tuesday 10am", MondayMorning);

        Assert.Equal("Ana Ruiz", fields.Name);
        Assert.Equal("+18325550100", fields.PhoneE164);
        Assert.Null(fields.Email);
        Assert.Equal(CallbackOutcome.Accepted, fields.Callback!.Outcome);
        Assert.Equal(At(2026, 12, 1, 10, 0), fields.Callback.Time);
    }

    [Fact]
    public void Pulls_all_four_fields_from_a_long_message()
    {
        var fields = _extractor.Extract(
            "hi, i'd like to book a free call. my name is Jessica Moore, phone 832-555-0125, email jmoore@example.com, tuesdays after 1 work best",
            MondayMorning);

        Assert.Equal("Jessica Moore", fields.Name);
        Assert.Equal("+18325550125", fields.PhoneE164);
        Assert.Equal("jmoore@example.com", fields.Email!.Address);
        Assert.Equal(At(2026, 12, 1, 13, 0), fields.Callback!.Time);
    }

    [Fact]
    public void Keeps_an_extension_and_reads_a_spoken_email_in_one_message()
    {
        var fields = _extractor.Extract("hi im Omar Haddad, 281-555-0190 ext 12, omar underscore h at example dot org, wednesday at 10", MondayMorning);

        Assert.Equal("Omar Haddad", fields.Name);
        Assert.Equal("+12815550190;ext=12", fields.PhoneE164);
        Assert.Equal("12", fields.Phone!.Extension);
        Assert.Equal("omar_h@example.org", fields.Email!.Address);
        Assert.True(fields.Email.Spoken);
        Assert.Equal(At(2026, 12, 2, 10, 0), fields.Callback!.Time);
    }

    [Fact]
    public void Reads_an_international_prefix_in_a_longer_message()
    {
        var fields = _extractor.Extract("Elena Petrova, 001 713 555 0120, thursday 2pm", MondayMorning);

        Assert.Equal("+17135550120", fields.PhoneE164);
        Assert.Equal("00", fields.Phone!.InternationalPrefix);
    }

    [Theory]
    [InlineData("i want to book the free call")]
    [InlineData("book a free call please")]
    [InlineData("can i schedule the consultation?")]
    [InlineData("I'm interested in the free consultation")]
    [InlineData("i'm looking to book a call")]
    [InlineData("I'm really anxious about this, can I book a call")]
    [InlineData("hi i have depression for 10 years, can i book")]
    [InlineData("how much does it cost? I'm on a budget")]
    [InlineData("i feel bad today, can someone call me")]
    [InlineData("book me a call now")]
    [InlineData("This is my first time, I want the free call")]
    [InlineData("It's Maria from yesterday, I want to book")]
    [InlineData("I'm John, I'd like to book")]
    [InlineData("my wife needs help, can we book")]
    public void Booking_requests_without_details_yield_nothing(string text)
    {
        var fields = _extractor.Extract(text, MondayMorning);

        Assert.True(fields.IsEmpty, $"{text}: {fields}");
    }

    [Fact]
    public void A_time_alone_yields_only_a_callback()
    {
        var fields = _extractor.Extract("tuesday morning", MondayMorning);

        Assert.Null(fields.Name);
        Assert.Null(fields.PhoneE164);
        Assert.Null(fields.Email);
        Assert.Equal(At(2026, 12, 1, 10, 0), fields.Callback!.Time);
    }

    [Fact]
    public void A_booking_request_with_a_time_keeps_the_time()
    {
        var fields = _extractor.Extract("can i book a call for tomorrow afternoon?", MondayMorning);

        Assert.Null(fields.Name);
        Assert.Equal(At(2026, 12, 1, 14, 0), fields.Callback!.Time);
    }

    [Fact]
    public void A_name_without_lead_in_is_taken_only_next_to_other_fields()
    {
        Assert.Equal("Ana Ruiz", _extractor.Extract("Ana Ruiz, 832-555-0100", MondayMorning).Name);
        Assert.Null(_extractor.Extract("Ana Ruiz", MondayMorning).Name);
    }

    [Fact]
    public void A_name_after_my_name_is_may_be_lower_case()
    {
        var fields = _extractor.Extract("my name is rosa martinez and my number is 281 555 0156", MondayMorning);

        Assert.Equal("rosa martinez", fields.Name);
        Assert.Equal("+12815550156", fields.PhoneE164);
        Assert.Null(fields.Callback);
    }

    [Fact]
    public void An_explicit_no_email_is_a_skip()
    {
        var fields = _extractor.Extract("I'm Ana Ruiz, 832-555-0100, no email, friday 2pm", MondayMorning);

        Assert.True(fields.Email!.Skipped);
        Assert.Equal(At(2026, 12, 4, 14, 0), fields.Callback!.Time);
    }

    [Fact]
    public void An_invalid_phone_is_not_taken_and_its_digits_are_not_a_time()
    {
        var fields = _extractor.Extract("I'm Ana Ruiz, 832-555-010, tuesday at 10", MondayMorning);

        Assert.Null(fields.PhoneE164);
        Assert.Equal("Ana Ruiz", fields.Name);
        Assert.Equal(At(2026, 12, 1, 10, 0), fields.Callback!.Time);
    }

    [Fact]
    public void A_weekend_wish_in_the_message_is_reported_for_steering()
    {
        var fields = _extractor.Extract("This is Omar Haddad, 832-555-0105, saturday morning", MondayMorning);

        Assert.Equal("Omar Haddad", fields.Name);
        Assert.Equal(CallbackOutcome.OutsideHours, fields.Callback!.Outcome);
        Assert.NotEmpty(fields.Callback.Alternatives);
    }

    [Fact]
    public void Text_after_a_name_is_still_read_for_a_time()
    {
        var fields = _extractor.Extract("my name is john smith and i want to book for monday afternoon", MondayMorning);

        Assert.Equal("john smith", fields.Name);
        Assert.Equal(At(2026, 11, 30, 14, 0), fields.Callback!.Time);
    }
}
