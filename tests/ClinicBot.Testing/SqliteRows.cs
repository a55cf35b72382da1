using Microsoft.Data.Sqlite;

namespace ClinicBot.Testing;

/// <summary>Reads a test's SQLite file directly, to check what the app really stored.</summary>
public static class SqliteRows
{
    public static List<Dictionary<string, object?>> Query(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DbRows.ReadAll(reader);
    }

    /// <summary>The number of rows in <paramref name="table"/>; 0 when the table was never created.</summary>
    public static long Count(string databasePath, string table)
    {
        var exists = Query(databasePath, $"SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '{table}'");
        return (long)exists[0]["n"]! == 0 ? 0 : (long)Query(databasePath, $"SELECT COUNT(*) AS n FROM {table}")[0]["n"]!;
    }
}
