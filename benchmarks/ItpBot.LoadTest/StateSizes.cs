using System.Text;
using ItpBot.Storage;

namespace ItpBot.LoadTest;

/// <summary>The size of what the host actually stored for finished conversations: its documents, byte for byte.</summary>
public static class StateSizes
{
    public static async Task<StateSize> MeasureAsync(
        KeyRecordingStorage storage, IStateDocumentStore documents, IEnumerable<(string ConversationId, string UserId)> conversations)
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

            long bytes = 0;
            foreach (var key in own)
            {
                if (await documents.ReadAsync(key, CancellationToken.None) is { } document)
                {
                    bytes += Encoding.UTF8.GetByteCount(document.Json);
                }
            }

            sizes.Add(bytes);
        }

        return sizes.Count == 0 ? new StateSize(0, 0, 0) : new StateSize(sizes.Count, sizes.Average(), sizes.Max());
    }
}
