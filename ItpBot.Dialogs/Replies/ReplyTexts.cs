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
    /// <summary>The pointer for someone writing about the patient: {his}, {him} filled by the patient's sex.</summary>
    public required string CaregiverPointer { get; init; }
    public required UrgencyTexts Urgency { get; init; }
    public required BleedingRiskTexts BleedingRisk { get; init; }
    public required PhaseTexts Phase { get; init; }
    public required ByAudience<SectionLabels> Labels { get; init; }
    public required AudienceText ActionsPrompt { get; init; }
    public required ByAudience<ActionTexts> Actions { get; init; }
    public required AudienceText EmergencyNow { get; init; }
    public required IReadOnlyDictionary<string, string> FieldNames { get; init; }

    // Contract version 2: the plan's opening and the details given on request.
    public required ByAudience<PlanLabels> Plan { get; init; }
    public required ByAudience<FitTexts> Fit { get; init; }
    /// <summary>Decision topics by enum name in camelCase ("treatNow"), worded per audience.</summary>
    public required ByAudience<IReadOnlyDictionary<string, string>> DecisionTopics { get; init; }
    /// <summary>Short names of alert codes, for the one-line pointer to the alerts not shown in full.</summary>
    public required IReadOnlyDictionary<string, string> AlertNames { get; init; }
    /// <summary>The suggested action that asks for each detail topic, keyed by topic name in lower case.</summary>
    public required ByAudience<IReadOnlyDictionary<string, ActionText>> FollowUps { get; init; }
    /// <summary>What a reader may type to ask for each detail topic, keyed as <see cref="FollowUps"/>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> FollowUpPhrases { get; init; }

    /// <summary>Whom to talk the options over with, in the words of <paramref name="to"/>: never "your" to a caregiver.</summary>
    public string HaematologistPointerFor(Conversation.Addressee to)
    {
        ArgumentNullException.ThrowIfNull(to);
        return to.IsCaregiver ? Conversation.ConversationTexts.Default.AboutThePatient(CaregiverPointer, to.Sex) : HaematologistPointer;
    }

    public string AlertName(string code) => AlertNames.TryGetValue(code, out var name) ? name : Humanize.KebabId(code).ToLowerInvariant();

    public string DecisionTopic(DecisionTopic topic, Audience audience)
    {
        var key = topic.ToString();
        key = char.ToLowerInvariant(key[0]) + key[1..];
        return DecisionTopics.For(audience).TryGetValue(key, out var name) ? name : Humanize.CamelCase(key);
    }

    public ActionText FollowUp(AssessmentTopic topic, Audience audience) => FollowUps.For(audience)[TopicKey(topic)];

    public IReadOnlyList<string> FollowUpPhrasesOf(AssessmentTopic topic) => FollowUpPhrases[TopicKey(topic)];

    internal static string TopicKey(AssessmentTopic topic) => topic.ToString().ToLowerInvariant();

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
        var texts = JsonSerializer.Deserialize<ReplyTexts>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        texts.Validate();
        return texts;
    }

    /// <summary>Every detail topic needs its action and its phrases in both voices: a gap fails at start-up, by name.</summary>
    internal void Validate()
    {
        foreach (var topic in Enum.GetValues<AssessmentTopic>())
        {
            var key = TopicKey(topic);
            if (!FollowUps.Clinician.ContainsKey(key) || !FollowUps.Patient.ContainsKey(key))
                throw new InvalidOperationException($"{ResourceName}: followUps has no action for topic '{key}' in both voices.");
            if (!FollowUpPhrases.TryGetValue(key, out var phrases) || phrases.Count == 0)
                throw new InvalidOperationException($"{ResourceName}: followUpPhrases has no phrases for topic '{key}'.");
        }
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

/// <summary>Labels of the plan's opening and of the details given on request.</summary>
/// <param name="WhyFavoured">Leads the fit criteria that favour the first choice ("Favoured on efficacy, ...").</param>
/// <param name="Nothing">Said when a detail asked for holds nothing for this case.</param>
public sealed record PlanLabels(
    string BottomLine,
    string Question,
    string Today,
    string BeforeStarting,
    string OnStop,
    string AlsoCheck,
    string More,
    string Interactions,
    string UnrecognisedDrugs,
    string Decisions,
    string InFavour,
    string Against,
    string Nothing,
    string WhyFavoured);

/// <summary>The ranking criteria of <see cref="OptionFit"/> in words.</summary>
public sealed record FitTexts(string Efficacy, string Durability, string Onset, string Burden, string Safety, string Preference);

/// <summary>Suggested-action templates; {0} and {1} are therapy display names.</summary>
public sealed record ActionTexts(ActionText Dosing, ActionText WhyNot, ActionText Compare, ActionText NewPatient);
