namespace Coordination.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that compare what the app serves with the files it was built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coordination.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Coordination.sln not found above the test's folder.");
    }
}
