using System.Text;

namespace ItpBot.Channels.Teams;

/// <summary>
/// A text writer that keeps nothing and counts the UTF-8 bytes of what is written (as
/// <see cref="Encoding.UTF8"/>'s <c>GetByteCount</c> of the whole text would: a surrogate pair is 4 bytes, a lone
/// surrogate the 3 of its replacement character).
/// </summary>
internal sealed class Utf8ByteCounter : TextWriter
{
    private char _pendingHigh;

    /// <summary>Bytes of the text so far, but a trailing high surrogate (see <see cref="Total"/>).</summary>
    public int Bytes { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (_pendingHigh != '\0')
        {
            _pendingHigh = '\0';
            if (char.IsLowSurrogate(value))
            {
                Bytes += 4;
                return;
            }

            Bytes += 3;
        }

        if (value < 0x80) Bytes += 1;
        else if (value < 0x800) Bytes += 2;
        else if (char.IsHighSurrogate(value)) _pendingHigh = value;
        else Bytes += 3;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        foreach (var c in buffer)
        {
            Write(c);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    protected override void Dispose(bool disposing)
    {
        if (_pendingHigh != '\0')
        {
            Bytes += 3;
            _pendingHigh = '\0';
        }

        base.Dispose(disposing);
    }

    /// <summary>The count so far, a trailing lone high surrogate included.</summary>
    public int Total => Bytes + (_pendingHigh != '\0' ? 3 : 0);
}
