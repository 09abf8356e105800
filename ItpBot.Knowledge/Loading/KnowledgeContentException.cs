namespace ItpBot.Knowledge.Loading;

/// <summary>One problem in the content: where it is (file, entry, field) and what is wrong.</summary>
public sealed record ContentProblem(string File, string Entry, string Field, string Problem)
{
    public override string ToString() => $"{File} > {Entry} > {Field}: {Problem}";
}

/// <summary>Bad content: thrown at start-up, naming every problem found with its file, entry and field.</summary>
public sealed class KnowledgeContentException : Exception
{
    public KnowledgeContentException(IReadOnlyList<ContentProblem> problems)
        : base(BuildMessage(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<ContentProblem> problems) =>
        $"Knowledge content is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):" +
        string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
