using ClinicBot.Knowledge;

namespace ClinicBot.Hosting;

/// <summary>
/// The clinic's content copied next to the app, loaded once, for code that builds the app's texts by hand
/// (tools, tests). The app itself fills its texts from the <see cref="ClinicKnowledge"/> it registers.
/// </summary>
internal static class DefaultClinicContent
{
    private static readonly Lazy<ClinicKnowledge> Loaded = new(() => ClinicKnowledge.LoadDefault());

    public static ClinicKnowledge Knowledge => Loaded.Value;
}
