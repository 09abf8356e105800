namespace ItpBot.Tests.Support;

/// <summary>
/// Finds the repository root (the folder holding ItpBot.sln) and the project's shared/ folder, which lies beside the
/// clone (../shared/ in CI, /work/shared beside the worktrees here): walk up from the test binaries, then try beside
/// the clone's origin when that is a local folder. ITPBOT_SHARED overrides the search.
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

        // Beside the clone or above it; for a throwaway clone of a local working copy (mktemp -d && git clone .),
        // beside the repository it was cloned from.
        var holder = Holder(Root.Value) ?? (LocalOrigin(Root.Value) is { } origin ? Holder(origin) : null)
            ?? throw new DirectoryNotFoundException($"No shared/ folder beside the repository {Root.Value}, above it, or beside its origin");
        return System.IO.Path.Combine(holder, "shared");
    });

    /// <summary>The clone's root folder.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared/ folder.</summary>
    public static string Path => Shared.Value;

    /// <summary>A path inside shared/, e.g. <c>SharedFolder.Combine("fixtures", "activities")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string? Holder(string repository) =>
        FindUp(Directory.GetParent(repository)?.FullName ?? repository, dir => Directory.Exists(System.IO.Path.Combine(dir, "shared")));

    /// <summary>The origin remote's folder, when the clone was made from a folder on this machine.</summary>
    private static string? LocalOrigin(string repository)
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["-C", repository, "remote", "get-url", "origin"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null || !git.WaitForExit(5000))
            {
                return null;
            }

            var url = git.StandardOutput.ReadToEnd().Trim();
            return git.ExitCode == 0 && Directory.Exists(url) ? System.IO.Path.GetFullPath(url) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }

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
