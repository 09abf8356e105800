using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Which parts of an assessment go where: the option the reply is built around, the alerts too important to wait
/// for a question, and which details a reader can still ask for. The text, the card and the actions agree on these.
/// </summary>
internal static class AssessmentParts
{
    // Alerts that change what is done today or forbid something now: they are never left for a follow-up question.
    private static readonly HashSet<string> SafetyCritical = new(StringComparer.Ordinal)
    {
        AlertCodes.EmergencyBleeding, AlertCodes.HoldAnticoagulation, AlertCodes.Pregnancy,
        AlertCodes.TreatmentNotIndicated, AlertCodes.HepatotoxicityStop, AlertCodes.ConsiderAdmission,
    };

    /// <summary>The option the reply is built around: the first with the first-choice role, else the best ranked.</summary>
    public static TreatmentOption? FirstChoice(Assessment assessment) =>
        assessment.Options.FirstOrDefault(option => option.Role == OptionRole.FirstChoice) ?? assessment.Options.FirstOrDefault();

    /// <summary>In an emergency the options given together: first-choice and rescue roles, else all of them.</summary>
    public static IReadOnlyList<TreatmentOption> EmergencyCombination(Assessment assessment)
    {
        var combined = assessment.Options.Where(option => option.Role is OptionRole.FirstChoice or OptionRole.Rescue).ToList();
        return combined.Count > 0 ? combined : assessment.Options;
    }

    /// <summary>The options the opening details: the emergency combination, or the first choice.</summary>
    public static IReadOnlyList<TreatmentOption> Opening(Assessment assessment) =>
        assessment.Urgency == Urgency.Emergency ? EmergencyCombination(assessment)
        : FirstChoice(assessment) is { } first ? [first] : [];

    /// <summary>The options the opening does not detail, best first.</summary>
    public static IReadOnlyList<TreatmentOption> Others(Assessment assessment)
    {
        var opening = Opening(assessment);
        return assessment.Options.Where(option => !opening.Any(shown => ReferenceEquals(shown, option))).ToList();
    }

    /// <summary>Alerts given in full in the opening: the safety-critical ones; with nothing to rank, all of them.</summary>
    public static IReadOnlyList<Alert> LeadAlerts(Assessment assessment) =>
        assessment.Options.Count == 0 ? assessment.Alerts : assessment.Alerts.Where(alert => SafetyCritical.Contains(alert.Code)).ToList();

    public static IReadOnlyList<Alert> OtherAlerts(Assessment assessment)
    {
        var lead = LeadAlerts(assessment);
        return assessment.Alerts.Where(alert => !lead.Contains(alert)).ToList();
    }

    public static Decision? Question(Assessment assessment) =>
        assessment.Decisions.FirstOrDefault(decision => decision.Topic == DecisionTopic.Question);

    /// <summary>Whether a reader asking for <paramref name="topic"/> would learn anything about this case.</summary>
    public static bool HasContent(Assessment assessment, AssessmentTopic topic) => topic switch
    {
        AssessmentTopic.Today => assessment.Today.Count > 0,
        AssessmentTopic.Alternatives => Others(assessment).Count > 0,
        AssessmentTopic.Dosing => assessment.Options.Any(option => !string.IsNullOrWhiteSpace(option.Dosing)),
        AssessmentTopic.Response => assessment.Options.Any(option => option.ResponseRates.Count > 0 || !string.IsNullOrWhiteSpace(option.Onset)),
        AssessmentTopic.Safety => OtherAlerts(assessment).Count > 0 || assessment.Alerts.Any(alert => FirstSentence.Of(alert.Text) is not null)
            || assessment.Options.Any(option => option.Cautions.Count > 0 || option.OnStart.Count > 0 || option.OnStop.Count > 0),
        AssessmentTopic.Interactions => assessment.Interactions.Count > 0 || assessment.UnrecognisedDrugs.Count > 0,
        AssessmentTopic.Avoid => assessment.Avoid.Count > 0,
        AssessmentTopic.Decisions => assessment.Decisions.Count > 0,
        AssessmentTopic.References => assessment.References.Count > 0,
        _ => false,
    };

    public static IReadOnlyList<AssessmentTopic> Topics(Assessment assessment) =>
        Enum.GetValues<AssessmentTopic>().Where(topic => HasContent(assessment, topic)).ToList();
}
