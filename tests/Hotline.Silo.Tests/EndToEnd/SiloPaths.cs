namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Where the repository and the built host are, found from the test binaries.</summary>
internal static class SiloPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>src/Hotline.Silo's own build output, of the configuration the tests were built in.</summary>
    public static string HostAssembly { get; } = FindHostAssembly();

    public static string Combine(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotline.sln not found above the test binaries.");
    }

    private static string FindHostAssembly()
    {
        // The test binaries live in bin/<Configuration>/<TargetFramework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var path = Combine("src", "Hotline.Silo", "bin", configuration, framework.Name, "Hotline.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build src/Hotline.Silo first", path);
    }
}
