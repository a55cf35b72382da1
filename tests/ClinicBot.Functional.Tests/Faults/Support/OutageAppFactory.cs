using ClinicBot.Booking.Store;
using ClinicBot.Storage;
using ClinicBot.Testing;
using ClinicBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// The real app in memory whose bot-state storage and booking store (the real ones, wrapped) can be made to
/// fail together, as when the one database they share goes down.
/// </summary>
public sealed class OutageAppFactory() : ClinicBotAppFactory(dataFolder: null)
{
    public SwitchableStorage Storage => Services.GetServices<IStorage>().OfType<SwitchableStorage>().Single();

    public SwitchableBookingStore Bookings => Services.GetServices<IBookingStore>().OfType<SwitchableBookingStore>().Single();

    /// <summary>Both stores fail (<see cref="StorageFault.Everything"/>), fail on writes only, or work.</summary>
    public void SetFault(StorageFault fault)
    {
        Storage.Fault = fault;
        Bookings.Failing = fault != StorageFault.None;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            Decorate<IJsonStateStorage>(services, inner => new SwitchableStorage(inner));
            Decorate<IBookingStore>(services, inner => new SwitchableBookingStore(inner));
        });
    }

    /// <summary>Replaces the last registration of <typeparamref name="T"/> with a singleton wrapping what it made.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(T));
        Func<IServiceProvider, T> inner = registered switch
        {
            { ImplementationInstance: T instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (T)factory(sp),
            { ImplementationType: { } type } => sp => (T)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"Unsupported {typeof(T).Name} registration."),
        };
        services.AddSingleton(sp => wrap(inner(sp)));
    }
}
