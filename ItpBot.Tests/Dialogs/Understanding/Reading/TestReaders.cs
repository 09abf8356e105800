using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>One message reader over the test content and a stopped clock, shared by the reading tests.</summary>
internal static class TestReaders
{
    private static readonly Lazy<MessageReader> Shared = new(() => Create(FixedClock.Default));

    public static MessageReader Message => Shared.Value;

    public static MessageReader Create(TimeProvider clock, ReadingLimits? limits = null)
    {
        var therapies = new TherapyRecognizer(TestLexicon.Instance);
        var summaries = new CaseSummaryReader(therapies, clock);
        return new MessageReader(summaries, new IntentReader(therapies, TestLexicon.Instance), new CorrectionReader(summaries), ReadingLexicon.Default, limits);
    }
}
