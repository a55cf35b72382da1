namespace ClinicBot.Notifications;

/// <summary>Tells the clinic a new booking request arrived; the message carries the reference only.</summary>
public interface IBookingNotifier
{
    Task NotifyNewBookingAsync(string reference, CancellationToken ct);
}

/// <summary>Used when no notification channel is configured.</summary>
public sealed class NoBookingNotifier : IBookingNotifier
{
    public Task NotifyNewBookingAsync(string reference, CancellationToken ct) => Task.CompletedTask;
}
