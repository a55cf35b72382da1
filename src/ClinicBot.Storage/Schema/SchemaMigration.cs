namespace ClinicBot.Storage.Schema;

/// <summary>
/// One ordered step of a database's schema. Applied once, in version order, and recorded in schema_version;
/// never edit a released step — add a new one. <paramref name="Sql"/> is produced when the step runs.
/// </summary>
public sealed record SchemaMigration(int Version, string Description, Func<string> Sql);
