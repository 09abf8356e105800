using Microsoft.Bot.Connector;
using Microsoft.Rest;

namespace ItpBot.Delivery;

/// <summary>
/// A ConnectorClient shared by many turns. CloudAdapter disposes the client at the end of every turn; that would
/// null its HttpClient, so disposal is ignored until the pool releases the client.
/// It stays a ConnectorClient so SDK code that looks for one (e.g. TeamsInfo) keeps using this HttpClient.
/// </summary>
internal sealed class PooledConnectorClient(Uri serviceUrl, ServiceClientCredentials credentials, HttpClient httpClient)
    : ConnectorClient(serviceUrl, credentials, httpClient, disposeHttpClient: false)
{
    private int _released;

    public void Release()
    {
        Interlocked.Exchange(ref _released, 1);
        base.Dispose(true);
    }

    protected override void Dispose(bool disposing)
    {
        if (Volatile.Read(ref _released) == 1)
        {
            base.Dispose(disposing);
        }
    }
}
