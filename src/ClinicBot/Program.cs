using ClinicBot.Channels.DirectLine;
using ClinicBot.Endpoints;
using ClinicBot.Hosting;
using ClinicBot.Staff;
using ClinicBot.Staff.Commands;

if (StaffCommandLine.IsStaffCommand(args))
{
    Environment.ExitCode = await StaffCommandLine.RunAsync(args);
    return;
}

if (HealthProbe.IsHealthCommand(args))
{
    Environment.ExitCode = await HealthProbe.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

// On SIGTERM the server stops taking requests and lets in-flight turns finish (and the analytics queue drain)
// for up to this long before the process exits; below the usual 30 s grace period of container hosts.
builder.Services.Configure<HostOptions>(options =>
    options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 20)));
builder.Services.AddClinicBot(builder.Configuration, builder.Environment);
builder.Services.AddLocalDirectLine(builder.Configuration);
builder.Services.AddClinicStaff(builder.Configuration, builder.Environment);

var app = builder.Build();

AnonymousModeGuard.EnsureAllowed(app.Configuration, app.Environment);

app.UseTrustedProxies(); // first: everything after it sees the client address a configured proxy reported
app.UseClinicBotSecurityHeaders();
app.UseClinicStaff(); // before the web chat: its HTML CSP must not replace the staff pages' stricter one
app.UseClinicWebChat();
app.MapClinicBotEndpoints();
app.MapLocalDirectLine();
app.MapClinicStaff();

app.Run();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
