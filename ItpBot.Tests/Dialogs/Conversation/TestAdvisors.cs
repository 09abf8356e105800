using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>Advisors for conversation tests that need a question asked whatever the real content would say.</summary>
internal static class TestAdvisors
{
    /// <summary>The real advisor, except that every contract-v2 field still unknown is reported as missing, so each is asked unless known.</summary>
    public static void EveryUnknownV2FieldMatters(IServiceCollection services)
    {
        services.RemoveAll<ITreatmentAdvisor>();
        services.AddSingleton(sp =>
        {
            var real = ActivatorUtilities.CreateInstance<TreatmentAdvisor>(sp);
            var advisor = new Mock<ITreatmentAdvisor>();
            advisor.Setup(a => a.Assess(It.IsAny<PatientProfile>())).Returns((PatientProfile p) =>
            {
                var assessment = real.Assess(p);
                var unknown = FieldRegistry.All.Where(f => f.AskWhen == AskWhen.AdvisorNeedsIt && !f.IsKnown(p)).Select(f => f.ContractNames[0]);
                return assessment with { Missing = [.. assessment.Missing.Union(unknown)] };
            });
            return advisor.Object;
        });
    }
}
