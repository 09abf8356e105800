using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Tests.Dialogs.Harness;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

/// <summary>Small dialogs and factories shared by the engine tests.</summary>
internal static class TestDialogs
{
    public static DialogTestClient Client(Dialog dialog, ITestOutputHelper output, IStorage? storage = null, object? options = null) =>
        new(Microsoft.Bot.Connector.Channels.Test, dialog, options, [new XUnitDialogTestLogger(output)], storage);

    /// <summary>A dialog that runs one prompt and ends with whatever the prompt ended with.</summary>
    public static ComponentDialog PromptHost(Dialog prompt, PromptOptions options) => new PromptHostDialog(prompt, options);

    /// <summary>A component holding <paramref name="dialogs"/> that starts the first.</summary>
    public static ComponentDialog Component(params Dialog[] dialogs) => new Holder(dialogs);

    public static PromptOptions Ask(string text, string? retry = null, int? maxAttempts = null, params string[] choices) => new()
    {
        Prompt = MessageFactory.Text(text),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
        MaxAttempts = maxAttempts,
        Choices = choices.Length == 0 ? null : ChoiceFactory.ToChoices(choices),
    };

    public static IReadOnlyList<string> ButtonTitles(IMessageActivity? reply) =>
        reply?.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];

    /// <summary>A waterfall step that sends a fixed text and waits.</summary>
    public static WaterfallStep Say(string text) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(text, cancellationToken: ct);
        return Dialog.EndOfTurn;
    };

    private sealed class Holder : ComponentDialog
    {
        public Holder(Dialog[] dialogs)
            : base("holder")
        {
            foreach (var dialog in dialogs)
            {
                AddDialog(dialog);
            }
        }
    }

    private sealed class PromptHostDialog : ComponentDialog
    {
        public PromptHostDialog(Dialog prompt, PromptOptions options)
            : base("promptHost")
        {
            AddDialog(new WaterfallDialog("host", [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]));
            AddDialog(prompt);
        }
    }
}
