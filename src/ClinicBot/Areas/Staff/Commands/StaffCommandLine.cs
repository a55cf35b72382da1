using ClinicBot.Hosting;
using ClinicBot.Staff.Data;

namespace ClinicBot.Staff.Commands;

/// <summary>
/// `dotnet run --project src/ClinicBot -- staff VERB EMAIL`: add (with [--password-stdin]), disable, enable,
/// reset-2fa or remove a staff account in the database the app would use (same configuration: appsettings,
/// environment, --Storage:SqlitePath=... etc.), and exit without starting the web server.
/// </summary>
public static class StaffCommandLine
{
    public const string Usage = "Usage: staff add EMAIL [--password-stdin] | staff disable|enable|reset-2fa|remove EMAIL";

    public static bool IsStaffCommand(string[] args) => args.Length > 0 && args[0] == "staff";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal)
    {
        var verb = args.Length > 1 ? args[1] : string.Empty;
        if (args.Length < 3 || args[2].StartsWith('-') || (verb != "add" && !StaffAccountCommand.Verbs.Contains(verb)))
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var email = args[2];
        var rest = args.Skip(3).ToList();
        var fromStdin = verb == "add" && rest.Remove("--password-stdin");
        if (verb == "add" && !fromStdin && !inputIsTerminal)
        {
            await error.WriteLineAsync("Standard input is not a terminal: pass --password-stdin and pipe the password in.").ConfigureAwait(false);
            return 2;
        }

        // The remaining arguments are ordinary configuration overrides (e.g. --Storage:SqlitePath=...).
        var builder = WebApplication.CreateBuilder(rest.ToArray());
        builder.Logging.ClearProviders();
        builder.Services.AddClinicBot(builder.Configuration, builder.Environment);
        builder.Services.AddClinicStaff(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        app.Services.GetRequiredService<StaffSchema>().EnsureCreated();

        await using var scope = app.Services.CreateAsyncScope();
        if (verb != "add")
        {
            return await ActivatorUtilities.CreateInstance<StaffAccountCommand>(scope.ServiceProvider).RunAsync(verb, email, output, error).ConfigureAwait(false);
        }

        var command = ActivatorUtilities.CreateInstance<StaffAddCommand>(scope.ServiceProvider);
        IPasswordSource passwords = fromStdin ? new StdinPasswordSource(input) : new TerminalPasswordSource();
        return await command.RunAsync(email, passwords, output, error).ConfigureAwait(false);
    }

    /// <summary>Program.cs entry: the real console.</summary>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.In, Console.Out, Console.Error, inputIsTerminal: !Console.IsInputRedirected);
}
