using ClinicBot.Analytics;
using ClinicBot.Booking.Store;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Data;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Protection;
using ClinicBot.Staff.Retention;
using ClinicBot.Storage;
using ClinicBot.Storage.Bookings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff;

public static class StaffServiceCollectionExtensions
{
    public const string StaffPolicy = "ClinicStaff";
    public const string AuthCookieName = "__Host-ClinicStaff";
    public const string AntiforgeryCookieName = "__Host-ClinicStaff-AF";
    public const string DevelopmentAntiforgeryCookieName = "ClinicStaff-AF";

    /// <summary>
    /// Staff pages, accounts, encryption of booking fields, audit, retention, analytics and notifications.
    /// Call after the app's own registrations: it decorates whatever IBookingStore is registered then.
    /// </summary>
    public static IServiceCollection AddClinicStaff(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddClinicDatabase();
        services.AddSingleton<ClinicClock>();

        AddDataProtection(services);
        AddAccounts(services);
        AddBookingStore(services);
        AddAnalytics(services);
        AddNotifications(services, configuration);

        services.AddSingleton<StaffSchema>();
        services.AddSingleton<BookingStatusStore>();
        services.AddSingleton<StaffAuditLog>();
        services.AddSingleton<StaffBookings>();
        services.AddSingleton<BookingRetentionPurger>();
        services.AddHostedService<RetentionPurgeService>();

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeAreaFolder("Staff", "/", StaffPolicy);
            options.Conventions.AllowAnonymousToAreaFolder("Staff", "/Account");
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            if (environment.IsDevelopment())
            {
                // Local `dotnet run` serves http://localhost:3978, where a Secure-only antiforgery cookie makes
                // ASP.NET Core refuse to render forms. Everywhere else the cookie is Secure with the __Host- prefix.
                options.Cookie.Name = DevelopmentAntiforgeryCookieName;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            else
            {
                options.Cookie.Name = AntiforgeryCookieName;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        services.AddAuthorizationBuilder().AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser());
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        // Quiet EF Core's per-command Information logs (they carry SQL text only, never parameter values).
        services.AddLogging(logging => logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        return services;
    }

    private static void AddDataProtection(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ClinicBot");
        // Resolved from the final configuration (test hosts and command-line overrides apply), hence not PersistKeysToFileSystem(...) here.
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((options, configuration, environment, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(configuration, environment)), loggers));
        services.AddSingleton<BookingFieldProtector>();
    }

    /// <summary>DataProtection:KeysFolder, default &lt;data folder&gt;/keys: beside, never inside, the database file.</summary>
    public static string KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var keysFolder = configuration["DataProtection:KeysFolder"];
        if (!string.IsNullOrWhiteSpace(keysFolder))
        {
            return Path.Combine(environment.ContentRootPath, keysFolder);
        }

        var databasePath = configuration["Storage:SqlitePath"];
        var dataFolder = !string.IsNullOrWhiteSpace(databasePath)
            ? Path.GetDirectoryName(Path.Combine(environment.ContentRootPath, databasePath))!
            : Path.Combine(environment.ContentRootPath, configuration["Storage:DataFolder"] ?? "data");
        return Path.Combine(dataFolder, "keys");
    }

    private static void AddAccounts(IServiceCollection services)
    {
        services.AddDbContext<StaffDbContext>((sp, options) => options.UseClinicDatabase(sp.GetRequiredService<ClinicDatabase>()));

        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddDefaultTokenProviders();

        // Every Identity cookie (sign-in, two-factor step): Secure, HttpOnly, SameSite=Strict.
        services.ConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffOptions>>((options, staff) =>
            {
                options.Cookie.Name = AuthCookieName;
                options.Cookie.Path = "/";
                options.LoginPath = "/staff/account/sign-in";
                options.LogoutPath = "/staff/account/sign-out";
                options.AccessDeniedPath = "/staff/account/sign-in";
                options.ReturnUrlParameter = "returnUrl";
                // Idle timeout: the cookie lapses after this long without a request (sliding renewal while active).
                options.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, staff.Value.IdleTimeoutMinutes));
                options.SlidingExpiration = true;
            });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
    }

    private static void AddBookingStore(IServiceCollection services)
    {
        // Decorate the registered IBookingStore (AddClinicBot's DatabaseBookingStore), or register it here.
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IBookingStore));
        Func<IServiceProvider, IBookingStore> innerFactory = registered switch
        {
            null => sp => new DatabaseBookingStore(sp.GetRequiredService<ClinicDatabase>()),
            { ImplementationInstance: IBookingStore instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (IBookingStore)factory(sp),
            { ImplementationType: { } type } => sp => (IBookingStore)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("Unsupported IBookingStore registration."),
        };
        if (registered is not null)
        {
            services.Remove(registered);
        }

        services.AddSingleton<IBookingStore>(sp => new BookingEventsStore(
            new ProtectedBookingStore(innerFactory(sp), sp.GetRequiredService<BookingFieldProtector>()),
            sp.GetRequiredService<IConversationAnalytics>(),
            sp.GetRequiredService<IBookingNotifier>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BookingEventsStore>>()));
    }

    private static void AddAnalytics(IServiceCollection services)
    {
        services.AddSingleton(ConversationHasher.CreateRandom());
        services.AddSingleton(sp => new AnalyticsDayCalendar(sp.GetRequiredService<ClinicClock>().Zone));
        services.AddSingleton<QueuedConversationAnalytics>();
        services.AddSingleton<IConversationAnalytics>(sp => sp.GetRequiredService<QueuedConversationAnalytics>());
        services.AddSingleton<IAnalyticsStore, DatabaseAnalyticsStore>();
        services.AddHostedService<AnalyticsWriterService>();
    }

    private static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpNotifyOptions>().Bind(configuration.GetSection(SmtpNotifyOptions.SectionName));
        // Decided when first resolved, from the final configuration: SMTP only when Staff:Notify:SmtpHost is set.
        services.AddSingleton<IBookingNotifier>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpNotifyOptions>>().Value.SmtpHost)
                ? new NoBookingNotifier()
                : ActivatorUtilities.CreateInstance<SmtpBookingNotifier>(sp));
    }
}
