using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ClinicBot.Storage.Protection;

/// <summary>
/// The Data Protection key ring in the app's own database (table dataprotection_keys, PostgreSQL), so every
/// instance on that database shares one key ring without a shared volume. Key XML is stored as Data Protection
/// writes it (not encrypted): the database's access rights protect it, as the folder's modes do for key files.
/// When the table is still empty and <paramref name="importFrom"/> holds keys (a deployment that kept them in a
/// folder before), those keys are copied in first, so what they encrypted stays readable.
/// </summary>
public sealed class DatabaseXmlRepository(ClinicDatabase database, IXmlRepository? importFrom = null) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => RunSync(ReadOrImportAsync);

    public void StoreElement(XElement element, string friendlyName) =>
        RunSync(async cancellationToken =>
        {
            await InsertAsync(element, friendlyName, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private async Task<IReadOnlyCollection<XElement>> ReadOrImportAsync(CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0 || importFrom is null)
        {
            return stored;
        }

        var imported = importFrom.GetAllElements();
        foreach (var element in imported)
        {
            await InsertAsync(element, ImportedName(element), cancellationToken).ConfigureAwait(false);
        }

        return imported.Count == 0 ? stored : await ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand("SELECT xml FROM dataprotection_keys ORDER BY id;");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var elements = new List<XElement>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    // Friendly names are unique ("key-<guid>"); two instances importing the same folder at once store each key once.
    private async Task InsertAsync(XElement element, string friendlyName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand("""
            INSERT INTO dataprotection_keys (friendly_name, xml, created_utc) VALUES (@name, @xml, @now)
            ON CONFLICT (friendly_name) DO NOTHING;
            """)
            .With("@name", friendlyName)
            .With("@xml", element.ToString(SaveOptions.DisableFormatting))
            .With("@now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The name Data Protection gives a key file is "key-<id>"; revocations and other elements keep their own id.
    private static string ImportedName(XElement element) =>
        element.Attribute("id")?.Value is { } id ? $"key-{id}" : $"imported-{Guid.NewGuid():N}";

    // IXmlRepository is synchronous; the key ring is read rarely (start, refresh), off any synchronization context.
    private static T RunSync<T>(Func<CancellationToken, Task<T>> work) =>
        Task.Run(() => work(CancellationToken.None)).GetAwaiter().GetResult();
}
