using System.Text;
using Microsoft.Bot.Builder;
using BotChannels = Microsoft.Bot.Connector.Channels;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Channels.Teams;

/// <summary>
/// Teams rejects a message over about 100 KB, and the user then sees nothing at all. Every outgoing msteams message
/// is kept under <see cref="MaxMessageBytes"/>: long text is split at line breaks into several messages (nothing is
/// lost: a clinical answer must never be silently cut), the attachments and suggested actions ride on the last one,
/// and an attachment that alone cannot fit is replaced by a visible notice rather than dropped without a word.
/// </summary>
public sealed class MessageSizeGuardMiddleware(ILogger<MessageSizeGuardMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>Serialized JSON size, in UTF-8 bytes, that no outgoing Teams message may exceed.</summary>
    public const int MaxMessageBytes = 80_000;

    public const string OversizedAttachmentNotice =
        "(Part of this answer, a card, is too large for Microsoft Teams to show and was left out. " +
        "Ask again for a shorter answer, or use the Web Chat page.)";

    // Room for what the connector adds on the way (ids, timestamps) after the size is measured here.
    private const int Headroom = 2_000;

    private const int MinimumTextBudget = 1_000;

    private static readonly JsonSerializerSettings Serializer = new() { NullValueHandling = NullValueHandling.Ignore };

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity?.ChannelId == BotChannels.Msteams)
        {
            turnContext.OnSendActivities(async (_, activities, sendNext) =>
            {
                var fitted = activities.SelectMany(Fit).ToList();
                activities.Clear();
                activities.AddRange(fitted);
                return await sendNext();
            });
        }

        await next(cancellationToken);
    }

    /// <summary>UTF-8 bytes of the activity as JSON, as it goes over the wire.</summary>
    /// <remarks>Counted as the JSON is written, without keeping it: every outgoing Teams message is measured.</remarks>
    public static int SizeOf(Activity activity)
    {
        using var counter = new Utf8ByteCounter();
        using (var json = new JsonTextWriter(counter) { CloseOutput = false })
        {
            SizeSerializer.Serialize(json, activity, typeof(Activity));
        }

        return counter.Total;
    }

    private static readonly JsonSerializer SizeSerializer = JsonSerializer.Create(Serializer);

    /// <summary>The activity itself when it fits, otherwise messages that each fit and together carry the same content.</summary>
    public IEnumerable<Activity> Fit(Activity activity)
    {
        const int limit = MaxMessageBytes - Headroom;
        if (activity.Type != ActivityTypes.Message || SizeOf(activity) <= limit)
        {
            return [activity];
        }

        logger.LogWarning(
            "Outgoing Teams message of {Bytes} bytes is over the {Limit}-byte limit; splitting it",
            SizeOf(activity),
            MaxMessageBytes);

        var emptyShell = CopyOf(activity, text: null, attachments: null, suggestedActions: null);
        var textBudget = limit - SizeOf(emptyShell) - 16;
        if (textBudget < MinimumTextBudget)
        {
            // Entities or channel data alone fill the message: splitting the text cannot help. Send it as it is; if Teams
            // refuses it, the adapter's error handler tells the user, which beats failing here with nothing said.
            logger.LogWarning("Outgoing Teams message is too large even without its text and attachments; sending it unchanged");
            return [activity];
        }

        var chunks = TextSplitter.Split(activity.Text ?? string.Empty, textBudget);
        var parts = chunks.Take(chunks.Count - 1).Select(chunk => CopyOf(activity, chunk, null, null)).ToList();

        var lastText = chunks.Count > 0 ? chunks[^1] : null;
        var last = CopyOf(activity, lastText, activity.Attachments, activity.SuggestedActions);
        if (SizeOf(last) <= limit)
        {
            parts.Add(last);
            return parts;
        }

        if (lastText is not null)
        {
            parts.Add(CopyOf(activity, lastText, null, null));
        }

        var withAttachments = CopyOf(activity, null, activity.Attachments, activity.SuggestedActions);
        if (SizeOf(withAttachments) > limit)
        {
            logger.LogWarning("Outgoing Teams attachments do not fit in one message even alone; replacing them with a notice");
            withAttachments = CopyOf(activity, OversizedAttachmentNotice, null, activity.SuggestedActions);
        }

        parts.Add(withAttachments);
        return parts;
    }

    private static Activity CopyOf(Activity original, string? text, IList<Attachment>? attachments, SuggestedActions? suggestedActions)
    {
        var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(original, Serializer))!;
        copy.Text = text;
        copy.Attachments = attachments is null ? null : [.. attachments];
        copy.SuggestedActions = suggestedActions;
        return copy;
    }
}
