using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using static ItpBot.Tests.Knowledge.Profiles;
using Codes = ItpBot.Knowledge.Model.AlertCodes;

namespace ItpBot.Tests.Knowledge;

/// <summary>At least one test per rule of the advisor, each changing only what the rule reads.</summary>
public class TreatmentAdvisorRuleTests
{
    [Theory]
    [InlineData(Bleeding.Critical)]
    [InlineData(Bleeding.Severe)]
    public void Emergency_bleeding_comes_first_whatever_else_is_true(Bleeding bleeding)
    {
        var a = Assess(ChronicSteroidDependent with
        {
            Bleeding = bleeding,
            PlateletCount = 60,
            Preferences = [Preference.DrugFree, Preference.AvoidInjections],
        });

        Assert.Equal(Urgency.Emergency, a.Urgency);
        Assert.Equal(BleedingRisk.High, a.BleedingRisk);
        Assert.Equal(Codes.EmergencyBleeding, a.Alerts[0].Code);
        var combined = a.Options.Where(o => o.Role == OptionRole.FirstChoice).Select(o => o.Therapy).ToList();
        Assert.Equal([TherapyIds.PlateletTransfusion, TherapyIds.Ivig, TherapyIds.Dexamethasone], combined);
        Assert.All(a.Options, o => Assert.Contains(o.Rationale, r => r.StartsWith("emergency-bleeding:", StringComparison.Ordinal)));
        Assert.DoesNotContain(Codes.TreatmentNotIndicated, a.AlertCodes());
    }

