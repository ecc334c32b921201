using System.Runtime.InteropServices;

namespace Hotline.Silo.Hosting;

/// <summary>
/// The data directory holds caller phones, token hashes and agents' digest hashes (enough to register as an
/// agent): only the host's user may read it. The directory is 0700; the process's umask is 077, so every
/// file created later (the database, its WAL and SHM files that SQLite creates itself, recordings) is 0600;
/// files an older version left readable are tightened at start.
/// </summary>
internal static class PrivateDataDirectory
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        _ = SetUmask(0b000_111_111);
        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        Tighten(path);
        foreach (var file in Directory.EnumerateFiles(path))
        {
            Tighten(file);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) != 0)
        {
            File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
