using ClinicBot.Analytics;
using ClinicBot.Booking.Store;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Bookings;
using ClinicBot.Staff.Dashboard;
using ClinicBot.Staff.Data;
using ClinicBot.Staff.Display;
using ClinicBot.Staff.Retention;
using ClinicBot.Staff.Security;
using ClinicBot.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>Every staff page but sign-in and enrolment: signed in with password and a second factor.</summary>
    public const string StaffPolicy = "ClinicStaff";

    /// <summary>The two-factor page: signed in with a password (enrolment) or with both factors (changes).</summary>
    public const string EnrolmentPolicy = "ClinicStaffEnrolment";

    /// <summary>Identity's authentication-method claim; "mfa" after a code or recovery code, "pwd" after a password alone.</summary>
    public const string AuthenticationMethodClaim = "amr";
    public const string TwoFactorMethod = "mfa";

    public const string EnrolmentPath = "/staff/security/two-factor";
    public const string AuthCookieName = "__Host-ClinicStaff";
    public const string AntiforgeryCookieName = "__Host-ClinicStaff-AF";
    public const string DevelopmentAntiforgeryCookieName = "ClinicStaff-AF";

    /// <summary>
    /// Staff pages, accounts, audit and retention. Needs what AddClinicBot registers (the database, the booking
    /// store, analytics, the clinic's knowledge for its time zone).
    /// </summary>
    public static IServiceCollection AddClinicStaff(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.SectionName));
        services.AddSingleton<ClinicClock>();
        services.AddSingleton<ClinicTimeWords>();
        services.AddSingleton(_ => StaffLabels.Load(StaffLabels.DefaultPath));

        AddAccounts(services, configuration);

        services.AddSingleton<StaffSchema>();
        services.AddSingleton<BookingStatusStore>();
        services.AddSingleton<StaffAuditLog>();
        services.AddSingleton<StaffBookingQuery>();
        services.AddSingleton<StaffBookings>();
        services.AddSingleton<ReceivedBookingCounts>();
        services.AddSingleton<CodeAttemptThrottle>();
        services.AddSingleton<SignInRateLimitPolicy>();
        services.AddScoped<StaffPasswordSignIn>();
        services.AddHttpContextAccessor();
        services.AddRateLimiter(options => options.AddPolicy<string, SignInRateLimitPolicy>(SignInRateLimitPolicy.Name));
        services.AddSingleton<BookingRetentionPurger>();
        services.AddHostedService<RetentionPurgeService>();

        services.AddRazorPages(options =>
        {
            // Two-factor is required: a password-only session reaches the enrolment page and nothing else (the
            // policy's failure sends it there, see AccessDeniedPath).
            options.Conventions.AddAreaFolderApplicationModelConvention("Staff", "/", model =>
            {
                if (!model.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal) && model.ViewEnginePath != "/Security/TwoFactor")
                {
                    model.EndpointMetadata.Add(new AuthorizeAttribute(StaffPolicy));
                }
            });
            options.Conventions.AuthorizeAreaPage("Staff", "/Security/TwoFactor", EnrolmentPolicy);
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
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(AuthenticationMethodClaim, TwoFactorMethod))
            .AddPolicy(EnrolmentPolicy, policy => policy.RequireAuthenticatedUser());
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        // Quiet EF Core's per-command Information logs (they carry SQL text only, never parameter values).
        services.AddLogging(logging => logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        return services;
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        var lockoutThreshold = configuration.GetValue($"{StaffOptions.SectionName}:{nameof(StaffOptions.LockoutThreshold)}", new StaffOptions().LockoutThreshold);
        services.AddDbContext<StaffDbContext>((sp, options) => options.UseClinicDatabase(sp.GetRequiredService<ClinicDatabase>()));

        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = Math.Max(1, lockoutThreshold);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeTotpProvider>(TokenOptions.DefaultAuthenticatorProvider);

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
                // Signed in but without a second factor: the only place to go is enrolment.
                options.AccessDeniedPath = EnrolmentPath;
                options.ReturnUrlParameter = "returnUrl";
                // Idle timeout: the cookie lapses after this long without a request (sliding renewal while active).
                options.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, staff.Value.IdleTimeoutMinutes));
                options.SlidingExpiration = true;
                // Server-side end of sessions (sign-out, account changes) and the absolute lifetime, on every request.
                options.Events.OnSigningIn = StaffSessionValidator.OnSigningIn;
                options.Events.OnValidatePrincipal = StaffSessionValidator.OnValidatePrincipal;
            });
    }
}
