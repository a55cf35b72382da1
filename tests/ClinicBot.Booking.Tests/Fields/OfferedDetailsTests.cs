using ClinicBot.Booking.Understanding;

namespace ClinicBot.Tests.Booking.Fields;

public sealed class OfferedDetailsTests
{
    [Theory]
    [InlineData("Hi, I'm Carla Mendes, 713-555-0111, carla.m@example.com, saturday 10am")]
    [InlineData("Jorge Ibarra, 281 555 0107")]
    [InlineData("my name is Ana Ruiz and my number is 832 555 0100")]
    public void A_name_with_a_phone_number_hands_over_details(string text) =>
        Assert.True(OfferedDetails.NameAndPhone(text));

    [Theory]
    [InlineData("is 832-899-4065 the right number for the clinic?")]
    [InlineData("call me at 713-555-0111")]
    [InlineData("Hi, I'm Carla Mendes")]
    [InlineData("what are your hours")]
    [InlineData("")]
    public void A_number_alone_or_a_name_alone_does_not(string text) =>
        Assert.False(OfferedDetails.NameAndPhone(text));
}
