using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Questions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ItpBot.Dialogs.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>
    /// Registers every recogniser as a singleton (they are stateless and thread-safe). Needs an
    /// <see cref="ITherapyLexicon"/> from the knowledge module; uses <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TherapyRecognizer>();
        services.TryAddSingleton<PlateletCountRecognizer>();
        services.TryAddSingleton<DiagnosisDurationRecognizer>();
        services.TryAddSingleton<TreatmentOutcomeRecognizer>();
        services.TryAddSingleton<PriorTreatmentReader>();
        services.TryAddSingleton<YesNoRecognizer>();
        services.TryAddSingleton<BleedingRecognizer>();
        services.TryAddSingleton<AntithromboticRecognizer>();
        services.TryAddSingleton<ComorbidityRecognizer>();
        services.TryAddSingleton<PreferenceRecognizer>();
        services.TryAddSingleton<DemographicsRecognizer>();
        services.TryAddSingleton<WeightRecognizer>();
        services.TryAddSingleton<PregnancyRecognizer>();
        services.TryAddSingleton<AncestryRecognizer>();
        services.TryAddSingleton<SplenectomyRecognizer>();
        services.TryAddSingleton<UpcomingProcedureRecognizer>();
        services.TryAddSingleton<UnavailableTherapyRecognizer>();
        services.TryAddSingleton<CaseSummaryReader>();
        services.TryAddSingleton<CorrectionReader>();
        services.TryAddSingleton<IntentReader>();
        services.TryAddSingleton(_ => ReadingLexicon.Default);
        services.TryAddSingleton(ReadingLimits.Default);
        services.TryAddSingleton<MessageReader>();
        return services;
    }
}
