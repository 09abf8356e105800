namespace ItpBot.Tests.Knowledge;

/// <summary>The seed article in the project's shared folder (found by <see cref="Support.SharedFolder"/>).</summary>
internal static class SharedMaterial
{
    public const string SeedRelativePath = "seed/refractory-itp-treatment-article.txt";

    public static string SeedArticlePath => Path.Combine(SharedFolder, SeedRelativePath);

    public static string SharedFolder => Support.SharedFolder.Path;
}
