using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ClinicBot.Storage.Protection;

/// <summary>
/// The Data Protection key ring in a folder only the app's user can open: the folder is created (or tightened
/// to) 0700 and every key file is created 0600, never readable by others even for a moment. On Windows the
/// modes do not apply and the folder's ACLs decide.
/// </summary>
public sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    public const UnixFileMode KeyFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode KeyFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly DirectoryInfo _folder;

    public OwnerOnlyXmlRepository(DirectoryInfo folder)
    {
        _folder = folder;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Not _folder.Exists: DirectoryInfo caches it from before the first key was stored.
        if (!Directory.Exists(_folder.FullName))
        {
            return [];
        }

        EnsureFolder();
        var elements = new List<XElement>();
        foreach (var file in _folder.EnumerateFiles("*.xml"))
        {
            Restrict(file.FullName, KeyFileMode);
            using var stream = file.OpenRead();
            elements.Add(XElement.Load(stream));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureFolder();
        var name = SafeName(friendlyName);
        var finalPath = Path.Combine(_folder.FullName, name + ".xml");
        var tempPath = Path.Combine(_folder.FullName, name + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = KeyFileMode;
        }

        using (var stream = new FileStream(tempPath, options))
        {
            element.Save(stream);
        }

        File.Move(tempPath, finalPath, overwrite: false);
    }

    private void EnsureFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder.FullName);
            return;
        }

        Directory.CreateDirectory(_folder.FullName, KeyFolderMode);
        Restrict(_folder.FullName, KeyFolderMode);
    }

    private static void Restrict(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != mode)
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static string SafeName(string friendlyName)
    {
        var safe = new string(friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return string.IsNullOrEmpty(safe) ? Guid.NewGuid().ToString("N") : safe;
    }
}
