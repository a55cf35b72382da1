using System.Text;

namespace ClinicBot.Staff.Commands;

/// <summary>Where the new account's password comes from.</summary>
public interface IPasswordSource
{
    /// <summary>The password, or null when none was given or the confirmation did not match.</summary>
    string? ReadNewPassword(TextWriter prompt);
}

/// <summary>--password-stdin: the first line of standard input (for scripts and tests).</summary>
public sealed class StdinPasswordSource(TextReader input) : IPasswordSource
{
    public string? ReadNewPassword(TextWriter prompt)
    {
        var line = input.ReadLine();
        return string.IsNullOrEmpty(line) ? null : line;
    }
}

/// <summary>Interactive: asks twice on the terminal without echoing what is typed.</summary>
public sealed class TerminalPasswordSource : IPasswordSource
{
    public string? ReadNewPassword(TextWriter prompt)
    {
        var first = ReadHidden(prompt, "Password: ");
        var second = ReadHidden(prompt, "Repeat password: ");
        return first.Length > 0 && string.Equals(first, second, StringComparison.Ordinal) ? first : null;
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        prompt.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
