using System.Net;
using System.Text;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ItpBot.Channels.DirectLine;

/// <summary>
/// The Bot Connector the bot replies through on the local Direct Line: the SDK's own ConnectorClient, whose HTTP
/// requests are answered in memory by appending to the conversation. The bot and the adapter see an ordinary channel;
/// no loopback HTTP, and no connector endpoint that anyone outside could post fake bot messages to.
/// </summary>
public sealed class LocalConnectorFactory : ConnectorFactory, IDisposable
{
    /// <summary>Never resolved (.invalid): activities carry it only because the schema requires a serviceUrl.</summary>
    public const string ServiceUrl = "https://local-directline.itpbot.invalid/";

    private readonly HttpClient _client;

    public LocalConnectorFactory(LocalConversations conversations, TimeProvider time, IOptions<DirectLineOptions> options)
    {
        _client = new HttpClient(new LocalConnectorHandler(conversations, time, options.Value));
    }

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri(ServiceUrl), MicrosoftAppCredentials.Empty, _client, disposeHttpClient: false));

    public void Dispose() => _client.Dispose();

    /// <summary>Answers the Bot Connector's "send to conversation" and "reply to activity" calls.</summary>
    private sealed class LocalConnectorHandler(LocalConversations conversations, TimeProvider time, DirectLineOptions options) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // v3/conversations/{conversationId}/activities[/{replyToId}]
            var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
            if (request.Method != HttpMethod.Post || segments.Length is < 4 or > 5 || segments[0] != "v3" || segments[1] != "conversations" || segments[3] != "activities")
            {
                return new HttpResponseMessage(HttpStatusCode.MethodNotAllowed);
            }

            var conversation = conversations.Find(Uri.UnescapeDataString(segments[2]));
            var activity = DirectLineJson.ReadActivity(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (conversation is null || activity is null)
            {
                return new HttpResponseMessage(conversation is null ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
            }

            activity.ChannelId = LocalDirectLine.ChannelId;
            activity.Conversation = new ConversationAccount(id: conversation.Id);
            activity.From = new ChannelAccount(options.BotId, options.BotName, RoleTypes.Bot);
            activity.Timestamp = time.GetUtcNow();

            var id = activity.Type == ActivityTypes.Typing
                ? conversation.Broadcast(activity)
                : conversation.Append(activity, time.GetUtcNow());

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonConvert.SerializeObject(new ResourceResponse(id)), Encoding.UTF8, "application/json"),
            };
        }
    }
}
