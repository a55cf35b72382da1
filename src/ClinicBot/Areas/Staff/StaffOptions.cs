namespace ClinicBot.Staff;

/// <summary>Settings under "Staff" in configuration.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Booking requests older than this many days are deleted by the retention job.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention job runs.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary>A signed-in staff member is signed out after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;
}
