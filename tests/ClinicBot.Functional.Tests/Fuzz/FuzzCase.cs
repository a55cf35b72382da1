using System.Text;

namespace ClinicBot.Tests.Fuzz;

/// <summary>One generated request: what kind of hostility it carries, its content type, raw body and Authorization header.</summary>
public sealed record FuzzCase(string Kind, string? ContentType, byte[] Body, string? Authorization = null)
{
    public static FuzzCase Json(string kind, string json, string? authorization = null) =>
        new(kind, "application/json", Encoding.UTF8.GetBytes(json), authorization);

    /// <summary>Smaller variants of a failing case, for FsCheck's shrinking: halves of the body, a plain content type, no header.</summary>
    public IEnumerable<FuzzCase> Shrink()
    {
        if (Body.Length > 1)
        {
            yield return this with { Kind = Kind + " (first half)", Body = Body[..(Body.Length / 2)] };
            yield return this with { Kind = Kind + " (second half)", Body = Body[(Body.Length / 2)..] };
        }

        if (ContentType != "application/json")
        {
            yield return this with { ContentType = "application/json" };
        }

        if (Authorization is not null)
        {
            yield return this with { Authorization = null };
        }
    }

    /// <summary>Readable in a failure message: kind, headers and an escaped preview of the body.</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        var preview = text.Length > 600 ? text[..600] + "…" : text;
        var escaped = new StringBuilder();
        foreach (var c in preview)
        {
            escaped.Append(c is < ' ' or (>= '\ud800' and <= '\udfff') or '\u202e' or '\u200b' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        var auth = Authorization is null ? "none" : Authorization.Length > 80 ? Authorization[..80] + "…" : Authorization;
        return $"[{Kind}] Content-Type: {ContentType ?? "(none)"}; Authorization: {auth}; {Body.Length} bytes: {escaped}";
    }
}
