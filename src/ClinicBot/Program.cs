using ClinicBot.Channels.DirectLine;
using ClinicBot.Endpoints;
using ClinicBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddClinicBot(builder.Configuration, builder.Environment);
builder.Services.AddLocalDirectLine(builder.Configuration);

var app = builder.Build();

AnonymousModeGuard.EnsureAllowed(app.Configuration, app.Environment);

app.UseClinicBotSecurityHeaders();
app.UseClinicWebChat();
app.MapClinicBotEndpoints();
app.MapLocalDirectLine();

app.Run();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
