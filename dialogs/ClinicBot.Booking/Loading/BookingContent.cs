using ClinicBot.Language.Loading;

namespace ClinicBot.Booking.Loading;

/// <summary>
/// Where the booking content (Content/ of this project: prompts, card template, word lists) comes from: the
/// folder copied next to the app under Content/booking/, which a deployment may edit, or the copy embedded in
/// this assembly.
/// </summary>
public static class BookingContent
{
    public static EmbeddedContentSource Embedded { get; } = new(typeof(BookingContent).Assembly, "ClinicBot.Booking.Content/");

    /// <summary>Content/booking/ next to the application.</summary>
    public static DirectoryContentSource DefaultFolder { get; } = new(Path.Combine(AppContext.BaseDirectory, "Content", "booking"));
}
