using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Prior therapies named without all the intake needs: "How did eltrombopag go?" (outcomes as buttons), for a class
/// "Which TPO-RA was it?", and for several therapies named without outcomes ("tried pred and nplate") one question
/// for them all ("How did prednisone and romiplostim go?"), whose answer may give one outcome for all ("neither did
/// much") or one each ("pred relapsed, nplate nothing"). Records each once both are known; skipped, a named therapy
/// is kept with its outcome unknown. Ends after one answer; the intake asks about what is still open, if anything.
/// </summary>
public sealed class OpenTreatmentDialog : ComponentDialog
{
    private const string FlowId = "openTreatmentFlow";
    private const string PromptId = "openTreatment";

    private readonly ConversationAccessors _accessors;
    private readonly IConversationReader _interpreter;
    private readonly ConversationTexts _texts;
    private readonly CaseSummaryText _names;

    public OpenTreatmentDialog(ConversationAccessors accessors, IConversationReader interpreter, ConversationTexts texts, CaseSummaryText names)
        : base(nameof(OpenTreatmentDialog))
    {
        _accessors = accessors;
        _interpreter = interpreter;
        _texts = texts;
        _names = names;
        AddDialog(new WaterfallDialog(FlowId, [AskAsync, StoreAsync]));
        AddDialog(new TextPrompt(PromptId, IsAnsweredAsync));
        InitialDialogId = FlowId;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        await _accessors.SetIntakeAsync(step.Context, intake with { Pending = IntakeField.PriorTreatments, AskedWith = new() }, cancellationToken);
        var open = intake.OpenTreatments[0];
        var to = Addressee.Of(await _accessors.GetSettingsAsync(step.Context, cancellationToken), intake);
        var asked = AskedTogether(intake.OpenTreatments);
        var prompt = asked.Count > 1
            ? _texts.PromptForOpenTreatments(asked.Select(t => _names.Name(t.Therapy!)).ToList(), to, IntakeDialog.MaxAttempts)
            : open.Therapy is { } therapy
            ? _texts.PromptForOpenTreatment(_names.Name(therapy), [], to, IntakeDialog.MaxAttempts)
            : _texts.PromptForOpenTreatment(Singular(open.ClassName), open.Candidates.Select(_names.Name).ToList(), to, IntakeDialog.MaxAttempts);
        return await step.PromptAsync(PromptId, prompt, cancellationToken);
    }

    /// <summary>
    /// The open therapies asked about in one question: every therapy at the front that is named and lacks only its
    /// outcome (a letter's "dexamethasone, IVIg, rituximab and eltrombopag"), or the first open one alone.
    /// </summary>
    private static List<OpenTreatment> AskedTogether(IReadOnlyList<OpenTreatment> open)
    {
        var named = open.TakeWhile(t => t.Therapy is not null && t.Outcome is null).ToList();
        return named.Count > 1 ? named : [open[0]];
    }

    // "Which corticosteroid was it?": class names are plural ("corticosteroids", "immunosuppressants"), one was taken.
    private static string Singular(string? className) =>
        className is { Length: > 1 } name && name.EndsWith('s') ? name[..^1] : className ?? string.Empty;

    private async Task<DialogTurnResult> StoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // "Cancel" on the last attempt ends the whole intake: the intake reads it from this dialog's result.
        if (step.Result is PromptGaveUp { Reason: GaveUpReason.Cancelled } cancelled)
        {
            return await step.EndDialogAsync(cancelled, cancellationToken);
        }

        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        var asked = AskedTogether(intake.OpenTreatments);
        var rest = intake.OpenTreatments.Skip(asked.Count).ToList();
        var profile = intake.Profile;
        var anyAnswered = false;
        var stillOpen = new List<OpenTreatment>();
        foreach (var open in asked)
        {
            var answered = step.Result is string ? _interpreter.ReadOpenTreatment(step.Context, open) : null;
            anyAnswered |= answered is not null;
            if (answered is null && asked.Count > 1 && step.Result is string)
            {
                // Asked with others and not answered for itself ("pred relapsed" to "how did pred and nplate go?").
                stillOpen.Add(open);
            }
            else if ((answered ?? OutcomeNotGiven(open))?.ToPriorTreatment() is { } treatment)
            {
                var recorded = (profile.PriorTreatments ?? []).Where(t => t.Therapy != treatment.Therapy).Append(treatment).ToList();
                profile = profile with { PriorTreatments = recorded };
            }
            else if (answered is not null)
            {
                // The class was narrowed to one therapy, but how it went is still not known: ask that next.
                stillOpen.Add(answered);
            }
        }

        rest.InsertRange(0, stillOpen);

        // A class skipped before its therapy was named cannot be recorded; with nothing recorded, the question counts as skipped.
        var skipped = !anyAnswered && rest.Count == 0 && profile.PriorTreatments is null
            ? intake.Skipped.Append(IntakeField.PriorTreatments).ToList()
            : intake.Skipped;
        await _accessors.SetIntakeAsync(step.Context, intake with { Profile = profile, OpenTreatments = rest, Skipped = skipped }, cancellationToken);
        return await step.EndDialogAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// "How did eltrombopag go?" skipped: it was still given, which the plan and the case summary must not lose, so
    /// it is kept with its outcome unknown rather than guessed or dropped.
    /// </summary>
    private static OpenTreatment? OutcomeNotGiven(OpenTreatment open) =>
        open.Therapy is null ? null : open with { Outcome = open.Outcome ?? TreatmentOutcome.Unknown };

    private async Task<bool> IsAnsweredAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(prompt.Context, cancellationToken);
        return prompt.Recognized.Value is not null
            && intake.OpenTreatments.Count > 0
            && AskedTogether(intake.OpenTreatments).Any(open => _interpreter.ReadOpenTreatment(prompt.Context, open) is not null);
    }
}
