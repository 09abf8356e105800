using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Conversation;

/// <summary>What one message means before any dialog sees it: the interruptions, and the facts it gives.</summary>
public sealed record TurnReading
{
    /// <summary>Critical or severe bleeding described in the message.</summary>
    public Bleeding? Emergency { get; init; }

    /// <summary>Help, cancel, start over, forget me.</summary>
    public Command? Command { get; init; }

    public Audience? SwitchAudience { get; init; }

    public ClinicalQuestion? Question { get; init; }

    /// <summary>"Why not X?": the therapy id asked about.</summary>
    public string? WhyNot { get; init; }

    /// <summary>What the message says about the patient (a case summary, or the answer to the pending question).</summary>
    public PatientProfile Facts { get; init; } = new();

    /// <summary>Fields set right by name ("platelets are actually 25", "stopped warfarin").</summary>
    public IReadOnlyList<ProfileCorrection> Corrections { get; init; } = [];

    /// <summary>The intake questions those facts and corrections answer.</summary>
    public IReadOnlyList<IntakeField> FactFields { get; init; } = [];

    /// <summary>The profile once this message's facts, then its corrections, are applied.</summary>
    public PatientProfile ApplyTo(PatientProfile current) =>
        Corrections.Aggregate(current.Apply(Facts), (profile, correction) => correction.ApplyTo(profile));
}
