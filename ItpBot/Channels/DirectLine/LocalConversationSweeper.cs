namespace ItpBot.Channels.DirectLine;

/// <summary>Forgets idle local Direct Line conversations every minute, so memory stays bounded.</summary>
public sealed class LocalConversationSweeper(LocalConversations conversations, TimeProvider time, ILogger<LocalConversationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var removed = conversations.RemoveIdle();
            if (removed > 0)
            {
                logger.LogInformation("Forgot {Count} idle Direct Line conversations", removed);
            }
        }
    }
}
