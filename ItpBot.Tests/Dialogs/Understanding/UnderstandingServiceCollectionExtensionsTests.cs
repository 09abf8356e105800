using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class UnderstandingServiceCollectionExtensionsTests
{
    [Fact]
    public void Builds_every_recogniser_from_a_lexicon_and_uses_the_registered_clock()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ITherapyLexicon>(TestLexicon.Instance)
            .AddSingleton<TimeProvider>(FixedClock.Default)
            .AddUnderstanding()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var reader = provider.GetRequiredService<CaseSummaryReader>();
        Assert.Equal(36, reader.Read("52M, chronic ITP 3y, plt 12k").Profile.MonthsSinceDiagnosis);
        Assert.InRange(provider.GetRequiredService<DiagnosisDurationRecognizer>().RecognizeMonths("2 years ago")!.Value, 23.5, 24.5);
        Assert.NotNull(provider.GetRequiredService<IntentReader>().Read("help"));
        Assert.Same(provider.GetRequiredService<TherapyRecognizer>(), provider.GetRequiredService<TherapyRecognizer>());
    }
}
