using System.Reflection;
using System.Text.Json;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The prose of every reply, read once from the embedded Texts.json so wording can be reviewed in one place
/// and carries no clinical numbers (those only come from the knowledge content).
/// </summary>
public sealed record ReplyTexts
{
    private const string ResourceName = "ItpBot.Dialogs.Replies.Texts.json";
    private static readonly Lazy<ReplyTexts> Loaded = new(Load);

    public static ReplyTexts Default => Loaded.Value;

    public required string BotName { get; init; }
    public required string DisclaimerLabel { get; init; }

    public required AudienceText Disclaimer { get; init; }
    public required WelcomeTexts Welcome { get; init; }
    /// <summary>What each group of options means, said once under its label in patient replies.</summary>
    public required PatientHints PatientHints { get; init; }
    public required string HaematologistPointer { get; init; }
    public required UrgencyTexts Urgency { get; init; }
    public required BleedingRiskTexts BleedingRisk { get; init; }
    public required PhaseTexts Phase { get; init; }
    public required ByAudience<SectionLabels> Labels { get; init; }
    public required AudienceText ActionsPrompt { get; init; }
    public required ByAudience<ActionTexts> Actions { get; init; }
    public required AudienceText EmergencyNow { get; init; }
    public required IReadOnlyDictionary<string, string> FieldNames { get; init; }

    /// <summary>The readable name of a profile field (camelCase contract name).</summary>
    public string FieldName(string field) =>
        FieldNames.TryGetValue(field, out var name) ? name : Humanize.CamelCase(field);

    public string PhaseName(Phase? phase) => phase switch
    {
        Knowledge.Model.Phase.NewlyDiagnosed => Phase.NewlyDiagnosed,
        Knowledge.Model.Phase.Persistent => Phase.Persistent,
        Knowledge.Model.Phase.Chronic => Phase.Chronic,
        _ => Phase.Unknown,
    };

    public string BleedingRiskName(BleedingRisk risk) => risk switch
    {
        Knowledge.Model.BleedingRisk.High => BleedingRisk.High,
        Knowledge.Model.BleedingRisk.Moderate => BleedingRisk.Moderate,
        _ => BleedingRisk.Low,
    };

    public string UrgencyText(Urgency urgency, Audience audience)
    {
        var texts = audience == Audience.Patient ? Urgency.Patient : Urgency.Clinician;
        return urgency switch
        {
            Knowledge.Model.Urgency.Emergency => texts.Emergency,
            Knowledge.Model.Urgency.Prompt => texts.Prompt,
            _ => texts.Routine,
        };
    }

    private static ReplyTexts Load()
    {
        using var stream = typeof(ReplyTexts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<ReplyTexts>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
    }
}

public sealed record AudienceText(string Clinician, string Patient)
{
    public string For(Audience audience) => audience == Audience.Patient ? Patient : Clinician;
}

public sealed record ByAudience<T>(T Clinician, T Patient)
{
    public T For(Audience audience) => audience == Audience.Patient ? Patient : Clinician;
}

public sealed record ActionText(string Title, string Value);

/// <param name="EmergencyAlternatives">In an emergency the alternatives are given instead of, or alongside, the
/// combination now, not "if the first option stops working".</param>
public sealed record PatientHints(string FirstChoice, string Alternatives, string Later, string Rescue, string Avoid,
    string? EmergencyAlternatives = null);

public sealed record WelcomeTexts(
    string Greeting,
    string WhoIAm,
    string WhatIDoLabel,
    IReadOnlyList<string> WhatIDo,
    string HowToStart,
    string AskAudience,
    ActionText ClinicianAction,
    ActionText PatientAction);

public sealed record UrgencyLevelTexts(string Emergency, string Prompt, string Routine);

public sealed record UrgencyTexts(UrgencyLevelTexts Clinician, UrgencyLevelTexts Patient);

public sealed record BleedingRiskTexts(string High, string Moderate, string Low);

public sealed record PhaseTexts(string NewlyDiagnosed, string Persistent, string Chronic, string Unknown);

public sealed record SectionLabels(
    string CardTitle,
    string Urgency,
    string BleedingRisk,
    string Phase,
    string FirstChoice,
    string Why,
    string Dosing,
    string Response,
    string Onset,
    string Cautions,
    string Alternatives,
    string Later,
    string Rescue,
    string Avoid,
    string Alerts,
    string Missing,
    string NoOptions,
    string References,
    string EmergencyTreatment,
    string EmergencyOptions);

/// <summary>Suggested-action templates; {0} and {1} are therapy display names.</summary>
public sealed record ActionTexts(ActionText Dosing, ActionText WhyNot, ActionText Compare, ActionText NewPatient);
