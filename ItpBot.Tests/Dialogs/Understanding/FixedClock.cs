namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>A clock stopped at 2026-11-25 12:00 UTC, so "2 years ago" has one answer.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
