using ClinicBot.Staff.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Testing.Hosting;

/// <summary>
/// The real app with its own temp database and keys folder, every log line captured, and helpers to create
/// staff accounts. Clients talk https://localhost so the Secure cookies flow as in production.
/// </summary>
public class StaffAppFactory : ClinicBotAppFactory
{
    public const string Password = "Correct-Horse-42!";

    private readonly Action<IServiceCollection>? _configureServices;

    public StaffAppFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string environment = "Development")
        : base(dataFolder: null, environment, settings)
    {
        _configureServices = configureServices;
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient CreateStaffClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public async Task<StaffUser> CreateStaffAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        return user;
    }

    /// <summary>A signed-in client for a fresh staff account.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = "nurse@clinic.test")
    {
        await CreateStaffAsync(email);
        var client = CreateStaffClient();
        var response = await StaffForms.SignInAsync(client, email, Password);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
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
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
