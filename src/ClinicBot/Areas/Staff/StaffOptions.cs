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

    /// <summary>A session ends this many hours after sign-in, however active it is.</summary>
    public int AbsoluteSessionHours { get; set; } = 8;

    /// <summary>Booking requests per page of the staff list.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// Failed passwords or codes in a row before an account is locked for 15 minutes. High on purpose: the
    /// sign-in throttles stop guessing long before this, so an outsider cannot lock an owner out.
    /// </summary>
    public int LockoutThreshold { get; set; } = 20;

    public StaffThrottleOptions Throttle { get; set; } = new();
}

/// <summary>Settings under "Staff:Throttle": how many sign-in and code attempts are let through.</summary>
public sealed class StaffThrottleOptions
{
    /// <summary>Sign-in attempts (POSTs) from one client address per <see cref="SignInWindowMinutes"/>.</summary>
    public int SignInPerAddress { get; set; } = 5;

    public int SignInWindowMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts from all addresses together per <see cref="GlobalWindowMinutes"/>.</summary>
    public int SignInPerMinute { get; set; } = 60;

    public int GlobalWindowMinutes { get; set; } = 1;

    /// <summary>Two-factor or recovery codes entered for one account per <see cref="CodeWindowMinutes"/>.</summary>
    public int CodesPerAccount { get; set; } = 5;

    public int CodeWindowMinutes { get; set; } = 15;
}
