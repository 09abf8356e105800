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
    private const string FieldKey = "field";

    private readonly ConversationAccessors _accessors;
    private readonly IntakePlan _plan;
    private readonly IConversationReader _interpreter;
    private readonly ConversationTexts _texts;

    public IntakeDialog(
        ConversationAccessors accessors, IntakePlan plan, IConversationReader interpreter, ConversationTexts texts,
        OpenTreatmentDialog openTreatment, CountOrAgeDialog countOrAge)
        : base(nameof(IntakeDialog))
    {
        _accessors = accessors;
        _plan = plan;
        _interpreter = interpreter;
        _texts = texts;

        AddDialog(new WaterfallDialog(LoopId, [AskAsync, StoreAsync]));
        AddDialog(new TextPrompt(AnswerPromptId, IsUnderstoodAsync));
        AddDialog(openTreatment);
        AddDialog(countOrAge);
        InitialDialogId = LoopId;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        // A lone "52", then therapies named without how they went, are settled before the next question.
        if (intake.CountOrAge is not null)
        {
            return await step.BeginDialogAsync(nameof(CountOrAgeDialog), cancellationToken: cancellationToken);
        }

        if (intake.OpenTreatments.Count > 0)
        {
            return await step.BeginDialogAsync(nameof(OpenTreatmentDialog), cancellationToken: cancellationToken);
        }

        // "since I was 25", then the age: the time since diagnosis is worked out, not asked; a plan for a baby says
        // she could become pregnant.
        if (intake.WithFactsThatFollow() is { } derived)
        {
            intake = derived;
            await _accessors.SetIntakeAsync(step.Context, intake, cancellationToken);
        }

        // One field, or a group's fields asked in one breath ("Is she pregnant, or planning a pregnancy?").
        var next = _plan.Next(intake.Profile, intake.NotToAskNow(), intake.Asked);
        var askedWith = next is { Count: > 1 } ? next.Skip(1).ToList() : intake.AskedWith.Count == 0 ? intake.AskedWith : new List<IntakeField>();
        await _accessors.SetIntakeAsync(step.Context, intake with { Pending = next?[0], AskedWith = askedWith }, cancellationToken);
        if (next is null)
        {
            return await step.EndDialogAsync(intake.Profile, cancellationToken);
        }

        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        var prompt = _texts.PromptFor(next, Addressee.Of(settings, intake), MaxAttempts);
        step.Values[FieldKey] = (string)prompt.Validations!;
        return await step.PromptAsync(AnswerPromptId, prompt, cancellationToken);
    }

    private async Task<DialogTurnResult> StoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        if (!step.Values.ContainsKey(FieldKey))
        {
            // Back from the count-or-age or open-treatment dialog, which stored their own answers.
            return step.Result is PromptGaveUp { Reason: GaveUpReason.Cancelled }
                ? await step.CancelAllDialogsAsync(cancellationToken)
                : await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
        }

        var asked = ConversationTexts.AskedBy(step.Values.GetValue<string>(FieldKey)!);
        var field = asked[0];
        intake = intake with { Asked = intake.Asked.Union(asked).ToList() };
        if (step.Result is PromptGaveUp gaveUp)
        {
            if (gaveUp.Reason == GaveUpReason.Cancelled)
            {
                return await step.CancelAllDialogsAsync(cancellationToken);
            }

            // Not answered: go on without it, and never ask it again for this case. A List, not a collection
            // expression: storage writes type names, and the compiler's hidden read-only array type cannot be read back.
            await _accessors.SetIntakeAsync(step.Context, intake with { Skipped = intake.Skipped.Concat(asked).ToList() }, cancellationToken);
        }
        else if (step.Result is string && IsWayOut(step.Context, asked))
        {
            // "don't know", "skip", "I don't know her weight": accepted the first time; the bot says what it assumes.
            // At a group question it passes every field the question asked.
            var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Assumption(asked, Addressee.Of(settings, intake))), cancellationToken);
            await _accessors.SetIntakeAsync(step.Context, intake with { Skipped = intake.Skipped.Concat(asked).ToList() }, cancellationToken);
        }
        else if (step.Result is string)
        {
            var reading = Read(step.Context, asked);
            var profile = reading.ApplyTo(intake.Profile);
            if (reading.NotKnown.Count > 0)
            {
                var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
                foreach (var notKnown in reading.NotKnown)
                {
                    await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Assumption(notKnown, Addressee.Of(settings, intake))), cancellationToken);
                }

                intake = intake with { Skipped = intake.Skipped.Concat(reading.NotKnown).ToList() };
            }

            if (asked.Count == 1 && field == IntakeField.PriorTreatments && _interpreter.ReadPartialPriorTreatments(step.Context) is { } partial)
            {
                // "prednisone relapsed, eltrombopag": record prednisone now, ask how eltrombopag went next.
                profile = partial.Known.Count > 0 ? profile with { PriorTreatments = partial.Known } : profile;
                intake = intake with { OpenTreatments = partial.Open };
            }
            else if (IsSurgeryOnly(reading, asked))
            {
                // "spleen out in 2016, worked until last year": the operation was the treatment; no drug is named.
                profile = profile with { PriorTreatments = [] };
            }

            // Kept so that "I meant 18 months" at the next question sets this answer right.
            var answered = asked.Where(reading.FactFields.Contains).ToList();
            await _accessors.SetIntakeAsync(step.Context, intake with { Profile = profile, LastAnswered = answered, LastAnswer = IntakeState.Stored(reading.Facts) }, cancellationToken);
        }

        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }

    private async Task<bool> IsUnderstoodAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var asked = ConversationTexts.AskedBy(prompt.Options);
        var text = prompt.Recognized.Value;
        var profile = (await _accessors.GetIntakeAsync(prompt.Context, cancellationToken)).Profile;
        var reading = Read(prompt.Context, asked);
        return text is not null && (Answers(reading, asked, profile)
            || IsSurgeryOnly(reading, asked)
            || asked is [IntakeField.PriorTreatments] && _interpreter.ReadPartialPriorTreatments(prompt.Context) is not null
            || IsWayOut(prompt.Context, asked)
            // "since I was 25" with the age known: the turn has already worked the time out (TurnInterruptions).
            || asked is [IntakeField.TimeSinceDiagnosis] && (await _accessors.GetIntakeAsync(prompt.Context, cancellationToken)).Profile.MonthsSinceDiagnosis is not null);
    }

    /// <summary>
    /// The reply to one field's question gives facts (its own, or others' still unknown, as a case summary does); the
    /// reply to a group's must answer at least one field of the group, or it is asked again. A reply that only repeats
    /// what the case already holds answers nothing: taken as an answer, the same question would come back for ever.
    /// </summary>
    private static bool Answers(MessageMeaning reading, IReadOnlyList<IntakeField> asked, PatientProfile profile) =>
        asked.Count == 1
            ? reading.FactFields.Contains(asked[0]) || reading.FactFields.Any(f => !IntakePlan.IsKnown(profile, f))
            : reading.FactFields.Any(asked.Contains) || reading.NotKnown.Any(asked.Contains);

    /// <summary>
    /// "Which treatments so far?" answered with the splenectomy alone ("had my spleen out, worked for years"): no
    /// drug was named, and the operation is held by its own field.
    /// </summary>
    private static bool IsSurgeryOnly(MessageMeaning reading, IReadOnlyList<IntakeField> asked) =>
        asked is [IntakeField.PriorTreatments] && reading.Facts.Splenectomy == true && !reading.FactFields.Contains(IntakeField.PriorTreatments);

    private MessageMeaning Read(ITurnContext turn, IReadOnlyList<IntakeField> asked) =>
        asked.Count == 1 ? _interpreter.ReadAnswer(turn, asked[0]) : _interpreter.ReadGroupAnswer(turn, asked);

    /// <summary>
    /// A way out of the question ("haven't got a recent one" is no count of one), unless it also gives a number
    /// that answers it ("not sure, about 70 kg" gives the weight).
    /// </summary>
    /// <remarks>
    /// At a group question, a "don't know" that names one of its fields ("no idea what she weighs") passes that
    /// field alone (the reading's <see cref="MessageMeaning.NotKnown"/>), and the rest is asked.
    /// </remarks>
    private bool IsWayOut(ITurnContext turn, IReadOnlyList<IntakeField> asked) =>
        _interpreter.SaysNotKnown(turn)
        && !((turn.Activity.Text ?? string.Empty).Any(char.IsDigit) && Read(turn, asked).FactFields.Any(asked.Contains))
        && !(asked.Count > 1 && Read(turn, asked).NotKnown.Count is > 0 and var passed && passed < asked.Count);
}
