namespace ClinicBot.Knowledge;

/// <summary>The clinic's facts from the page (content file clinic.json).</summary>
public sealed class ClinicFacts
{
    public required string Name { get; init; }
    public required string AddressLine { get; init; }
    public required string SuiteLine { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string Zip { get; init; }
    public required string Phone { get; init; }
    public required string PhoneCountryCode { get; init; }
    public required string Fax { get; init; }
    public required string TimeZoneId { get; init; }
    public required string TimeZoneLabel { get; init; }
    public required string MapSearchUrl { get; init; }
    public required OpeningHours Hours { get; init; }

    /// <summary>Dates the clinic is closed although the weekday is open (clinic.json "closedDates", "2026-12-24").</summary>
    public IReadOnlySet<DateOnly> ClosedDates { get; init; } = new HashSet<DateOnly>();

    /// <summary>"136 Eldridge Road, Suite A, Sugar Land, TX 77478".</summary>
    public string AddressFull => $"{AddressLine}, {SuiteLine}, {City}, {State} {Zip}";

    public string MapUrl => MapSearchUrl + Uri.EscapeDataString(AddressFull);

    public string TelUrl => "tel:" + PhoneCountryCode + new string(Phone.Where(char.IsDigit).ToArray());
}
