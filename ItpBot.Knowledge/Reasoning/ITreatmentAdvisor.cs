using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>Turns what is known about a patient into a ranked, explained and cited plan. Deterministic.</summary>
public interface ITreatmentAdvisor
{
    Assessment Assess(PatientProfile profile);
}
