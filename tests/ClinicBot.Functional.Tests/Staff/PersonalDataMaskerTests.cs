using ClinicBot.Analytics;

namespace ClinicBot.Tests.Staff;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("call me at 832-899-4065 please", "call me at [phone] please")]
    [InlineData("my cell is (281) 555 0199.", "my cell is [phone].")]
    [InlineData("+1 713.555.0123 after 5", "[phone] after 5")]
    [InlineData("number 7135550123", "number [phone]")]
    [InlineData("write to jane.doe+clinic@example.co.uk or JOE@MAIL.COM", "write to [email] or [email]")]
    [InlineData("jane at example dot com", "jane at example dot com")]
    [InlineData("jane(at)example(dot)com", "[email]")]
    [InlineData("born 04/12/1985, member id 99887766554433221", "born [number], member id [number]")]
    [InlineData("zip 77479", "zip [number]")]
    [InlineData("is 3 sessions in 2 weeks normal?", "is 3 sessions in 2 weeks normal?")]
    [InlineData("open at 9:30 on 1st", "open at 9:30 on 1st")]
    public void Masks_emails_phones_and_long_numbers_and_keeps_ordinary_text(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(input));
    }

    [Fact]
    public void Very_long_text_is_shortened()
    {
        Assert.Equal(PersonalDataMasker.MaxLength, PersonalDataMasker.Mask(new string('a', 5000)).Length);
    }
}
