namespace Hotline.Api.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotline.sln not found above " + AppContext.BaseDirectory);
    }
}
