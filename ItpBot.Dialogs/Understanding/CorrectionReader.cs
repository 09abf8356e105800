using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Corrections by name, at any point of a conversation: "platelets are actually 25", "weight is 80 kg", "she's
/// not pregnant", "actually no bleeding", "stopped warfarin". Only a message shaped as a correction counts (a
/// correcting word, "field is value", or a statement about the patient), so "12" or "yes" is never one.
/// </summary>
public sealed partial class CorrectionReader
{
    private readonly CaseSummaryReader summaries;
    private readonly AntithromboticRecognizer antithrombotics = new();
    private readonly ComorbidityRecognizer comorbidities = new();

    public CorrectionReader(CaseSummaryReader summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        this.summaries = summaries;
    }

    public IReadOnlyList<ProfileCorrection> Read(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (!CorrectionShape().IsMatch(normalized))
        {
            return [];
        }

        var profile = summaries.Read(normalized).Profile;
        var corrections = new List<ProfileCorrection>();
        Add(ProfileFields.AgeYears, profile.AgeYears);
        Add(ProfileFields.Sex, profile.Sex);
        Add(ProfileFields.WeightKg, profile.WeightKg);
        Add(ProfileFields.MonthsSinceDiagnosis, profile.MonthsSinceDiagnosis);
        Add(ProfileFields.PlateletCount, profile.PlateletCount);
        Add(ProfileFields.Bleeding, profile.Bleeding);
        Add(ProfileFields.PriorTreatments, profile.PriorTreatments);
        Add(ProfileFields.Splenectomy, profile.Splenectomy);
        // "she stopped warfarin" reads as none taken now; as a correction it removes the class stopped (below), not all.
        Add(ProfileFields.Antithrombotics, profile.Antithrombotics is { Count: 0 } ? null : profile.Antithrombotics);
        Add(ProfileFields.Comorbidities, profile.Comorbidities);
        Add(ProfileFields.Pregnant, profile.Pregnant);
        Add(ProfileFields.GestationWeeks, profile.GestationWeeks);
        Add(ProfileFields.EastAsianAncestry, profile.EastAsianAncestry);
        Add(ProfileFields.Preferences, profile.Preferences);
        Add(ProfileFields.Unavailable, profile.Unavailable);
        Add(ProfileFields.UpcomingProcedure, profile.UpcomingProcedure);

        if (antithrombotics.FindDenied(normalized) is { Count: > 0 } stopped)
        {
            corrections.Add(new ProfileCorrection(ProfileFields.Antithrombotics, stopped, Remove: true));
        }

        if (comorbidities.FindDenied(normalized) is { Count: > 0 } absent)
        {
            corrections.Add(new ProfileCorrection(ProfileFields.Comorbidities, absent, Remove: true));
        }

        return corrections;

        void Add(string field, object? value)
        {
            if (value is not null)
            {
                corrections.Add(new ProfileCorrection(field, value));
            }
        }
    }

    [GeneratedRegex(
        @"\b(?:actually|correction|correct(?:ed|ing) (?:that|myself)|sorry|i meant|meant to say|i mean|update|updated|change|changed|wrong|mistake|typo|" +
        @"should (?:be|have said|read)|instead|rather|not \w+ but|in fact|after all|now)\b|" +
        @"\b(?:platelets?|platelet count|plt|count|weight|wt|age|sex|gender|bleeding|diagnosis|diagnosed)\s+(?:is|are|was|were|=|:|now|of)\b|" +
        @"^(?:she|he|they|the patient|patient|pt)(?:'s|'re| is| are| has| have| was| isn't| hasn't| is not| has not| does not| doesn't| weighs| stopped)\b|" +
        @"^(?:stopped|no longer|not on)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CorrectionShape();
}
