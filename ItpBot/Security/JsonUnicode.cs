using System.Text.Json;
using System.Text.Unicode;

namespace ItpBot.Security;

/// <summary>
/// Whether a JSON body is valid Unicode throughout: valid UTF-8 (no stray bytes, no overlong forms, no encoded
/// surrogates) and no string escape that names half of a surrogate pair (<c>"\ud800"</c>). Such text cannot be turned
/// into a .NET string and back without error or silent change, so it is refused with 400 before anything reads it.
/// </summary>
public static class JsonUnicode
{
    /// <summary>True when the body is valid UTF-8 and every escaped string in it decodes; malformed JSON is left to the parser.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    // Unescaping is where a lone surrogate shows; only escaped strings need it.
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            // Not JSON (or too deep): the endpoint's own parser answers that.
        }

        return true;
    }
}

/// <summary>
/// Refuses POST bodies that are not valid Unicode (<see cref="JsonUnicode"/>) with 400 on the endpoints that read JSON
/// besides /api/messages (whose own guard checks it): <c>/api/assessments</c> and the local Direct Line. The body is
/// buffered up to a bound; longer bodies are left to the endpoint's own size limit.
/// </summary>
public sealed class UnicodeGuard(RequestDelegate next, ILogger<UnicodeGuard> logger)
{
    private const int MaxCheckedBytes = 256 * 1024;

    public static bool Applies(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength is 0)
        {
            return false;
        }

        var path = http.Request.Path.Value ?? string.Empty;
        return path.TrimEnd('/').Equals(Api.AssessmentsApi.Route, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(Channels.DirectLine.LocalDirectLine.Prefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var directLine = http.Request.Path.StartsWithSegments(Channels.DirectLine.LocalDirectLine.Prefix, StringComparison.OrdinalIgnoreCase);

        // The local Direct Line's own size limit cannot apply once the body is buffered here, so it is applied here.
        var limit = directLine
            ? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Channels.DirectLine.DirectLineOptions>>().Value.MaxActivityBytes
            : MaxCheckedBytes;
        if (http.Request.ContentLength > limit)
        {
            await RefuseOrPassAsync(http, directLine);
            return;
        }

        http.Request.EnableBuffering(MaxCheckedBytes, MaxCheckedBytes * 2L);
        byte[] body;
        try
        {
            body = await ReadUpToAsync(http.Request.Body, limit + 1, http.RequestAborted);
        }
        catch (BadHttpRequestException tooSlow)
        {
            http.Response.StatusCode = tooSlow.StatusCode;
            return;
        }

        http.Request.Body.Position = 0;
        if (body.Length > limit)
        {
            await RefuseOrPassAsync(http, directLine);
            return;
        }

        if (!JsonUnicode.IsValid(body))
        {
            logger.LogInformation("Refused a request to {Path} with 400: body is not valid Unicode", http.Request.Path.Value);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            var problem = directLine
                ? (object)new { error = new { code = "BadArgument", message = "The body is not valid Unicode." } }
                : new { title = "One or more validation errors occurred.", status = 400, errors = new Dictionary<string, string[]> { ["body"] = ["is not valid Unicode (invalid UTF-8 or a lone surrogate)"] } };
            await http.Response.WriteAsJsonAsync(problem, http.RequestAborted);
            return;
        }

        await next(http);
    }

    /// <summary>Too large to check: the local Direct Line answers 413 here; other endpoints apply their own limit.</summary>
    private async Task RefuseOrPassAsync(HttpContext http, bool directLine)
    {
        if (!directLine)
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await http.Response.WriteAsJsonAsync(new { error = new { code = "MessageSizeTooBig", message = "The activity is too large." } }, http.RequestAborted);
    }

    private static async Task<byte[]> ReadUpToAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
