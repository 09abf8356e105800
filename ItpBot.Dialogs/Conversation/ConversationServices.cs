using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Conversation.Interruptions;
using ItpBot.Dialogs.Replies;
using ItpBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ItpBot.Dialogs.Conversation;

public static class ConversationServices
{
    /// <summary>
    /// The ITP conversation: understanding, dialogs and replies. Expects the knowledge services
    /// (ITreatmentAdvisor, IClinicalQuestions, ITherapyLexicon), ConversationState and UserState to be registered.
    /// Everything here is stateless between turns, so singletons.
    /// </summary>
    public static IServiceCollection AddItpConversation(this IServiceCollection services)
    {
        services.TryAddSingleton<IForgetMe, StateForgetMe>();

        services.AddUnderstanding();
        services.AddSingleton<FieldReaders>();
        services.AddSingleton<PendingAnswerReader>();
        services.AddSingleton<ConversationInterpreter>();
        services.TryAddSingleton<IConversationReader>(sp => sp.GetRequiredService<ConversationInterpreter>());

        services.AddSingleton(ConversationTexts.Default);
        services.AddSingleton<ConversationAccessors>();
        services.AddSingleton<IntakePlan>();
        services.AddSingleton<CaseSummaryText>();
        services.AddSingleton<AssessmentReply>();
        services.AddSingleton<EmergencyReply>();
        services.AddSingleton<AnswerReply>();
        services.AddSingleton<WhyNotReply>();
        services.AddSingleton<ConversationReplies>();
        services.AddSingleton<OpenQuestionReply>();

        // What wins, in this order: emergency, audience, command, question, correction (then the answer itself).
        services.AddSingleton<ITurnInterruption, EmergencyInterruption>();
        services.AddSingleton<ITurnInterruption, AudienceInterruption>();
        services.AddSingleton<ITurnInterruption, CommandInterruption>();
        services.AddSingleton<PreviousAnswerCorrection>();
        services.AddSingleton<ITurnInterruption, PreviousAnswerInterruption>();
        services.AddSingleton<ITurnInterruption, QuestionInterruption>();
        services.AddSingleton<ITurnInterruption, CorrectionInterruption>();
        services.AddSingleton<ITurnInterruption, NotCurrentInterruption>();
        services.AddSingleton<TurnInterruptions>();

        services.AddSingleton<OpenTreatmentDialog>();
        services.AddSingleton<CountOrAgeDialog>();
        services.AddSingleton<IntakeDialog>();
        services.AddSingleton<FollowUpDialog>();
        services.AddSingleton<MainDialog>();
        return services;
    }
}
