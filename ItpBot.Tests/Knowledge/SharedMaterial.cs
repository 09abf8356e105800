namespace ItpBot.Tests.Knowledge;

/// <summary>Finds the project's shared folder (../shared next to the repository) from the test binaries.</summary>
internal static class SharedMaterial
{
    public const string SeedRelativePath = "seed/refractory-itp-treatment-article.txt";

    public static string SeedArticlePath => Path.Combine(SharedFolder, SeedRelativePath);

    public static string SharedFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (File.Exists(Path.Combine(candidate, SeedRelativePath))) return candidate;
            }
            throw new DirectoryNotFoundException(
                $"No 'shared' folder with {SeedRelativePath} above {AppContext.BaseDirectory}");
        }
    }
}
