using System.Globalization;
using Microsoft.Bot.Builder;

namespace ItpBot.Bots;

/// <summary>
/// Keeps the turn's culture (which the SDK sets from the activity's locale) but as the shared, read-only instance.
/// The SDK builds a new <see cref="CultureInfo"/> for every turn, and each new one rebuilds its number formats from
/// ICU the first time a number is parsed or printed: in this bot, every turn.
/// </summary>
public sealed class TurnCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        var culture = CultureInfo.CurrentCulture;
        if (!culture.IsReadOnly)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture.Name);
        }

        return next(cancellationToken);
    }
}
