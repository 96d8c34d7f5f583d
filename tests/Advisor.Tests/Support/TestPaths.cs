namespace Advisor.Tests.Support;

/// <summary>Finds the repository (the folder holding Advisor.sln) and <c>../shared</c> beside it, from the test output folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string RealData(string relative) => Path.Combine(Shared, "realdata", relative);

    public static string InRepository(string relative) => Path.Combine(RepositoryRoot, relative);

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Advisor.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"no Advisor.sln above {AppContext.BaseDirectory}");
    }
}
