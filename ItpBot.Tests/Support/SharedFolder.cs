namespace ItpBot.Tests.Support;

/// <summary>
/// Finds the repository root (the folder holding ItpBot.sln) by walking up from the test binaries. Everything the
/// tests read lives inside the repository: material that arrives in the project's shared/ folder is copied in (the
/// recorded activities, the seed's figures, the API contract), so a plain clone with nothing beside it passes.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string> Root = new(() => FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "ItpBot.sln")))
        ?? throw new DirectoryNotFoundException($"No folder holding ItpBot.sln above {AppContext.BaseDirectory}"));

    /// <summary>The clone's root folder.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>A path inside the repository, e.g. <c>SharedFolder.InRepository("docs", "assessment-api.md")</c>.</summary>
    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string? FindUp(string start, Func<string, bool> isIt)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (isIt(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
