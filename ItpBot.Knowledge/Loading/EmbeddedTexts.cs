using System.Reflection;

namespace ItpBot.Knowledge.Loading;

/// <summary>Text files embedded in an assembly under one resource prefix (content and lexicon YAML), by file name.</summary>
public static class EmbeddedTexts
{
    public static IReadOnlyDictionary<string, string> Read(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name[resourcePrefix.Length..]] = reader.ReadToEnd();
        }

        return files;
    }
}
