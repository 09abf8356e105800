namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Signs that a stated cause explains: "black stool, I'm on iron tablets", "drowsy from the antihistamine". A sign
/// tagged <c>explains-X</c> in signs.yaml, current and about the patient, takes sign X out of the red-flag rules and
/// the bleeding grade; the other signs of the message still count ("drowsy from the antihistamine, now vomiting with a
/// headache" is still suspected intracranial bleeding).
/// </summary>
internal static class SignExplanations
{
    public const string Prefix = "explains-";

    public static bool Explained(IReadOnlyList<SignFinding> signs, SignFinding sign)
    {
        foreach (var other in signs)
        {
            if (other.Context.IsCurrentAboutPatient && other.Sign.Tags.Contains(Prefix + sign.Sign.Meaning))
            {
                return true;
            }
        }

        return false;
    }
}
