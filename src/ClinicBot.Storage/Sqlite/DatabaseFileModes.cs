namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The SQLite file readable by the app's user only (0600). SQLite gives the -wal and -shm files the mode of the
/// database file, so creating the file itself owner-only covers all three; files from older versions are tightened.
/// </summary>
public static class DatabaseFileModes
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateOwnerOnly(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(databasePath))
        {
            try
            {
                // An empty file is a valid, empty SQLite database.
                using var created = new FileStream(databasePath, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = OwnerOnly,
                });
            }
            catch (IOException) when (File.Exists(databasePath))
            {
                // Another instance or test created it first; tightened below.
            }
        }

        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != OwnerOnly)
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }
    }
}
