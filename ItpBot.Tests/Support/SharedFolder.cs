namespace ItpBot.Tests.Support;

/// <summary>
/// Finds the repository root (the folder holding ItpBot.sln) and the project's shared/ folder, which lies beside the
/// clone (../shared/ in CI, /work/shared beside the worktrees here): walk up from the test binaries.
/// ITPBOT_SHARED overrides the search.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string> Root = new(() => FindUp(AppContext.BaseDirectory, dir => File.Exists(System.IO.Path.Combine(dir, "ItpBot.sln")))
        ?? throw new DirectoryNotFoundException($"No folder holding ItpBot.sln above {AppContext.BaseDirectory}"));

    private static readonly Lazy<string> Shared = new(() =>
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ITPBOT_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"ITPBOT_SHARED={fromEnvironment} does not exist");
        }

        var start = Directory.GetParent(Root.Value)?.FullName ?? Root.Value;
        var holder = FindUp(start, dir => Directory.Exists(System.IO.Path.Combine(dir, "shared")))
            ?? throw new DirectoryNotFoundException($"No shared/ folder beside the repository {Root.Value} or above it");
        return System.IO.Path.Combine(holder, "shared");
    });

    /// <summary>The clone's root folder.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared/ folder.</summary>
    public static string Path => Shared.Value;

    /// <summary>A path inside shared/, e.g. <c>SharedFolder.Combine("fixtures", "activities")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

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
