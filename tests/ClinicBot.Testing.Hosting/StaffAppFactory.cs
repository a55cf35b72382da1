using System.Collections.Concurrent;
using System.Net;
using ClinicBot.Staff.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Testing.Hosting;

/// <summary>
/// The real app with its own temp database and keys folder, every log line captured, and helpers to create
/// staff accounts (enrolled in two-factor, as the app requires) and sign them in with password and code. Clients
/// talk https://localhost so the Secure cookies flow as in production. A request's client address can be set
/// with the <see cref="ClientAddressHeader"/> header (test host only); throttles are set high unless a test
/// passes its own Staff:Throttle settings.
/// </summary>
public class StaffAppFactory : ClinicBotAppFactory
{
    public const string Password = "Correct-Horse-42!";
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static readonly Dictionary<string, string?> RelaxedThrottles = new()
    {
        ["Staff:Throttle:SignInPerAddress"] = "10000",
        ["Staff:Throttle:SignInPerMinute"] = "10000",
        ["Staff:Throttle:CodesPerAccount"] = "10000",
    };

    private readonly Action<IServiceCollection>? _configureServices;
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _lastStep = new(StringComparer.OrdinalIgnoreCase);

    public StaffAppFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string environment = "Development")
        : this(dataFolder: null, settings, configureServices, environment)
    {
    }

    protected StaffAppFactory(string? dataFolder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string environment = "Development")
        : base(dataFolder, environment, WithRelaxedThrottles(settings))
    {
        _configureServices = configureServices;
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient CreateStaffClient(string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        }

        return client;
    }

    /// <summary>An account with a password and, unless <paramref name="twoFactor"/> is false, an enrolled authenticator.</summary>
    public async Task<StaffUser> CreateStaffAsync(string email, bool twoFactor = true)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        if (twoFactor)
        {
            await EnrolTwoFactorAsync(users, user);
        }

        return user;
    }

    /// <summary>The account's authenticator key, as the person's app holds it (after <see cref="CreateStaffAsync"/> or <see cref="RememberKey"/>).</summary>
    public string KeyOf(string email) => _keys[email];

    public void RememberKey(string email, string key) => _keys[email] = key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>
    /// A code the app has not seen yet for this account: codes work once, so two sign-ins within one 30-second
    /// step use the current step and then the next one (both inside the app's window).
    /// </summary>
    public string NextCode(string email)
    {
        var now = Totp.Step(Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var step = _lastStep.AddOrUpdate(email, now, (_, last) => Math.Max(now, last + 1));
        Assert.True(step <= now + 1, "more than two sign-ins of one account within 30 seconds: advance the clock");
        return Totp.CodeForStep(_keys[email], step);
    }

    /// <summary>Password, then authenticator code; returns the second step's response (a redirect to /staff).</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email)
    {
        var first = await StaffForms.SignInAsync(client, email, Password);
        Assert.StartsWith("/staff/account/sign-in/code", first.Headers.Location?.OriginalString ?? "(no redirect)");
        var second = await StaffForms.PostAsync(client, "/staff/account/sign-in/code", "/staff/account/sign-in/code", ("code", NextCode(email)), ("returnUrl", "/staff"));
        Assert.Equal("/staff", second.Headers.Location?.OriginalString);
        return second;
    }

    /// <summary>A signed-in client (both factors) for a fresh staff account.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = "nurse@clinic.test")
    {
        await CreateStaffAsync(email);
        var client = CreateStaffClient();
        await SignInAsync(client, email);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    private async Task EnrolTwoFactorAsync(UserManager<StaffUser> users, StaffUser user)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        RememberKey(user.Email!, (await users.GetAuthenticatorKeyAsync(user))!);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        Assert.True(enabled.Succeeded);
    }

    private static Dictionary<string, string?> WithRelaxedThrottles(IDictionary<string, string?>? settings)
    {
        var merged = new Dictionary<string, string?>(RelaxedThrottles);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>The test server has no socket: the client address comes from a test header, first in the pipeline.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
