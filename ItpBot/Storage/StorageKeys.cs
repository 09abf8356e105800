using System.Security.Cryptography;
using System.Text;

namespace ItpBot.Storage;

/// <summary>Turns a state key (channel and conversation ids, any characters) into a safe file or blob name.</summary>
internal static class StorageKeys
{
    // Blob names may be 1024 characters and file names 255; escaping can triple a key's length.
    private const int MaxNameLength = 200;

    /// <summary>Names of keys too long to escape start with this; the key cannot be recovered from them.</summary>
    public const string HashedPrefix = "sha256-";

    public static string ToName(string key)
    {
        var escaped = Uri.EscapeDataString(key);
        return escaped.Length <= MaxNameLength
            ? escaped
            : HashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
