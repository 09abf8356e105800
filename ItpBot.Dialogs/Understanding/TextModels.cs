using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// The Recognizers.Text models, built once: building them compiles hundreds of regular expressions, while parsing
/// with a built model is cheap and safe from several threads.
/// </summary>
internal static class TextModels
{
    private static readonly Lazy<IModel> NumberModel =
        new(() => new NumberRecognizer(Culture.English).GetNumberModel());

    private static readonly Lazy<IModel> DimensionModel =
        new(() => new NumberWithUnitRecognizer(Culture.English).GetDimensionModel());

    private static readonly Lazy<IModel> AgeModel =
        new(() => new NumberWithUnitRecognizer(Culture.English).GetAgeModel());

    private static readonly Lazy<DateTimeModel> DateTimeModel =
        new(() => new DateTimeRecognizer(Culture.English).GetDateTimeModel());

    public static IModel Number => NumberModel.Value;
    public static IModel Dimension => DimensionModel.Value;
    public static IModel Age => AgeModel.Value;
    public static DateTimeModel DateTime => DateTimeModel.Value;

    /// <summary>The numeric value of a number, dimension or age result, when it has one.</summary>
    public static double? ValueOf(ModelResult result) =>
        result.Resolution is { } resolution
        && resolution.TryGetValue("value", out var value)
        && double.TryParse(value?.ToString(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static string? UnitOf(ModelResult result) =>
        result.Resolution is { } resolution && resolution.TryGetValue("unit", out var unit) ? unit?.ToString() : null;

    public static string? SubtypeOf(ModelResult result) =>
        result.Resolution is { } resolution && resolution.TryGetValue("subtype", out var subtype)
            ? subtype?.ToString()
            : null;
}
