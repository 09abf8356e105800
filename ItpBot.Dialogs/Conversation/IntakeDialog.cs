using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;

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
    private readonly ConversationInterpreter _interpreter;
    private readonly ConversationTexts _texts;

    public IntakeDialog(ConversationAccessors accessors, IntakePlan plan, ConversationInterpreter interpreter, ConversationTexts texts)
        : base(nameof(IntakeDialog))
    {
        _accessors = accessors;
        _plan = plan;
        _interpreter = interpreter;
        _texts = texts;

        AddDialog(new WaterfallDialog(LoopId, [AskAsync, StoreAsync]));
        AddDialog(new TextPrompt(AnswerPromptId, IsUnderstoodAsync));
        InitialDialogId = LoopId;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
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

    private async Task<DialogTurnResult> StoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var field = Enum.Parse<IntakeField>(step.Values.GetValue<string>(FieldKey)!);
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);

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
        else if (step.Result is string)
        {
            var reading = _interpreter.ReadAnswer(step.Context, field);
            await _accessors.SetIntakeAsync(step.Context, intake with { Profile = reading.ApplyTo(intake.Profile) }, cancellationToken);
        }

        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }

    private Task<bool> IsUnderstoodAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var field = Enum.Parse<IntakeField>((string)prompt.Options.Validations!);
        var text = prompt.Recognized.Value;
        return Task.FromResult(text is not null && _interpreter.ReadAnswer(prompt.Context, field).FactFields.Count > 0);
    }
}
