namespace ClinicBot.Storage;

/// <summary>A write carried an ETag that no longer matches the stored item: someone else saved first.</summary>
public sealed class EtagConflictException(string key)
    : InvalidOperationException($"The stored item changed since it was read (ETag mismatch) for one key of this write.")
{
    /// <summary>The storage key; it holds no personal data (channel and conversation ids only).</summary>
    public string Key { get; } = key;
}
