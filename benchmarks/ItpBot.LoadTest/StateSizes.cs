using System.Text;
using Newtonsoft.Json;

namespace ItpBot.LoadTest;

/// <summary>Reads back what the host stored for finished conversations and serializes it as a persistent store would.</summary>
public static class StateSizes
{
    /// <summary>With type names, as MemoryStorage keeps state; the persistent storages write type names too.</summary>
    private static readonly JsonSerializerSettings StoredAs = new() { TypeNameHandling = TypeNameHandling.All };

    public static async Task<StateSize> MeasureAsync(KeyRecordingStorage storage, IEnumerable<(string ConversationId, string UserId)> conversations)
    {
        var keys = storage.Keys.ToArray();
        var sizes = new List<long>();
        foreach (var (conversationId, userId) in conversations)
        {
            // Conversation and user state keys end in these ids ("emulator/conversations/{id}", "emulator/users/{id}").
            var own = keys.Where(k => k.Split('/').Any(part => part == conversationId || part == userId)).ToArray();
            if (own.Length == 0)
            {
                continue;
            }

            var items = await storage.ReadAsync(own);
            sizes.Add(items.Values.Sum(v => (long)Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(v, StoredAs))));
        }

        return sizes.Count == 0 ? new StateSize(0, 0, 0) : new StateSize(sizes.Count, sizes.Average(), sizes.Max());
    }
}
