using System.Diagnostics;

namespace ItpBot.LoadTest;

/// <summary>
/// Splits turns into stages by process-wide counters. With one request in flight at a time, the bytes allocated and
/// the time that pass between two marks belong to the stage that was running, whichever thread ran it; the counters
/// are exact for bytes (<see cref="GC.GetTotalAllocatedBytes(bool)"/> with precise) and wall time for time.
/// </summary>
public sealed class StageClock
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Bytes, long Ticks)> _totals = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private string _current = "load generator, Kestrel, idle";
    private long _bytes = GC.GetTotalAllocatedBytes(precise: true);
    private long _ticks = Stopwatch.GetTimestamp();

    public bool Recording { get; set; }

    /// <summary>Starts <paramref name="stage"/>; disposing the result returns to the stage that was running before.</summary>
    public Mark Enter(string stage) => Enter(stage, returnTo: null);

    /// <summary>Starts <paramref name="stage"/>; disposing the result starts <paramref name="returnTo"/> (null: the stage before).</summary>
    public Mark Enter(string stage, string? returnTo)
    {
        lock (_gate)
        {
            var previous = _current;
            Switch(stage);
            return new Mark(this, returnTo ?? previous);
        }
    }

    /// <summary>Starts <paramref name="stage"/> with no way back (the load generator's own marks).</summary>
    public void Set(string stage)
    {
        lock (_gate)
        {
            Switch(stage);
        }
    }

    public IReadOnlyList<(string Stage, long Bytes, TimeSpan Time)> Totals()
    {
        lock (_gate)
        {
            Switch(_current);
            return _order.Select(s => (s, _totals[s].Bytes, Stopwatch.GetElapsedTime(0, _totals[s].Ticks))).ToList();
        }
    }

    private void Switch(string next)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var ticks = Stopwatch.GetTimestamp();
        if (Recording)
        {
            if (!_totals.TryGetValue(_current, out var total))
            {
                _order.Add(_current);
            }

            _totals[_current] = (total.Bytes + bytes - _bytes, total.Ticks + ticks - _ticks);
        }

        _bytes = bytes;
        _ticks = ticks;
        _current = next;
    }

    public readonly struct Mark(StageClock clock, string previous) : IDisposable
    {
        public void Dispose()
        {
            lock (clock._gate)
            {
                clock.Switch(previous);
            }
        }
    }
}
