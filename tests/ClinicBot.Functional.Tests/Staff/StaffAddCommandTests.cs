using System.Net;
using ClinicBot.Staff.Commands;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Staff.Support;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>`staff add EMAIL` run in process through the same entry Program.cs uses.</summary>
public sealed class StaffAddCommandTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-staff-cmd");

    private string DatabasePath => Path.Combine(_folder, "clinicbot.db");

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public async Task Creates_an_account_that_can_sign_in_to_the_app()
    {
        var (code, output, error) = await RunAsync("staff", "add", "first@clinic.test", "--password-stdin");

        Assert.True(code == 0, error);
        Assert.Contains("first@clinic.test", output);
        var user = StaffTestData.Query(DatabasePath, "SELECT UserName, PasswordHash FROM AspNetUsers").Single();
        Assert.Equal("first@clinic.test", user["UserName"]);
        Assert.DoesNotContain(StaffAppFactory.Password, (string)user["PasswordHash"]!);

        using var app = new ClinicBotAppFactoryOn(_folder);
        var client = app.CreateStaffClient();
        var signedIn = await StaffForms.SignInAsync(client, "first@clinic.test", StaffAppFactory.Password);
        // A new account has no second factor yet: the password opens the enrolment page and nothing else.
        Assert.Equal("/staff/security/two-factor", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/security/two-factor")).StatusCode);
        Assert.StartsWith("https://localhost/staff/security/two-factor", (await client.GetAsync("/staff")).Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("short1!A")]
    [InlineData("alllowercaseletters")]
    [InlineData("")]
    public async Task Weak_or_missing_passwords_are_refused_and_no_account_is_made(string password)
    {
        var (code, _, error) = await RunWithStdinAsync(password, "staff", "add", "weak@clinic.test", "--password-stdin");

        Assert.Equal(1, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Empty(StaffTestData.Query(DatabasePath, "SELECT * FROM AspNetUsers"));
    }

    [Fact]
    public async Task Password_shorter_than_twelve_is_refused_with_the_policy_message()
    {
        var (code, _, error) = await RunWithStdinAsync("Ab1!Ab1!Ab1", "staff", "add", "eleven@clinic.test", "--password-stdin");

        Assert.Equal(1, code);
        Assert.Contains("12", error);
    }

    [Fact]
    public async Task Existing_account_bad_email_usage_and_non_terminal_without_flag_are_refused()
    {
        Assert.Equal(0, (await RunAsync("staff", "add", "dup@clinic.test", "--password-stdin")).Code);
        var duplicate = await RunAsync("staff", "add", "dup@clinic.test", "--password-stdin");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("already exists", duplicate.Error);

        Assert.Equal(1, (await RunAsync("staff", "add", "not-an-email", "--password-stdin")).Code);
        Assert.Equal(2, (await RunAsync("staff", "delete-everything", "dup@clinic.test")).Code);
        Assert.Equal(1, (await RunAsync("staff", "disable", "nobody@clinic.test")).Code);
        Assert.Equal(2, (await RunAsync("staff")).Code);

        var noFlag = await RunAsync("staff", "add", "pipe@clinic.test");
        Assert.Equal(2, noFlag.Code);
        Assert.Contains("--password-stdin", noFlag.Error);
    }

    [Fact]
    public void Only_args_starting_with_staff_are_the_command()
    {
        Assert.True(StaffCommandLine.IsStaffCommand(["staff", "add", "x@y.z"]));
        Assert.False(StaffCommandLine.IsStaffCommand([]));
        Assert.False(StaffCommandLine.IsStaffCommand(["--urls", "http://localhost:5000"]));
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunWithStdinAsync(StaffAppFactory.Password, args);

    private async Task<(int Code, string Output, string Error)> RunWithStdinAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var allArgs = args.Append($"--Storage:SqlitePath={DatabasePath}").ToArray();
        var code = await StaffCommandLine.RunAsync(allArgs, new StringReader(stdin + "\n"), output, error, inputIsTerminal: false);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class ClinicBotAppFactoryOn(string folder) : StaffAppFactoryOn(folder);
}

/// <summary>The app on an existing data folder (as after `staff add` ran against it).</summary>
public class StaffAppFactoryOn(string folder) : StaffAppFactory(folder);