    [Fact]
    public void Emergency_on_an_anticoagulant_says_stop_and_reverse_not_decide_case_by_case()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            Bleeding = Bleeding.Critical, PlateletCount = 4, Antithrombotics = [Antithrombotic.Anticoagulant],
        });

        var hold = Assert.Single(a.Alerts, x => x.Code == Codes.HoldAnticoagulation);
        Assert.Contains("reverse anticoagulation", hold.Text);
        Assert.DoesNotContain("case by case", hold.Text);
        Assert.NotEmpty(hold.Citations);
        Assert.DoesNotContain(Codes.ThrombosisRisk, a.AlertCodes());
    }

    [Theory]
    [InlineData(Bleeding.Critical)]
    [InlineData(Bleeding.Mucosal)]
    public void Pregnancy_figures_stay_out_of_assessments_for_patients_who_are_not_pregnant(Bleeding bleeding)
    {
        var a = Assess(ChronicSteroidDependent with { Bleeding = bleeding, PlateletCount = 8 });

        Assert.Contains(TherapyIds.Ivig, a.Offered());
        Assert.All(a.Options.SelectMany(o => o.ResponseRates), r => Assert.DoesNotContain("regnan", r));
    }

    [Fact]
    public void Emergency_carries_no_target_count_reminder()
    {
        var a = Assess(ChronicSteroidDependent with { Bleeding = Bleeding.Severe, PlateletCount = 6 });

        Assert.DoesNotContain(Codes.TargetHaemostaticCount, a.AlertCodes());
    }

    [Fact]
    public void Admission_is_suggested_only_when_newly_diagnosed_below_20()
    {
        Assert.Contains(Codes.ConsiderAdmission, Assess(NewlyDiagnosed with { PlateletCount = 15 }).AlertCodes());
        Assert.DoesNotContain(Codes.ConsiderAdmission, Assess(NewlyDiagnosed with { PlateletCount = 25 }).AlertCodes());
        Assert.DoesNotContain(Codes.ConsiderAdmission, Assess(ChronicSteroidDependent with { PlateletCount = 15 }).AlertCodes());
    }

    [Fact]
    public void A_procedure_as_the_only_reason_to_treat_raises_the_count_and_starts_no_long_term_line()
    {
        var a = Assess(ChronicSteroidDependent with { PlateletCount = 35, UpcomingProcedure = true, PriorTreatments = [] });

        Assert.Equal([TherapyIds.Ivig, TherapyIds.Prednisone],
            a.Options.Where(o => o.Role is OptionRole.FirstChoice or OptionRole.Alternative).Select(o => o.Therapy));
        Assert.All(a.Options.Where(o => o.Therapy is TherapyIds.Romiplostim), o => Assert.Equal(OptionRole.Later, o.Role));
        Assert.Equal(Urgency.Prompt, a.Urgency);
        Assert.DoesNotContain(Codes.TargetHaemostaticCount, a.AlertCodes());
    }

    [Fact]
    public void Availability_a_step_that_relies_on_an_unavailable_therapy_is_replaced_by_its_content_alternative()
    {
        // Any step the content marks as relying on a therapy (uses/instead) follows the patient's access: here the
        // count raised before a procedure and before a splenectomy, both of which name IVIG when it can be had.
        var procedure = ChronicSteroidDependent with { PlateletCount = 20, UpcomingProcedure = true, PriorTreatments = [] };
        var splenectomy = ChronicSteroidDependent with { Preferences = [Preference.DrugFree] };
        foreach (var profile in new[] { procedure, splenectomy })
        {
            var withIvig = Assess(profile with { Unavailable = [] });
            var withoutIvig = Assess(profile with { Unavailable = [TherapyIds.Ivig] });
            Assert.Contains(withIvig.Today, t => t.Action.Contains("IVIG 1 g/kg", StringComparison.Ordinal));
            Assert.DoesNotContain(withoutIvig.Today, t => t.Action.Contains("IVIG 1 g/kg", StringComparison.Ordinal));
            var raise = Assert.Single(withoutIvig.Today, t => t.Action.Contains("without IVIG (not available)", StringComparison.Ordinal));
            Assert.Contains("corticosteroid", raise.Action, StringComparison.Ordinal);
            Assert.NotEmpty(raise.Citations);
        }
    }

    [Theory]
    [InlineData("sertraline", "sertraline")]
    [InlineData("Cipralex 10 mg", "Cipralex 10 mg")]
    public void Drugs_an_ssri_taken_now_is_named_as_a_cited_bleeding_risk(string written, string named)
    {
        var without = Assess(ChronicSteroidDependent with { PlateletCount = 40, CurrentDrugs = ["omeprazole"] });
        var with = Assess(ChronicSteroidDependent with { PlateletCount = 40, CurrentDrugs = [written] });

        Assert.DoesNotContain(without.Today, t => t.Action.Contains("SSRI", StringComparison.Ordinal));
        var line = Assert.Single(with.Today, t => t.Action.Contains("SSRIs add to the risk of bleeding", StringComparison.Ordinal));
        Assert.StartsWith(named, line.Action, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("piel-julian-2018", line.Citations);
        Assert.DoesNotContain(written, with.UnrecognisedDrugs);
    }

    [Fact]
    public void Availability_unavailable_drugs_are_never_offered_even_as_rescue()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            Unavailable = [TherapyIds.Romiplostim, TherapyIds.Ivig],
            UpcomingProcedure = true,
        });
        Assert.DoesNotContain(TherapyIds.Romiplostim, a.Offered());
        Assert.DoesNotContain(TherapyIds.Ivig, a.Offered());
        Assert.Equal(TherapyIds.Eltrombopag, a.First().Therapy);
    }

    [Theory]
    [InlineData(1.0, Phase.NewlyDiagnosed)]
    [InlineData(3.0, Phase.Persistent)]
    [InlineData(12.0, Phase.Persistent)]
    [InlineData(12.5, Phase.Chronic)]
    public void Phase_follows_months_since_diagnosis(double months, Phase expected)
    {
        Assert.Equal(expected, Assess(ChronicSteroidDependent with { MonthsSinceDiagnosis = months }).Phase);
    }

    [Fact]
    public void Phase_unknown_is_null_and_missing()
    {
        var a = Assess(ChronicSteroidDependent with { MonthsSinceDiagnosis = null });
        Assert.Null(a.Phase);
        Assert.Contains(ProfileFields.MonthsSinceDiagnosis, a.Missing);
    }

    [Fact]
    public void Bleeding_risk_rises_with_count_bleeding_age_antithrombotics_and_comorbidities()
    {
        var baseline = ChronicSteroidDependent with { PlateletCount = 45 };
        Assert.Equal(BleedingRisk.Low, Assess(baseline).BleedingRisk);
        Assert.Equal(BleedingRisk.Moderate, Assess(baseline with { PlateletCount = 25 }).BleedingRisk);
        Assert.Equal(BleedingRisk.High, Assess(baseline with { PlateletCount = 8 }).BleedingRisk);
        Assert.Equal(BleedingRisk.High, Assess(baseline with { PlateletCount = 15, Bleeding = Bleeding.Mucosal }).BleedingRisk);
        Assert.Equal(BleedingRisk.High, Assess(baseline with { PlateletCount = 15, AgeYears = 72 }).BleedingRisk);
        Assert.Equal(BleedingRisk.Moderate, Assess(baseline with { Antithrombotics = [Antithrombotic.Nsaid] }).BleedingRisk);
        Assert.Equal(BleedingRisk.Moderate, Assess(baseline with { Comorbidities = [Comorbidity.Hypertension] }).BleedingRisk);
    }

    [Fact]
    public void Treatment_indication_count_alone_above_threshold_means_observation()
    {
        var a = Assess(NewlyDiagnosed with { PlateletCount = 45, Bleeding = Bleeding.Skin });
        Assert.Equal(TherapyIds.Observation, a.First().Therapy);
        Assert.Contains(Codes.TreatmentNotIndicated, a.AlertCodes());
        Assert.DoesNotContain(TherapyIds.Prednisone, a.Offered());
    }

    [Fact]
    public void Treatment_indication_bleeding_calls_for_treatment_even_at_a_higher_count()
    {
        var a = Assess(NewlyDiagnosed with { PlateletCount = 45, Bleeding = Bleeding.Mucosal });
        Assert.NotEqual(TherapyIds.Observation, a.First().Therapy);
        Assert.DoesNotContain(Codes.TreatmentNotIndicated, a.AlertCodes());
    }

    [Fact]
    public void Treatment_indication_keeps_a_working_treatment_rather_than_observing_off_it()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            PlateletCount = 90,
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new(TherapyIds.Romiplostim, TreatmentOutcome.Response)],
        });
        Assert.Equal(TherapyIds.Romiplostim, a.First().Therapy);
        Assert.Contains(Codes.TreatmentNotIndicated, a.AlertCodes());
    }

    [Fact]
    public void Treatment_indication_a_count_held_up_by_corticosteroids_still_needs_a_plan()
    {
        var a = Assess(ChronicSteroidDependent with { PlateletCount = 70 });
        Assert.Equal(TherapyIds.Romiplostim, a.First().Therapy);
        Assert.DoesNotContain(Codes.TreatmentNotIndicated, a.AlertCodes());
    }

    [Fact]
    public void Treatment_line_newly_diagnosed_gets_corticosteroids_first()
    {
        var a = Assess(NewlyDiagnosed);
        Assert.Equal(TherapyIds.Prednisone, a.First().Therapy);
        Assert.Equal(OptionRole.Alternative, a.Option(TherapyIds.Dexamethasone).Role);
        Assert.Equal(OptionRole.Rescue, a.Option(TherapyIds.Ivig).Role);
    }

    [Fact]
    public void Urgency_is_prompt_for_a_newly_diagnosed_very_low_count_and_routine_otherwise()
    {
        Assert.Equal(Urgency.Prompt, Assess(NewlyDiagnosed with { PlateletCount = 12 }).Urgency);
        Assert.Equal(Urgency.Routine, Assess(ChronicSteroidDependent with { PlateletCount = 25 }).Urgency);
    }

    [Fact]
    public void Prior_outcomes_intolerance_and_no_response_are_respected()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent),
                new(TherapyIds.Rituximab, TreatmentOutcome.NoResponse), new(TherapyIds.Eltrombopag, TreatmentOutcome.Intolerant)],
        });
        Assert.DoesNotContain(TherapyIds.Rituximab, a.Offered());
        Assert.DoesNotContain(TherapyIds.Eltrombopag, a.Offered());
        Assert.Contains(a.Avoid, x => x.Therapy == TherapyIds.Eltrombopag && x.Reason.Contains("tolerated", StringComparison.Ordinal));
        Assert.Contains(TherapyIds.Rituximab, a.Avoided());
    }

    [Fact]
    public void Corticosteroid_dependence_moves_on_to_second_line_now()
    {
        var a = Assess(ChronicSteroidDependent);
        Assert.Contains(Codes.SwitchToSecondLine, a.AlertCodes());
        Assert.Contains(Codes.ProlongedCorticosteroids, a.AlertCodes());
        Assert.Contains(TherapyIds.Prednisone, a.Avoided());
        Assert.Equal(TherapyIds.Romiplostim, a.First().Therapy);
    }

    [Fact]
    public void Tpo_ra_failure_checks_adherence_then_switches_tpo_ra()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)],
        });
        Assert.Contains(Codes.CheckAdherenceAndAbsorption, a.AlertCodes());
        Assert.Contains(TherapyIds.Romiplostim, a.Avoided());
        Assert.Equal(TherapyIds.Eltrombopag, a.First().Therapy);
        Assert.Contains(a.First().Rationale, r => r.StartsWith("tpo-ra-failure:", StringComparison.Ordinal));
    }

    [Fact]
    public void Refractory_after_one_tpo_ra_switches_tpo_ra_before_a_combination_as_the_alert_says()
    {
        // Case 1 of the clinical review: eltrombopag and rituximab failed. The adherence alert says "then switch".
        var oneFailed = Assess(ChronicSteroidDependent with
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse),
                new(TherapyIds.Rituximab, TreatmentOutcome.NoResponse)],
        });
        Assert.Contains(Codes.CheckAdherenceAndAbsorption, oneFailed.AlertCodes());
        Assert.True(oneFailed.First().Therapy is TherapyIds.Romiplostim or TherapyIds.Avatrombopag, oneFailed.First().Therapy);
        Assert.True(oneFailed.Offered().ToList().IndexOf(TherapyIds.TpoRaCombination) > 0);

        // Two TPO-RAs failed: several second-line options have failed, and the combination leads.
        var twoFailed = Assess(ChronicSteroidDependent with
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse),
                new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)],
        });
        Assert.Equal(TherapyIds.TpoRaCombination, twoFailed.First().Therapy);
    }

    [Fact]
    public void Emergency_on_a_current_tpo_ra_names_no_second_tpo_ra_and_says_why()
    {
        var onEltrombopag = ChronicSteroidDependent with
        {
            Bleeding = Bleeding.Severe, PlateletCount = 6,
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new(TherapyIds.Eltrombopag, TreatmentOutcome.Ongoing)],
        };
        var a = Assess(onEltrombopag);
        Assert.DoesNotContain(TherapyIds.Romiplostim, a.Offered());
        Assert.Contains(a.Avoid, x => x.Therapy == TherapyIds.Romiplostim && x.Reason.Contains("Already on another TPO-RA", StringComparison.Ordinal));

        // Not on a TPO-RA: the emergency plan's later TPO-RA stays.
        Assert.Contains(TherapyIds.Romiplostim, Assess(onEltrombopag with { PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent)] }).Offered());
    }

    [Fact]
    public void Splenectomy_history_removes_splenectomy_and_anti_d()
    {
        var a = Assess(ChronicSteroidDependent with { Splenectomy = true, Bleeding = Bleeding.Critical });
        Assert.DoesNotContain(TherapyIds.Splenectomy, a.Offered());
        Assert.DoesNotContain(TherapyIds.AntiD, a.Offered());
        Assert.Contains(TherapyIds.AntiD, a.Avoided());
    }

    [Fact]
    public void Accessory_spleen_is_sought_after_relapse_following_splenectomy()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            Splenectomy = true,
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new(TherapyIds.Splenectomy, TreatmentOutcome.Relapsed)],
        });
        Assert.Contains(Codes.AccessorySpleen, a.AlertCodes());
        Assert.DoesNotContain(Codes.AccessorySpleen, Assess(ChronicSteroidDependent).AlertCodes());
    }

    [Fact]
    public void Splenectomy_timing_defers_splenectomy_within_twelve_months()
    {
        var a = Assess(ChronicSteroidDependent with { MonthsSinceDiagnosis = 6 });
        Assert.Contains(Codes.DeferSplenectomy, a.AlertCodes());
        Assert.Contains(TherapyIds.Splenectomy, a.Avoided());
        Assert.DoesNotContain(TherapyIds.Splenectomy, a.Offered());
        Assert.DoesNotContain(Codes.VaccinateBeforeSplenectomy, a.AlertCodes());

        var later = Assess(ChronicSteroidDependent with { MonthsSinceDiagnosis = 14 });
        Assert.Contains(TherapyIds.Splenectomy, later.Offered());
        Assert.DoesNotContain(Codes.DeferSplenectomy, later.AlertCodes());
    }

    [Theory]
    [InlineData(Preference.Oral, TherapyIds.Eltrombopag)]
    // v2: in a man with ITP of more than a year the drug-free and time-limited option is splenectomy (the seed
    // restricts rituximab in men and after 1 year); both expected rituximab before issue 11.
    [InlineData(Preference.DrugFree, TherapyIds.Splenectomy)]
    [InlineData(Preference.TimeLimited, TherapyIds.Splenectomy)]
    public void Preferences_change_the_first_choice(Preference preference, string expectedFirst)
    {
        var a = Assess(ChronicSteroidDependent with { Preferences = [preference] });
        Assert.Equal(expectedFirst, a.First().Therapy);
        Assert.Contains(a.First().Rationale, r => r.StartsWith("preferences:", StringComparison.Ordinal));
    }

    [Fact]
    public void Preferences_avoid_surgery_moves_splenectomy_to_avoid()
    {
        var a = Assess(ChronicSteroidDependent with { Preferences = [Preference.AvoidSurgery] });
        Assert.Contains(TherapyIds.Splenectomy, a.Avoided());
        Assert.DoesNotContain(TherapyIds.Splenectomy, a.Offered());
    }

    [Fact]
    public void Comorbidities_add_cautions_and_move_drugs_down()
    {
        var plain = Assess(ChronicSteroidDependent with { Preferences = [Preference.Oral] });
        var hypertensive = Assess(ChronicSteroidDependent with { Preferences = [Preference.Oral], Comorbidities = [Comorbidity.Hypertension] });
        Assert.True(hypertensive.Option(TherapyIds.Fostamatinib).Rank > plain.Option(TherapyIds.Fostamatinib).Rank);
        Assert.Contains(hypertensive.Option(TherapyIds.Fostamatinib).Cautions, c => c.Contains("Hypertension", StringComparison.Ordinal));
    }

    [Fact]
    public void Pregnancy_offers_only_pregnancy_safe_options_and_names_the_contraindicated()
    {
        var a = Assess(Pregnant);
        Assert.Contains(Codes.Pregnancy, a.AlertCodes());
        Assert.Equal(TherapyIds.Prednisone, a.First().Therapy);
        foreach (var id in new[] { TherapyIds.Fostamatinib, TherapyIds.Mycophenolate, TherapyIds.Cyclophosphamide,
                     TherapyIds.Danazol, TherapyIds.VincaAlkaloids, TherapyIds.Rilzabrutinib })
        {
            Assert.Contains(id, a.Avoided());
            Assert.DoesNotContain(id, a.Offered());
        }
        Assert.Contains("10–20 mg/day", a.First().Dosing);
    }

    [Fact]
    public void Pregnancy_keeps_limited_data_drugs_for_later()
    {
        var a = Assess(Pregnant with { PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.NoResponse)] });
        Assert.Equal(OptionRole.Later, a.Option(TherapyIds.Romiplostim).Role);
        Assert.NotEqual(TherapyIds.Romiplostim, a.First().Therapy);
    }

    [Theory]
    [InlineData(true, false, "25 mg")]
    [InlineData(false, true, "25 mg")]
    [InlineData(true, true, "12.5 mg")]
    public void Eltrombopag_start_is_reduced_for_east_asian_ancestry_or_liver_disease(bool asian, bool liver, string dose)
    {
        var a = Assess(ChronicSteroidDependent with
        {
            EastAsianAncestry = asian,
            Comorbidities = liver ? [Comorbidity.LiverDisease] : [],
        });
        Assert.Contains(Codes.EltrombopagReducedStart, a.AlertCodes());
        Assert.Contains(dose, a.Option(TherapyIds.Eltrombopag).Dosing);
        Assert.DoesNotContain(Codes.EltrombopagReducedStart, Assess(ChronicSteroidDependent).AlertCodes());
    }

    [Fact]
    public void Eltrombopag_hepatotoxicity_stop_rule_is_among_its_cautions()
    {
        var a = Assess(ChronicSteroidDependent with { Comorbidities = [Comorbidity.LiverDisease] });
        Assert.Contains(a.Option(TherapyIds.Eltrombopag).Cautions, c => c.Contains("Hepatotoxicity: stop", StringComparison.Ordinal));
    }

    [Fact]
    public void Thrombosis_history_with_a_tpo_ra_raises_the_thrombosis_alert()
    {
        var a = Assess(ChronicSteroidDependent with { Comorbidities = [Comorbidity.ThrombosisHistory] });
        Assert.Contains(Codes.ThrombosisRisk, a.AlertCodes());
        Assert.Contains(a.Option(TherapyIds.Romiplostim).Cautions, c => c.Contains("Thrombosis history", StringComparison.Ordinal));
    }

    [Fact]
    public void Antithrombotics_with_a_low_count_raise_hold_anticoagulation()
    {
        Assert.Contains(Codes.HoldAnticoagulation,
            Assess(ChronicSteroidDependent with { Antithrombotics = [Antithrombotic.Anticoagulant] }).AlertCodes());
        Assert.DoesNotContain(Codes.HoldAnticoagulation,
            Assess(ChronicSteroidDependent with { Antithrombotics = [Antithrombotic.Antiplatelet], PlateletCount = 120 }).AlertCodes());
    }

    [Fact]
    public void Several_failed_lines_reassess_the_diagnosis_then_combinations()
    {
        var a = Assess(ChronicSteroidDependent with
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Dependent),
                new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse), new(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse),
                new(TherapyIds.Rituximab, TreatmentOutcome.Relapsed)],
        });
        Assert.Contains(Codes.ReassessDiagnosis, a.AlertCodes());
        Assert.Equal(TherapyIds.TpoRaCombination, a.First().Therapy);
        Assert.Contains(TherapyIds.ClinicalTrial, a.Offered());
    }

    [Fact]
    public void Upcoming_procedure_with_a_low_count_adds_ivig_rescue()
    {
        var a = Assess(ChronicSteroidDependent with { Unavailable = [], PlateletCount = 40, UpcomingProcedure = true });
        Assert.Equal(OptionRole.Rescue, a.Option(TherapyIds.Ivig).Role);
        Assert.Contains(a.Option(TherapyIds.Ivig).Rationale, r => r.StartsWith("upcoming-procedure:", StringComparison.Ordinal));
        Assert.Equal(Urgency.Prompt, a.Urgency);
    }

    [Fact]
    public void Hbv_screen_alert_follows_rituximab_on_offer()
    {
        Assert.Contains(Codes.HbvScreenBeforeRituximab, Assess(ChronicSteroidDependent).AlertCodes());
        Assert.DoesNotContain(Codes.HbvScreenBeforeRituximab,
            Assess(ChronicSteroidDependent with { Unavailable = [TherapyIds.Rituximab] }).AlertCodes());
    }

    [Fact]
    public void Vaccination_alert_follows_splenectomy_on_offer()
    {
        Assert.Contains(Codes.VaccinateBeforeSplenectomy, Assess(ChronicSteroidDependent).AlertCodes());
        Assert.DoesNotContain(Codes.VaccinateBeforeSplenectomy,
            Assess(ChronicSteroidDependent with { Splenectomy = true }).AlertCodes());
    }

    [Fact]
    public void Haemostatic_target_alert_accompanies_treatment_but_not_observation()
    {
        Assert.Contains(Codes.TargetHaemostaticCount, Assess(ChronicSteroidDependent).AlertCodes());
        Assert.DoesNotContain(Codes.TargetHaemostaticCount,
            Assess(NewlyDiagnosed with { PlateletCount = 80, Bleeding = Bleeding.None }).AlertCodes());
    }

    [Fact]
    public void Weight_based_doses_are_computed_from_the_content_dose()
    {
        var a = Assess(ChronicSteroidDependent with { WeightKg = 70 });
        Assert.Contains("70 µg", a.Option(TherapyIds.Romiplostim).Dosing);
        Assert.Contains("700 µg", a.Option(TherapyIds.Romiplostim).Dosing);
        var unknown = Assess(ChronicSteroidDependent with { WeightKg = null });
        Assert.Contains(ProfileFields.WeightKg, unknown.Missing);
        Assert.DoesNotContain("For ", unknown.Option(TherapyIds.Romiplostim).Dosing);
    }

    [Fact]
    public void Missing_names_the_unknown_fields_that_matter_and_nothing_known()
    {
        Assert.Empty(Assess(ChronicSteroidDependent).Missing);
        var a = Assess(new PatientProfile());
        foreach (var field in new[] { ProfileFields.PlateletCount, ProfileFields.Bleeding, ProfileFields.MonthsSinceDiagnosis,
                     ProfileFields.PriorTreatments, ProfileFields.Pregnant, ProfileFields.AgeYears })
            Assert.Contains(field, a.Missing);
    }

    // A woman who could conceive, not pregnant, with a TPO-RA among the top options (a plan stops it at conception).
    private static PatientProfile YoungWomanForATpoRa => ChronicSteroidDependent with
    {
        Sex = Sex.Female,
        AgeYears = 33,
        PriorTreatments = [new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Dependent), new PriorTreatment(TherapyIds.Rituximab, TreatmentOutcome.NoResponse)],
    };

    [Fact]
    public void A_pregnancy_plan_is_missing_when_it_would_change_an_option_offered()
    {
        var a = Assess(YoungWomanForATpoRa);
        Assert.Contains(a.Options.Take(3), o => KnowledgeBase.LoadEmbedded().Therapy(o.Therapy).IsTpoRa);
        Assert.DoesNotContain(a.Options.Take(3), o => o.Therapy == TherapyIds.Rituximab);
        Assert.Contains(ProfileFields.PregnancyPlanned, a.Missing);
        // Only the plan: a plan says she could conceive, and no plan leaves the TPO-RA as it is.
        Assert.DoesNotContain(ProfileFields.ChildbearingPotential, a.Missing);
    }

    [Theory]
    [InlineData(55, null, null)] // past childbearing age
    [InlineData(33, false, null)] // cannot conceive
    [InlineData(33, null, false)] // the plan is known
    public void A_pregnancy_plan_is_not_missing_when_it_could_not_change_the_choice(int age, bool? childbearing, bool? planned)
    {
        var a = Assess(YoungWomanForATpoRa with { AgeYears = age, ChildbearingPotential = childbearing, PregnancyPlanned = planned });
        Assert.DoesNotContain(ProfileFields.PregnancyPlanned, a.Missing);
    }

    [Fact]
    public void A_pregnancy_plan_is_not_missing_for_a_man()
    {
        var a = Assess(YoungWomanForATpoRa with { Sex = Sex.Male });
        Assert.DoesNotContain(ProfileFields.PregnancyPlanned, a.Missing);
    }

    [Fact]
    public void Same_profile_gives_the_same_assessment()
    {
        var first = System.Text.Json.JsonSerializer.Serialize(Assess(ChronicSteroidDependent), ContractJson.Options);
        var advisor = new TreatmentAdvisor(KnowledgeBase.LoadEmbedded());
        for (var i = 0; i < 3; i++)
            Assert.Equal(first, System.Text.Json.JsonSerializer.Serialize(advisor.Assess(ChronicSteroidDependent), ContractJson.Options));
    }

    [Fact]
    public void Patient_audience_gets_the_plain_texts()
    {
        var kb = KnowledgeBase.LoadEmbedded();
        var a = Assess(ChronicSteroidDependent with { Audience = Audience.Patient });
        Assert.Equal(kb.Therapy(TherapyIds.Romiplostim).Summary.PatientText, a.Option(TherapyIds.Romiplostim).Summary);
        Assert.All(a.Alerts, alert => Assert.Equal(kb.Alert(alert.Code).Text.PatientText, alert.Text));
    }

    [Theory]
    [InlineData(TherapyIds.Eltrombopag)]
    [InlineData(TherapyIds.Rituximab)]
    [InlineData(TherapyIds.Romiplostim)]
    public void A_therapy_given_with_its_outcome_unknown_is_neither_favoured_nor_avoided(string therapy)
    {
        var without = ChronicSteroidDependent;
        var with = without with { PriorTreatments = [.. without.PriorTreatments ?? [], new(therapy, TreatmentOutcome.Unknown)] };

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(Assess(without), ContractJson.Options),
            System.Text.Json.JsonSerializer.Serialize(Assess(with), ContractJson.Options));
    }

    [Fact]
    public void Rules_run_in_a_fixed_order_with_emergency_first()
    {
        var order = Advisor.RuleOrder;
        Assert.Equal("emergency-bleeding", order[0]);
        Assert.Equal(order.Count, order.Distinct().Count());
    }
}
