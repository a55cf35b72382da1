using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBot.Storage.Protection;

/// <summary>
/// Encrypts one kind of stored text with ASP.NET Core Data Protection (keys in DataProtection:KeysFolder,
/// outside the database). Stored values carry the <see cref="Prefix"/>, so rows written before encryption
/// still read as they are.
/// </summary>
public sealed class AtRestProtector
{
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector;

    public AtRestProtector(IDataProtectionProvider provider, string purpose)
    {
        _protector = provider.CreateProtector(purpose);
    }

    public string Protect(string plain) => Prefix + _protector.Protect(plain);

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The plain text, or null when the value cannot be decrypted (its key is gone or it was tampered with).</summary>
    public string? TryUnprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>One protector per kind of stored data, each with its own purpose (a value of one kind cannot be read as another).</summary>
public sealed class AtRestProtectors(IDataProtectionProvider provider)
{
    public AtRestProtector BotState { get; } = new(provider, "ClinicBot.AtRest.BotState.v1");

    public AtRestProtector Transcripts { get; } = new(provider, "ClinicBot.AtRest.DirectLineTranscripts.v1");

    public AtRestProtector SigningKey { get; } = new(provider, "ClinicBot.AtRest.DirectLineSigningKey.v1");

    public AtRestProtector UnansweredQuestions { get; } = new(provider, "ClinicBot.AtRest.UnansweredQuestions.v1");

    /// <summary>Throw-away keys in memory: for tools and tests that have no key ring (nothing they store outlives the process).</summary>
    public static AtRestProtectors Ephemeral() =>
        new(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
}
