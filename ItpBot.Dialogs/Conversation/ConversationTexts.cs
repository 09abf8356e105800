using System.Globalization;
using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Everything the conversation says in its own words, from the embedded ConversationTexts.yaml.</summary>
public sealed class ConversationTexts
{
    private readonly IReadOnlyDictionary<IntakeField, QuestionText> _questions;

    // By the fields asked, comma-joined in the group's order: a group's whole question and its subsets' questions.
    private readonly IReadOnlyDictionary<string, QuestionText> _groups;

    private readonly IReadOnlyList<(TreatmentOutcome Outcome, Voiced Text)> _outcomeChoices;

    private readonly Pronouns _pronouns;

    private ConversationTexts(
        IReadOnlyDictionary<IntakeField, QuestionText> questions, IReadOnlyDictionary<string, QuestionText> groups, MessageTexts messages,
        IReadOnlyList<(TreatmentOutcome, Voiced)> outcomeChoices, Pronouns pronouns)
    {
        _questions = questions;
        _groups = groups;
        Messages = messages;
        _outcomeChoices = outcomeChoices;
        _pronouns = pronouns;
    }

    public static ConversationTexts Default { get; } = Load();

    public MessageTexts Messages { get; }

    /// <summary>A caregiver text of another layer ({he}, {him}, {his}) with the patient's words filled in by sex.</summary>
    public string AboutThePatient(string template, Sex? sex) => _pronouns.Fill(template, sex);

    /// <summary>The buttons of "How did X go?" in <paramref name="to"/>'s words, with the outcome each stands for.</summary>
    public IReadOnlyList<(TreatmentOutcome Outcome, string Text)> OutcomeChoices(Addressee to) =>
        _outcomeChoices.Select(c => (c.Outcome, Say(c.Text, to))).ToList();

    /// <summary>The field's question, worded for <paramref name="to"/> (a clinician, a patient, or a caregiver about the patient).</summary>
    public string Question(IntakeField field, Addressee to) => Worded(_questions[field], to);

    /// <summary>
    /// The question that asks <paramref name="asked"/>: a field's own question, or its group's when several are
    /// asked in one breath (see <see cref="Fields.FieldRegistry.Groups"/>).
    /// </summary>
    public string Question(IReadOnlyList<IntakeField> asked, Addressee to) => Worded(TextFor(asked), to);

    /// <summary>What the bot will assume when this question is passed with "don't know" or "skip".</summary>
    public string Assumption(IntakeField field, Addressee to) => Say(_questions[field].Assume, to);

    /// <summary>What the bot will assume when the question asking <paramref name="asked"/> is passed.</summary>
    public string Assumption(IReadOnlyList<IntakeField> asked, Addressee to) => Say(TextFor(asked).Assume, to);

    /// <summary>The retry after an answer that did not answer the question, worded for <paramref name="to"/>.</summary>
    public string Retry(IReadOnlyList<IntakeField> asked, Addressee to) => RetryOf(TextFor(asked), to);

    private string Worded(QuestionText text, Addressee to) =>
        to.IsCaregiver ? _pronouns.Fill(text.Caregiver, to.Sex) : to.Audience == Audience.Patient ? text.Patient : text.Clinician;

    private string RetryOf(QuestionText text, Addressee to) =>
        to.IsCaregiver && text.RetryCaregiver is { } caregiver ? _pronouns.Fill(caregiver, to.Sex) : text.Retry;

    private QuestionText TextFor(IReadOnlyList<IntakeField> asked) =>
        asked.Count == 1 ? _questions[asked[0]]
        : _groups.TryGetValue(string.Join(',', asked), out var text) ? text
        : throw new InvalidOperationException($"{string.Join(", ", asked)} are asked together, and no question group holds them.");

