namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>One lexicon file as written: a category and its entries (YAML, camelCase).</summary>
internal sealed class LexiconDocument
{
    /// <summary>What the file's phrases are: sign, context, audience, answer, fact.</summary>
    public string? Category { get; set; }

    public List<LexiconEntryDocument>? Entries { get; set; }

    /// <summary>Combination rules (signs.yaml only).</summary>
    public List<RedFlagRuleDocument>? Rules { get; set; }

    /// <summary>The profile's bleeding grades from signs (signs.yaml only).</summary>
    public List<BleedingGradeDocument>? Grades { get; set; }
}

internal sealed class BleedingGradeDocument
{
    /// <summary>skin, mucosal, severe or critical.</summary>
    public string? Grade { get; set; }

    /// <summary>Any one of these gives the grade (a platelet limit has no place here).</summary>
    public List<RedFlagConditionDocument>? When { get; set; }
}

internal sealed class LexiconEntryDocument
{
    /// <summary>What the phrases mean, unique within the category ("seizure", "negated", "caregiver").</summary>
    public string? Meaning { get; set; }

    /// <summary>Groups a rule can name ("neurological", "focal", "haemodynamic").</summary>
    public List<string>? Tags { get; set; }

    /// <summary>Context triggers only: forward (before the finding), backward (after it), or both.</summary>
    public string? Direction { get; set; }

    /// <summary>Facts only: the contract field the meaning fills, and the value ("hbvStatus" = "resolved").</summary>
    public string? Field { get; set; }

    public string? Value { get; set; }

    public List<string>? Phrases { get; set; }
}

internal sealed class RedFlagRuleDocument
{
    public string? Id { get; set; }

    /// <summary>severe or critical.</summary>
    public string? Grade { get; set; }

    /// <summary>The bleeding site the signs point to ("intracranial", "spinal", "gastrointestinal").</summary>
    public string? Site { get; set; }

    /// <summary>Any one of these fires the rule.</summary>
    public List<RedFlagConditionDocument>? When { get; set; }
}

internal sealed class RedFlagConditionDocument
{
    /// <summary>Every one of these tags (or sign meanings) must be present, current and about the patient.</summary>
    public List<string>? All { get; set; }

    /// <summary>And the current platelet count must be below this (x 10^9/L).</summary>
    public double? PlateletsBelow { get; set; }
}
