namespace ItpBot.LoadTest;

/// <summary>The messages one simulated clinician sends after the welcome, read from a plain text file.</summary>
public static class IntakeScript
{
    public static IReadOnlyList<string> Load(string path)
    {
        var lines = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        return lines.Count > 0 ? lines : throw new InvalidOperationException($"The intake script {path} has no messages.");
    }
}