    /// <summary>
    /// A text in <paramref name="to"/>'s words: a caregiver gets its caregiver wording (the patient in the third
    /// person) where it has one, and the patient's wording otherwise (a text about the writer, not the patient).
    /// </summary>
    public string Say(Voiced text, Addressee to)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(to);
        return to.IsCaregiver && text.Caregiver is { } caregiver ? _pronouns.Fill(caregiver, to.Sex) : text.For(to.Audience);
    }

    public PromptOptions PromptFor(IntakeField field, Addressee to, int maxAttempts) => PromptFor([field], to, maxAttempts);

    /// <summary>The prompt for the question asking <paramref name="asked"/> (one field, or a group's); its validations name the fields.</summary>
    public PromptOptions PromptFor(IReadOnlyList<IntakeField> asked, Addressee to, int maxAttempts)
    {
        var text = TextFor(asked);
        return new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Worded(text, to), inputHint: InputHints.ExpectingInput),
            RetryPrompt = (Activity)MessageFactory.Text(RetryOf(text, to), inputHint: InputHints.ExpectingInput),
            Choices = text.Choices?.Select(c => new Choice(c)).ToList(),
            Validations = string.Join(',', asked),
            MaxAttempts = maxAttempts,
        };
    }

    /// <summary>The fields a prompt from <see cref="PromptFor(IReadOnlyList{IntakeField}, Addressee, int)"/> asks.</summary>
    public static IReadOnlyList<IntakeField> AskedBy(PromptOptions options) => AskedBy((string)options.Validations!);

    /// <summary>The fields named in a prompt's validations ("Preferences,Unavailable"), parsed once per distinct text.</summary>
    public static IReadOnlyList<IntakeField> AskedBy(string fields) =>
        ParsedAsked.GetOrAdd(fields, f => f.Split(',').Select(Enum.Parse<IntakeField>).ToList());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<IntakeField>> ParsedAsked = new(StringComparer.Ordinal);

    /// <summary>
    /// The targeted question about a prior therapy named without all we need: "How did eltrombopag go?" with the
    /// outcomes as buttons, or "Which TPO-RA was it?" with the class's therapies as buttons.
    /// </summary>
    /// <param name="name">The therapy's name, or the class's.</param>
    /// <param name="candidateNames">For a class: the names of its therapies; empty for a therapy.</param>
    public PromptOptions PromptForOpenTreatment(string name, IReadOnlyList<string> candidateNames, Addressee to, int maxAttempts)
    {
        var isClass = candidateNames.Count > 0;
        var question = string.Format(CultureInfo.InvariantCulture, Say(isClass ? Messages.WhichOfClass : Messages.HowDidItGo, to), name);
        var retry = string.Format(CultureInfo.InvariantCulture, Say(isClass ? Messages.WhichOfClassRetry : Messages.HowDidItGoRetry, to), name);
        return new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(question, inputHint: InputHints.ExpectingInput),
            RetryPrompt = (Activity)MessageFactory.Text(retry, inputHint: InputHints.ExpectingInput),
            Choices = (isClass ? candidateNames : OutcomeChoices(to).Select(c => c.Text)).Select(c => new Choice(c)).ToList(),
            MaxAttempts = maxAttempts,
        };
    }

    /// <summary>
    /// One question for several therapies named without how they went: "How did prednisone and romiplostim go?",
    /// with the outcomes as buttons (a button gives every therapy that outcome); the retry is the single question's.
    /// </summary>
    public PromptOptions PromptForOpenTreatments(IReadOnlyList<string> names, Addressee to, int maxAttempts)
    {
        var joined = names.Count > 1 ? $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}" : names[0];
        var question = string.Format(CultureInfo.InvariantCulture, Say(Messages.HowDidTheyGo, to), joined);
        var retry = string.Format(CultureInfo.InvariantCulture, Say(Messages.HowDidItGoRetry, to), joined);
        return new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(question, inputHint: InputHints.ExpectingInput),
            RetryPrompt = (Activity)MessageFactory.Text(retry, inputHint: InputHints.ExpectingInput),
            Choices = OutcomeChoices(to).Select(c => new Choice(c.Text)).ToList(),
            MaxAttempts = maxAttempts,
        };
    }

    /// <summary>"Is 52 the platelet count or the age?", with both as buttons.</summary>
    public PromptOptions PromptForCountOrAge(int number, Addressee to, int maxAttempts)
    {
        var value = number.ToString(CultureInfo.InvariantCulture);
        return new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(string.Format(CultureInfo.InvariantCulture, Say(Messages.CountOrAge, to), value), inputHint: InputHints.ExpectingInput),
            RetryPrompt = (Activity)MessageFactory.Text(Say(Messages.CountOrAgeRetry, to), inputHint: InputHints.ExpectingInput),
            Choices = [new Choice(Say(Messages.CountChoice, to)), new Choice(Say(Messages.AgeChoice, to))],
            MaxAttempts = maxAttempts,
        };
    }

    private static ConversationTexts Load()
    {
        var assembly = typeof(ConversationTexts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("ConversationTexts.yaml", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<TextsFile>(reader);

        var questions = new Dictionary<IntakeField, QuestionText>();
        foreach (var (key, value) in file.Questions)
        {
            if (!Enum.TryParse<IntakeField>(key, out var field))
            {
                throw new InvalidDataException($"ConversationTexts.yaml: questions.{key} is not an intake field.");
            }

            CheckQuestion($"questions.{key}", value, file.Pronouns);
            questions[field] = value;
        }

        var missing = Fields.FieldRegistry.All.Where(f => f.IsAsked && !questions.ContainsKey(f.Id)).Select(f => f.Id).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"ConversationTexts.yaml: no question for {string.Join(", ", missing)}.");
        }

        Fields.FieldRegistry.CheckGroups();
        var groups = new Dictionary<string, QuestionText>(StringComparer.Ordinal);
        foreach (var (key, value) in file.Groups)
        {
            if (Fields.FieldRegistry.Groups.All(g => g.Id != key))
            {
                throw new InvalidDataException($"ConversationTexts.yaml: groups.{key} is not a question group of the field registry.");
            }

            CheckQuestion($"groups.{key}", value, file.Pronouns);
            var group = Fields.FieldRegistry.Groups.Single(g => g.Id == key);
            groups[string.Join(',', group.Fields)] = value;
            foreach (var (subsetKey, subset) in SubsetsOf(key, group.Fields, value, questions, file.Pronouns))
            {
                groups[subsetKey] = subset;
            }
        }

        var noWords = Fields.FieldRegistry.Groups.Where(g => !groups.ContainsKey(string.Join(',', g.Fields))).Select(g => g.Id).ToList();
        if (noWords.Count > 0)
        {
            throw new InvalidDataException($"ConversationTexts.yaml: no question for the group {string.Join(", ", noWords)}.");
        }

        foreach (var property in typeof(MessageTexts).GetProperties())
        {
            var entry = $"messages.{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}";
            if (property.GetValue(file.Messages) is not Voiced { IsComplete: true } message)
            {
                throw new InvalidDataException($"ConversationTexts.yaml: {entry} needs clinician and patient texts.");
            }

            file.Pronouns.Check($"{entry}.caregiver", message.Caregiver);
        }

        return new ConversationTexts(questions, groups, file.Messages, OutcomeChoicesOf(file.OutcomeChoices, file.Pronouns), file.Pronouns);
    }

    /// <summary>
    /// A group of three or more fields asks any two or more of them when only those are wanted: each such subset
    /// needs its own words (the group's <c>subsets</c>, keyed by its fields in the group's order), takes the group's
    /// retry and choices, and assumes what its fields' own questions assume.
    /// </summary>
    private static IEnumerable<(string Key, QuestionText Text)> SubsetsOf(
        string groupId, IReadOnlyList<IntakeField> fields, QuestionText group, Dictionary<IntakeField, QuestionText> questions, Pronouns pronouns)
    {
        var wanted = Enumerable.Range(1, (1 << fields.Count) - 2)
            .Select(mask => fields.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .Where(subset => subset.Count >= 2)
            .Select(subset => string.Join(',', subset))
            .ToHashSet(StringComparer.Ordinal);
        var given = group.Subsets ?? [];
        var unknown = given.Keys.Where(k => !wanted.Contains(k)).ToList();
        var missing = wanted.Where(k => !given.ContainsKey(k)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new InvalidDataException($"ConversationTexts.yaml: groups.{groupId}.subsets "
                + (unknown.Count > 0 ? $"has {string.Join("; ", unknown)}, not two or more of its fields in the group's order" : $"needs {string.Join("; ", missing)}") + ".");
        }

        foreach (var (key, subset) in given)
        {
            var asked = key.Split(',').Select(Enum.Parse<IntakeField>).ToList();
            subset.Retry = string.IsNullOrWhiteSpace(subset.Retry) ? group.Retry : subset.Retry;
            subset.RetryCaregiver ??= group.RetryCaregiver;
            subset.Choices ??= group.Choices;
            subset.Assume = subset.Assume.IsComplete ? subset.Assume : AssumedTogether(asked.Select(f => questions[f].Assume).ToList());
            CheckQuestion($"groups.{groupId}.subsets.{key}", subset, pronouns);
            yield return (key, subset);
        }
    }

    /// <summary>The fields' own assumptions, one after the other, with "That is fine." said once.</summary>
    private static Voiced AssumedTogether(IReadOnlyList<Voiced> each)
    {
        const string Fine = "That is fine. ";
        string Join(IEnumerable<string> texts) =>
            string.Join(' ', texts.Select((t, i) => i > 0 && t.StartsWith(Fine, StringComparison.Ordinal) ? t[Fine.Length..] : t));
        return new Voiced
        {
            Clinician = Join(each.Select(v => v.Clinician)),
            Patient = Join(each.Select(v => v.Patient)),
            Caregiver = each.Any(v => v.Caregiver is not null) ? Join(each.Select(v => v.Caregiver ?? v.Patient)) : null,
        };
    }

    private static void CheckQuestion(string entry, QuestionText value, Pronouns pronouns)
    {
        if (string.IsNullOrWhiteSpace(value.Clinician) || string.IsNullOrWhiteSpace(value.Patient) || string.IsNullOrWhiteSpace(value.Caregiver)
            || string.IsNullOrWhiteSpace(value.Retry) || !value.Assume.IsComplete)
        {
            throw new InvalidDataException($"ConversationTexts.yaml: {entry} needs clinician, patient, caregiver, retry and assume texts.");
        }

        pronouns.Check($"{entry}.caregiver", value.Caregiver);
        pronouns.Check($"{entry}.retryCaregiver", value.RetryCaregiver);
        pronouns.Check($"{entry}.assume.caregiver", value.Assume.Caregiver);
    }

    /// <summary>One complete choice per outcome, in the enum's order (success first, unknown last).</summary>
    private static IReadOnlyList<(TreatmentOutcome, Voiced)> OutcomeChoicesOf(Dictionary<string, Voiced> choices, Pronouns pronouns)
    {
        var outcomes = Enum.GetValues<TreatmentOutcome>().ToDictionary(ContractName);
        var byOutcome = new Dictionary<TreatmentOutcome, Voiced>();
        foreach (var (key, text) in choices)
        {
            if (!outcomes.TryGetValue(key, out var outcome))
            {
                throw new InvalidDataException($"ConversationTexts.yaml: outcomeChoices.{key} is not a treatment outcome.");
            }

            if (!text.IsComplete)
            {
                throw new InvalidDataException($"ConversationTexts.yaml: outcomeChoices.{key} needs clinician and patient texts.");
            }

            pronouns.Check($"outcomeChoices.{key}.caregiver", text.Caregiver);

            byOutcome[outcome] = text;
        }

        var missing = outcomes.Where(o => !byOutcome.ContainsKey(o.Value)).Select(o => o.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"ConversationTexts.yaml: no outcome choice for {string.Join(", ", missing)}.");
        }

        return byOutcome.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList();
    }

    private static string ContractName(TreatmentOutcome outcome) =>
        System.Text.Json.JsonSerializer.Serialize(outcome, ContractJson.Options).Trim('"');

    private sealed class TextsFile
    {
        public Dictionary<string, QuestionText> Questions { get; set; } = [];

        public Dictionary<string, QuestionText> Groups { get; set; } = [];

        public MessageTexts Messages { get; set; } = new();

        public Dictionary<string, Voiced> OutcomeChoices { get; set; } = [];

        public Pronouns Pronouns { get; set; } = new();
    }

    private sealed class QuestionText
    {
        public string Clinician { get; set; } = string.Empty;

        public string Patient { get; set; } = string.Empty;

        /// <summary>The patient in the third person, for a caregiver: "How much does {he} weigh?".</summary>
        public string Caregiver { get; set; } = string.Empty;

        public string Retry { get; set; } = string.Empty;

        /// <summary>The retry for a caregiver, where the usual one would speak of the patient as "you"; optional.</summary>
        public string? RetryCaregiver { get; set; }

        public List<string>? Choices { get; set; }

        public Voiced Assume { get; set; } = new();

        /// <summary>A group of three or more: the question for each pair (or more) of its fields, by their names.</summary>
        public Dictionary<string, QuestionText>? Subsets { get; set; }
    }
}

