using System.Runtime.InteropServices;

namespace ItpBot.Tests.Resilience;

/// <summary>
/// The process's limit on open files (RLIMIT_NOFILE, Linux): every socket is a file, so holding 20,000 connections
/// needs a limit above 20,000 here (children started afterwards inherit it). Raised for a test and put back after.
/// </summary>
public sealed class FileLimit : IDisposable
{
    private const int RlimitNofile = 7;
    private readonly Limit _original;

    private FileLimit(Limit original) => _original = original;

    /// <summary>Raises the soft limit (and the hard one if it is lower) to at least <paramref name="needed"/>; null with the reason when not allowed.</summary>
    public static FileLimit? Raise(ulong needed, out string reason)
    {
        reason = string.Empty;
        if (!OperatingSystem.IsLinux())
        {
            reason = "RLIMIT_NOFILE is raised through Linux's setrlimit";
            return null;
        }

        if (GetLimit(RlimitNofile, out var original) != 0)
        {
            reason = $"getrlimit failed (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }

        if (original.Soft >= needed)
        {
            return new FileLimit(original);
        }

        var raised = new Limit { Soft = needed, Hard = Math.Max(original.Hard, needed) };
        if (SetLimit(RlimitNofile, ref raised) != 0)
        {
            reason = $"RLIMIT_NOFILE is {original.Soft} (hard {original.Hard}) and could not be raised to {needed} " +
                     $"(errno {Marshal.GetLastPInvokeError()}: raising the hard limit needs CAP_SYS_RESOURCE; run ulimit -n {needed} as root first)";
            return null;
        }

        return new FileLimit(original);
    }

    public void Dispose()
    {
        var original = _original;
        SetLimit(RlimitNofile, ref original);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Soft;
        public ulong Hard;
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code enabled for the whole test project.
    [DllImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static extern int GetLimit(int resource, out Limit limit);

    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static extern int SetLimit(int resource, ref Limit limit);
}
