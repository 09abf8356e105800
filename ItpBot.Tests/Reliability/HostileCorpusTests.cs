using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ItpBot.Tests.Channels;
using ItpBot.Tests.Support;
using Xunit.Abstractions;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// A seeded corpus of 10,000+ hostile Unicode inputs against every endpoint that reads JSON text (/api/messages,
/// /api/assessments, the local Direct Line). Must hold: text that is not valid Unicode (lone surrogate escapes,
/// invalid UTF-8, overlong forms, encoded surrogates, code points past U+10FFFF) gets 400 everywhere; valid but odd
/// text (BOM, NUL, RTL overrides, combining marks, noncharacters, emoji) never gets a 5xx; the host keeps serving.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class HostileCorpusTests(ITestOutputHelper output)
{
    private const int Cases = 10_200;

    /// <summary>JSON string content (already escaped for JSON) that no Unicode string can hold.</summary>
    private static readonly string[] InvalidEscapes =
        [@"\ud800", @"\udbff", @"\udc00", @"\udfff", @"\udc00\ud800", @"\ud800A", @"\ud800\u0041", @"\ud800\ud800", @"x\ud83d", @"\ude00y"];

    /// <summary>Raw bytes that are not UTF-8.</summary>
    private static readonly byte[][] InvalidBytes =
    [
        [0xFF], [0xFE], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xED, 0xA0, 0x80],
        [0xED, 0xBF, 0xBF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xBF, 0x41],
    ];

    /// <summary>Valid but odd text, as JSON string content.</summary>
    private static readonly string[] OddButValid =
        [@"\ufeffplt 12", @"\u0000", @"\u202eplt 21\u202c", @"e\u0301\u0301\u0301", @"\uffff\ufffe", @"\ud83d\ude00 plt 40", "\u00a0\u2003\u3000", @"\u200d\u200b", "𝟏𝟐 plt", "١٢ platelets"];

    [Fact]
    public async Task Invalid_unicode_gets_400_everywhere_and_nothing_gets_a_5xx()
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var sessions = new List<DirectLineSession>();
        for (var i = 0; i < 4; i++)
        {
            sessions.Add(await DirectLineSession.StartAsync(host.Client));
        }

        var random = new Random(20261206);
        var corpus = Enumerable.Range(0, Cases).Select(i => Generate(random, i, sink.ServiceUrl, sessions)).ToList();
        var statuses = new ConcurrentDictionary<string, int>();
        var wrong = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, item.Path) { Content = new ByteArrayContent(item.Body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            if (item.Bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", item.Bearer);
            }

            using var response = await host.Client.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate($"{item.Endpoint} {(item.Valid ? "valid" : "invalid")} {status}", 1, (_, n) => n + 1);
            if (status >= 500 || (!item.Valid && status != 400))
            {
                wrong.Enqueue($"{item.Endpoint} ({(item.Valid ? "valid" : "invalid")}) answered {status}: {Convert.ToHexString(item.Body[..Math.Min(120, item.Body.Length)])}");
            }
        });

        output.WriteLine(string.Join("\n", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(wrong.IsEmpty, $"{wrong.Count} wrong answers; first: {wrong.FirstOrDefault()}");
        Assert.Equal(Cases, statuses.Values.Sum());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
    }

    private sealed record Case(string Endpoint, string Path, byte[] Body, string? Bearer, bool Valid);

    private static Case Generate(Random random, int index, string serviceUrl, List<DirectLineSession> sessions)
    {
        // About one case in twenty is valid odd text: those run real turns, the rest are refused before any reading.
        var valid = random.Next(20) == 0;
        var (text, rawBytes) = valid
            ? (Pick(random, OddButValid), null)
            : random.Next(2) == 0 ? (Pick(random, InvalidEscapes), null) : ("PLACEHOLDER", Pick(random, InvalidBytes));
        var prefix = random.Next(3) switch { 0 => string.Empty, 1 => "plt ", _ => "52M, chronic ITP 3y, " };
        var inName = !valid && random.Next(8) == 0;
        var content = prefix + text;

        string endpoint, path, json;
        string? bearer = null;
        switch (index % 3)
        {
            case 0:
                endpoint = "messages";
                path = "api/messages";
                var field = inName ? $"\"{content}\":1," : string.Empty;
                json = $$"""{{{field}}"type":"message","id":"m{{index}}","channelId":"emulator","serviceUrl":"{{serviceUrl}}","conversation":{"id":"corpus-{{index % 50}}"},"from":{"id":"u1","name":"{{(random.Next(4) == 0 ? content : "Dr")}}"},"recipient":{"id":"itpbot"},"text":"{{content}}","deliveryMode":"expectReplies","locale":"en-US"}""";
                break;
            case 1:
                endpoint = "assessments";
                path = "api/assessments";
                json = inName ? $$"""{"{{content}}":1}""" : $$"""{"ageYears":52,"plateletCount":12,"question":"{{content}}","currentDrugs":["{{content}}"]}""";
                break;
            default:
                endpoint = "directline";
                var session = sessions[index % sessions.Count];
                path = $"v3/directline/conversations/{session.ConversationId}/activities";
                bearer = session.Token;
                json = $$"""{"type":"message","text":"{{content}}","from":{"id":"x","name":"{{content}}"},"locale":"en-GB"}""";
                break;
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        if (rawBytes is not null)
        {
            bytes = Replace(bytes, Encoding.UTF8.GetBytes("PLACEHOLDER"), rawBytes);
        }

        return new Case(endpoint, path, bytes, bearer, valid);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static byte[] Replace(byte[] source, byte[] marker, byte[] with)
    {
        var result = new List<byte>(source.Length);
        for (var i = 0; i < source.Length;)
        {
            if (source.AsSpan(i).StartsWith(marker))
            {
                result.AddRange(with);
                i += marker.Length;
            }
            else
            {
                result.Add(source[i++]);
            }
        }

        return [.. result];
    }
}