/// <summary>One text in the clinician's and the patient's voice.</summary>
public sealed class Voiced
{
    public string Clinician { get; set; } = string.Empty;

    public string Patient { get; set; } = string.Empty;

    /// <summary>Plain words about the patient in the third person ({he}, {him}, {his}), for a caregiver; optional.</summary>
    public string? Caregiver { get; set; }

    internal bool IsComplete => !string.IsNullOrWhiteSpace(Clinician) && !string.IsNullOrWhiteSpace(Patient);

    public string For(Audience audience) => audience == Audience.Patient ? Patient : Clinician;
}

public sealed class MessageTexts
{
    public Voiced Help { get; set; } = new();

    public Voiced Cancelled { get; set; } = new();

    public Voiced StartOver { get; set; } = new();

    public Voiced Forgotten { get; set; } = new();

    public Voiced AudienceClinician { get; set; } = new();

    public Voiced AudiencePatient { get; set; } = new();

    public Voiced Noted { get; set; } = new();

    public Voiced Confirm { get; set; } = new();

    public Voiced CaseHeading { get; set; } = new();

    public Voiced AskCorrection { get; set; } = new();

    public Voiced NoAnswer { get; set; } = new();

    public Voiced QuestionForPlan { get; set; } = new();

    public Voiced FollowUp { get; set; } = new();

