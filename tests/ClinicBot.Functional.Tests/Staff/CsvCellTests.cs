using ClinicBot.Staff.Export;

namespace ClinicBot.Tests.Staff;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a=1", "\"a=1\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("", "\"\"")]
    public void Cells_are_quoted_and_formula_starts_are_neutralised(string value, string expected)
    {
        Assert.Equal(expected, BookingCsvWriter.EscapeCell(value));
    }
}
