using ItpBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>CoreBot's mocked recogniser: the real one, except for the messages a dialog-flow test says the meaning of.</summary>
internal static class TestRecogniser
{
    /// <param name="meaning">What a message means to the interruption layer; null for the real reading.</param>
    /// <param name="group">What a message answers as the reply to a question group; null for the real reading.</param>
    public static Action<IServiceCollection> Except(Func<string, MessageMeaning?> meaning, Func<string, MessageMeaning?>? group = null) => services =>
    {
        services.RemoveAll<IConversationReader>();
        services.AddSingleton<IConversationReader>(sp =>
        {
            var real = sp.GetRequiredService<ConversationInterpreter>();
            var mock = new Mock<IConversationReader>();
            mock.Setup(r => r.Read(It.IsAny<ITurnContext>(), It.IsAny<IntakeField?>()))
                .Returns((ITurnContext t, IntakeField? pending) => meaning(t.Activity.Text) ?? real.Read(t, pending));
            mock.Setup(r => r.ReadGroupAnswer(It.IsAny<ITurnContext>(), It.IsAny<IReadOnlyList<IntakeField>>()))
                .Returns((ITurnContext t, IReadOnlyList<IntakeField> asked) => group?.Invoke(t.Activity.Text) ?? real.ReadGroupAnswer(t, asked));
            mock.Setup(r => r.ReadAnswer(It.IsAny<ITurnContext>(), It.IsAny<IntakeField>())).Returns((ITurnContext t, IntakeField f) => real.ReadAnswer(t, f));
            mock.Setup(r => r.ReadPartialPriorTreatments(It.IsAny<ITurnContext>())).Returns((ITurnContext t) => real.ReadPartialPriorTreatments(t));
            mock.Setup(r => r.ReadOpenTreatment(It.IsAny<ITurnContext>(), It.IsAny<OpenTreatment>())).Returns((ITurnContext t, OpenTreatment o) => real.ReadOpenTreatment(t, o));
            mock.Setup(r => r.ReadCountOrAge(It.IsAny<ITurnContext>(), It.IsAny<int>())).Returns((ITurnContext t, int n) => real.ReadCountOrAge(t, n));
            mock.Setup(r => r.SaysNotKnown(It.IsAny<ITurnContext>())).Returns((ITurnContext t) => real.SaysNotKnown(t));
            return mock.Object;
        });
    };
}