    public Voiced NotUnderstood { get; set; } = new();

    public Voiced NotCurrent { get; set; } = new();

    public Voiced NotCurrentNegated { get; set; } = new();

    public Voiced NotCurrentHistorical { get; set; } = new();

    public Voiced NotCurrentPlanned { get; set; } = new();

    public Voiced NotCurrentHypothetical { get; set; } = new();

    public Voiced NotCurrentSomeoneElse { get; set; } = new();

    public Voiced WhyNotAvoided { get; set; } = new();

    public Voiced WhyNotRanked { get; set; } = new();

    public Voiced WhyNotAbsent { get; set; } = new();

    public Voiced EmergencyFirst { get; set; } = new();

    public Voiced HowDidItGo { get; set; } = new();

    public Voiced HowDidTheyGo { get; set; } = new();

    public Voiced HowDidItGoRetry { get; set; } = new();

    public Voiced CountOrAge { get; set; } = new();

    public Voiced CountOrAgeRetry { get; set; } = new();

    public Voiced CountChoice { get; set; } = new();

    public Voiced AgeChoice { get; set; } = new();

    public Voiced WhichOfClass { get; set; } = new();

    public Voiced WhichOfClassRetry { get; set; } = new();
}

/// <summary>
/// The words that name the patient in a caregiver text, by sex: {he}, {him}, {his} (capitalised: {He}, {His}).
/// Unknown sex gets a noun phrase ("the patient"), so the verb after it stays singular.
/// </summary>
public sealed class Pronouns
{
    private static readonly string[] Tokens = ["he", "him", "his"];

