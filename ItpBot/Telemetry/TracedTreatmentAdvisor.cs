using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Telemetry;

/// <summary>The "assess" span and the assessment counts, for the conversation and the API alike. Only the urgency is tagged.</summary>
public sealed class TracedTreatmentAdvisor(ITreatmentAdvisor inner) : ITreatmentAdvisor
{
    public Assessment Assess(PatientProfile profile)
    {
        using var span = BotTelemetry.Source.StartActivity("assess");
        try
        {
            var assessment = inner.Assess(profile);
            var urgency = assessment.Urgency.ToString().ToLowerInvariant();
            span?.SetTag("itpbot.urgency", urgency);
            BotTelemetry.Assessments.Add(1, new KeyValuePair<string, object?>("itpbot.urgency", urgency));
            if (assessment.Urgency == Urgency.Emergency)
            {
                BotTelemetry.Emergencies.Add(1);
            }

            return assessment;
        }
        catch (Exception e)
        {
            BotTelemetry.Failed(span, e);
            throw;
        }
    }
}
