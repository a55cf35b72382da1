using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Loading;

namespace ClinicBot.Booking.Loading;

/// <summary>The clinic's facts as built into the Knowledge assembly (clinic.json): the defaults when the app passes none.</summary>
internal static class BuiltInClinic
{
    public static ClinicFacts Facts { get; } = ClinicFactsReader.Read(KnowledgeContent.Embedded);
}
