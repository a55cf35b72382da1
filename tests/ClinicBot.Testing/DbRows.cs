using System.Data.Common;

namespace ClinicBot.Testing;

/// <summary>Rows of a query as column-name dictionaries, whichever database the test reads.</summary>
public static class DbRows
{
    public static List<Dictionary<string, object?>> ReadAll(DbDataReader reader)
    {
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