    public Dictionary<string, string> Female { get; set; } = [];

    public Dictionary<string, string> Male { get; set; } = [];

    public Dictionary<string, string> Unknown { get; set; } = [];

    public string Fill(string template, Sex? sex)
    {
        ArgumentNullException.ThrowIfNull(template);
        var words = sex switch { Sex.Female => Female, Sex.Male => Male, _ => Unknown };
        var text = template;
        foreach (var token in Tokens)
        {
            var word = words[token];
            text = text.Replace("{" + token + "}", word, StringComparison.Ordinal)
                .Replace("{" + char.ToUpperInvariant(token[0]) + token[1..] + "}", char.ToUpperInvariant(word[0]) + word[1..], StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Fails start-up, naming the entry, when a caregiver text has a placeholder these words do not fill.</summary>
    internal void Check(string entry, string? template)
    {
        foreach (var (sex, words) in new[] { ("female", Female), ("male", Male), ("unknown", Unknown) })
        {
            if (Tokens.Any(t => string.IsNullOrWhiteSpace(words.GetValueOrDefault(t))))
            {
                throw new InvalidDataException($"ConversationTexts.yaml: pronouns.{sex} needs he, him and his.");
            }
        }

        if (template is not null && System.Text.RegularExpressions.Regex.IsMatch(Fill(template, null), @"\{[A-Za-z]"))
        {
            throw new InvalidDataException($"ConversationTexts.yaml: {entry} has a placeholder other than {{he}}, {{him}}, {{his}}, {{He}}, {{His}}.");
        }
    }
}
