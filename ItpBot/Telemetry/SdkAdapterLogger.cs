namespace ItpBot.Telemetry;

/// <summary>
/// The logger handed to the Bot Framework SDK's adapter base class. The SDK writes routine lines at Information that
/// carry raw conversation ids ("ProcessActivityAsync", "SendActivitiesAsync for conversation ..."); they are moved to
/// Debug, so that a production log (Information and up) holds no conversation ids. Warnings and errors pass unchanged.
/// </summary>
public sealed class SdkAdapterLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Lowered(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(Lowered(logLevel), eventId, state, exception, formatter);

    private static LogLevel Lowered(LogLevel level) => level is LogLevel.Information ? LogLevel.Debug : level;
}
