using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ItpBot.Knowledge.Model;
using Microsoft.Extensions.Options;

namespace ItpBot.CdsHooks;

/// <summary>
/// Short-lived links from a card to the full assessment. The case stays on the server, under a random id; the URL holds
/// only that id, its expiry and an HMAC over both, so it carries no patient data and cannot be forged or extended.
/// Held in memory: a link opens only on the host that made it, and is gone after its lifetime or a restart.
/// </summary>
public sealed class AssessmentLinks
{
    public const string Route = "/cds-services/assessments";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly AssessmentLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[] _key;

    public AssessmentLinks(IOptions<CdsHooksOptions> options, TimeProvider time)
    {
        _options = options.Value.Links;
        _time = time;
        _key = string.IsNullOrEmpty(_options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.SigningKey);
        if (_key.Length < 32) throw new InvalidOperationException("CdsHooks:Links:SigningKey must be at least 32 bytes (base64).");
    }

    private sealed record Entry(PatientProfile Profile, IReadOnlyList<string> NotMapped, DateTimeOffset Expires);

    /// <summary>Keeps the case and returns the link's path and query, relative to the service's base URL.</summary>
    public string Create(PatientProfile profile, IReadOnlyList<string> notMapped)
    {
        var now = _time.GetUtcNow();
        Sweep(now);
        var id = Base64Url(RandomNumberGenerator.GetBytes(16));
        var expires = now + _options.Lifetime;
        _entries[id] = new Entry(profile, notMapped, expires);
        var exp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{Route}/{id}?exp={exp}&sig={Sign(id, exp)}";
    }

    /// <summary>The case behind a link, or null when the link is forged, expired or forgotten.</summary>
    public (PatientProfile Profile, IReadOnlyList<string> NotMapped)? Open(string id, string? exp, string? sig)
    {
        if (exp is null || sig is null || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return null;
        var expected = Encoding.ASCII.GetBytes(Sign(id, exp));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig))) return null;
        var now = _time.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(seconds) <= now) return null;
        return _entries.TryGetValue(id, out var entry) && entry.Expires > now ? (entry.Profile, entry.NotMapped) : null;
    }

    private string Sign(string id, string exp) => Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{exp}")));

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, entry) in _entries)
            if (entry.Expires <= now) _entries.TryRemove(id, out _);
        // Beyond the cap, drop the cases closest to expiry: they are the oldest.
        var excess = _entries.Count - _options.MaxEntries + 1;
        if (excess > 0)
            foreach (var (id, _) in _entries.OrderBy(e => e.Value.Expires).Take(excess).ToList())
                _entries.TryRemove(id, out _);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
