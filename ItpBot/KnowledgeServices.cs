using ItpBot.Knowledge;
using ItpBot.Knowledge.Questions;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot;

public static class KnowledgeServices
{
    /// <summary>
    /// The clinical content, loaded and validated when the host starts: bad content stops start-up with a message
    /// that names the file, the entry and the field, rather than surfacing mid-conversation.
    /// </summary>
    public static IServiceCollection AddItpKnowledge(this IServiceCollection services)
    {
        services.AddSingleton(_ => KnowledgeBase.LoadEmbedded());
        services.AddSingleton<ITherapyLexicon>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddSingleton<ITreatmentAdvisor, TreatmentAdvisor>();
        services.AddSingleton<IClinicalQuestions, ClinicalQuestions>();
        return services;
    }
}
