using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Takes the case: asks the next question that is still unknown and matters, stores what the answer says (an answer
/// may say more than was asked), and loops until nothing is missing. The case lives in conversation state, outside
/// the dialog stack, so a case summary or a correction at any point is seen by the next step.
/// </summary>
public sealed class IntakeDialog : ComponentDialog
{
    public const int MaxAttempts = 3;
    private const string LoopId = "intakeLoop";
    private const string AnswerPromptId = "intakeAnswer";
    private const string OpenTreatmentPromptId = "openTreatment";
    private const string CountOrAgePromptId = "countOrAge";
    private const string FieldKey = "field";
    private const string OpenKey = "openTreatment";
    private const string CountOrAgeKey = "countOrAge";

    private readonly ConversationAccessors _accessors;
    private readonly IntakePlan _plan;
    private readonly IConversationReader _interpreter;
    private readonly ConversationTexts _texts;
    private readonly CaseSummaryText _names;

    public IntakeDialog(
        ConversationAccessors accessors, IntakePlan plan, IConversationReader interpreter, ConversationTexts texts, CaseSummaryText names)
        : base(nameof(IntakeDialog))
    {
        _accessors = accessors;
        _plan = plan;
        _interpreter = interpreter;
        _texts = texts;
        _names = names;

        AddDialog(new WaterfallDialog(LoopId, [AskAsync, StoreAsync]));
        AddDialog(new TextPrompt(AnswerPromptId, IsUnderstoodAsync));
        AddDialog(new TextPrompt(OpenTreatmentPromptId, IsOpenTreatmentAnsweredAsync));
        AddDialog(new TextPrompt(CountOrAgePromptId, IsCountOrAgeAnsweredAsync));
        InitialDialogId = LoopId;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        if (intake.CountOrAge is { } number)
        {
            return await AskCountOrAgeAsync(step, intake, number, cancellationToken);
        }

        if (intake.OpenTreatments.Count > 0)
        {
            return await AskAboutOpenTreatmentAsync(step, intake, cancellationToken);
        }

        var next = _plan.NextQuestion(intake.Profile, intake.Skipped);
        await _accessors.SetIntakeAsync(step.Context, intake with { Pending = next }, cancellationToken);
        if (next is not { } field)
        {
            return await step.EndDialogAsync(intake.Profile, cancellationToken);
        }

        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        step.Values[FieldKey] = field.ToString();
        return await step.PromptAsync(AnswerPromptId, _texts.PromptFor(field, settings.Audience, MaxAttempts), cancellationToken);
    }

    /// <summary>A therapy named without how it went (or a class without which therapy) is asked about before anything else.</summary>
    private async Task<DialogTurnResult> AskAboutOpenTreatmentAsync(WaterfallStepContext step, IntakeState intake, CancellationToken cancellationToken)
    {
        await _accessors.SetIntakeAsync(step.Context, intake with { Pending = IntakeField.PriorTreatments }, cancellationToken);
        var open = intake.OpenTreatments[0];
        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        step.Values[FieldKey] = IntakeField.PriorTreatments.ToString();
        step.Values[OpenKey] = true;
        var prompt = open.Therapy is { } therapy
            ? _texts.PromptForOpenTreatment(_names.Name(therapy), [], settings.Audience, MaxAttempts)
            : _texts.PromptForOpenTreatment(Singular(open.ClassName), open.Candidates.Select(_names.Name).ToList(), settings.Audience, MaxAttempts);
        return await step.PromptAsync(OpenTreatmentPromptId, prompt, cancellationToken);
    }

    /// <summary>A lone "52" before any question: which of the two it is, before anything else is asked.</summary>
    private async Task<DialogTurnResult> AskCountOrAgeAsync(WaterfallStepContext step, IntakeState intake, int number, CancellationToken cancellationToken)
    {
        await _accessors.SetIntakeAsync(step.Context, intake with { Pending = null }, cancellationToken);
        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        step.Values[CountOrAgeKey] = number;
        return await step.PromptAsync(CountOrAgePromptId, _texts.PromptForCountOrAge(number, settings.Audience, MaxAttempts), cancellationToken);
    }

    // "Which corticosteroid was it?": class names are plural ("corticosteroids", "immunosuppressants"), one was taken.
    private static string Singular(string? className) =>
        className is { Length: > 1 } name && name.EndsWith('s') ? name[..^1] : className ?? string.Empty;

    private async Task<DialogTurnResult> StoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        if (step.Values.ContainsKey(CountOrAgeKey))
        {
            return await StoreCountOrAgeAsync(step, intake, cancellationToken);
        }

        var field = Enum.Parse<IntakeField>(step.Values.GetValue<string>(FieldKey)!);
        if (step.Values.ContainsKey(OpenKey))
        {
            return await StoreOpenTreatmentAsync(step, intake, cancellationToken);
        }

        if (step.Result is PromptGaveUp gaveUp)
        {
            if (gaveUp.Reason == GaveUpReason.Cancelled)
            {
                return await step.CancelAllDialogsAsync(cancellationToken);
            }

            // Not answered: go on without it, and never ask it again for this case. A List, not a collection
            // expression: storage writes type names, and the compiler's hidden read-only array type cannot be read back.
            await _accessors.SetIntakeAsync(step.Context, intake with { Skipped = intake.Skipped.Append(field).ToList() }, cancellationToken);
        }
        else if (step.Result is string && IsWayOut(step.Context, field))
        {
            // "don't know", "skip", "I don't know her weight": accepted the first time; the bot says what it assumes.
            var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Assumption(field, settings.Audience)), cancellationToken);
            await _accessors.SetIntakeAsync(step.Context, intake with { Skipped = intake.Skipped.Append(field).ToList() }, cancellationToken);
        }
        else if (step.Result is string)
        {
            var reading = _interpreter.ReadAnswer(step.Context, field);
            var profile = reading.ApplyTo(intake.Profile);
            if (field == IntakeField.PriorTreatments && _interpreter.ReadPartialPriorTreatments(step.Context) is { } partial)
            {
                // "prednisone relapsed, eltrombopag": record prednisone now, ask how eltrombopag went next.
                profile = partial.Known.Count > 0 ? profile with { PriorTreatments = partial.Known } : profile;
                intake = intake with { OpenTreatments = partial.Open };
            }

            await _accessors.SetIntakeAsync(step.Context, intake with { Profile = profile }, cancellationToken);
        }

        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }

    /// <summary>The number becomes what the answer named; skipped, it is dropped and the intake asks as usual.</summary>
    private async Task<DialogTurnResult> StoreCountOrAgeAsync(WaterfallStepContext step, IntakeState intake, CancellationToken cancellationToken)
    {
        if (step.Result is PromptGaveUp { Reason: GaveUpReason.Cancelled })
        {
            return await step.CancelAllDialogsAsync(cancellationToken);
        }

        var number = step.Values.GetValue<int>(CountOrAgeKey);
        var profile = step.Result is string && _interpreter.ReadCountOrAge(step.Context, number) is { } answer
            ? intake.Profile.Apply(answer)
            : intake.Profile;
        await _accessors.SetIntakeAsync(step.Context, intake with { Profile = profile, CountOrAge = null }, cancellationToken);
        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }

    private async Task<DialogTurnResult> StoreOpenTreatmentAsync(WaterfallStepContext step, IntakeState intake, CancellationToken cancellationToken)
    {
        if (step.Result is PromptGaveUp { Reason: GaveUpReason.Cancelled })
        {
            return await step.CancelAllDialogsAsync(cancellationToken);
        }

        var open = intake.OpenTreatments[0];
        var rest = intake.OpenTreatments.Skip(1).ToList();
        var answered = step.Result is string ? _interpreter.ReadOpenTreatment(step.Context, open) : null;
        var profile = intake.Profile;
        if ((answered ?? OutcomeNotGiven(open))?.ToPriorTreatment() is { } treatment)
        {
            var recorded = (profile.PriorTreatments ?? []).Where(t => t.Therapy != treatment.Therapy).Append(treatment).ToList();
            profile = profile with { PriorTreatments = recorded };
        }
        else if (answered is not null)
        {
            // The class was narrowed to one therapy, but how it went is still not known: ask that next.
            rest.Insert(0, answered);
        }

        // A class skipped before its therapy was named cannot be recorded; with nothing recorded, the question counts as skipped.
        var skipped = answered is null && rest.Count == 0 && profile.PriorTreatments is null
            ? intake.Skipped.Append(IntakeField.PriorTreatments).ToList()
            : intake.Skipped;
        await _accessors.SetIntakeAsync(step.Context, intake with { Profile = profile, OpenTreatments = rest, Skipped = skipped }, cancellationToken);
        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// "How did eltrombopag go?" skipped: it was still given, which the plan and the case summary must not lose, so
    /// it is kept with its outcome unknown rather than guessed or dropped.
    /// </summary>
    private static OpenTreatment? OutcomeNotGiven(OpenTreatment open) =>
        open.Therapy is null ? null : open with { Outcome = open.Outcome ?? TreatmentOutcome.Unknown };

    private Task<bool> IsUnderstoodAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var field = Enum.Parse<IntakeField>((string)prompt.Options.Validations!);
        var text = prompt.Recognized.Value;
        return Task.FromResult(text is not null && (_interpreter.ReadAnswer(prompt.Context, field).FactFields.Count > 0
            || field == IntakeField.PriorTreatments && _interpreter.ReadPartialPriorTreatments(prompt.Context) is not null
            || IsWayOut(prompt.Context, field)));
    }

    /// <summary>
    /// A way out of the question ("haven't got a recent one" is no count of one), unless it also gives a number
    /// that answers it ("not sure, about 70 kg" gives the weight).
    /// </summary>
    private bool IsWayOut(ITurnContext turn, IntakeField field) =>
        _interpreter.SaysNotKnown(turn)
        && !((turn.Activity.Text ?? string.Empty).Any(char.IsDigit) && _interpreter.ReadAnswer(turn, field).FactFields.Contains(field));

    private async Task<bool> IsCountOrAgeAnsweredAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(prompt.Context, cancellationToken);
        return prompt.Recognized.Value is not null
            && intake.CountOrAge is { } number
            && _interpreter.ReadCountOrAge(prompt.Context, number) is not null;
    }

    private async Task<bool> IsOpenTreatmentAnsweredAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(prompt.Context, cancellationToken);
        return prompt.Recognized.Value is not null
            && intake.OpenTreatments.Count > 0
            && _interpreter.ReadOpenTreatment(prompt.Context, intake.OpenTreatments[0]) is not null;
    }
}
