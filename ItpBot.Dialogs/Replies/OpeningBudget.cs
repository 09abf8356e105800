using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Lays out the opening of an assessment within a word limit. Parts are added in reading order, each with a
/// priority (0 is always kept); they are taken by priority while the words a reader reads stay within the limit,
/// then written in reading order, so citations are numbered as they are read. A part may offer a shorter form
/// (a step without its reasons) for when the full one does not fit. What is left out is asked for afterwards.
/// </summary>
internal sealed class OpeningBudget(IReadOnlyList<Reference> references, int limit = ReaderWords.OpeningLimit)
{
    public const int Always = 0;

    private readonly List<Section> sections = [];
    // Words are counted on a dry run: citation marks are not words, so their numbers do not matter there.
    private readonly CitationNumbers scratch = new(references);
    private int nextOrder;

    /// <summary>True when a part, or the long form of one, did not fit.</summary>
    public bool LeftOut { get; private set; }

    /// <summary>A block on its own (a paragraph or a labelled line).</summary>
    public void Paragraph(int priority, params Func<CitationNumbers, string?>[] forms) =>
        NewSection(null).Item(priority, priority, forms);

    /// <summary>A block whose shortest form is kept at <paramref name="priority"/> and whose fuller forms only at
    /// <paramref name="expandAt"/>, after the parts of the levels between.</summary>
    public void Paragraph(int priority, int expandAt, params Func<CitationNumbers, string?>[] forms) =>
        NewSection(null).Item(priority, expandAt, forms);

    /// <summary>A labelled list; its label is shown only with at least one of its items.</summary>
    public ListSection List(string labelMarkdown) => NewSection(labelMarkdown);

    private ListSection NewSection(string? label)
    {
        var section = new ListSection(this, label);
        sections.Add(section.Inner);
        return section;
    }

    public IReadOnlyList<string> Write(CitationNumbers cites)
    {
        var parts = sections.SelectMany(section => section.Parts).OrderBy(part => part.Priority).ThenBy(part => part.Order).ToList();
        // Level by level: first every part of a priority in its shortest form, then their fuller forms while words
        // remain, before the next priority; so a long alert cannot crowd out today's steps, nor a reason the summary.
        var words = 0;
        foreach (var level in parts.Select(part => part.Priority).Concat(parts.Select(part => part.ExpandAt)).Distinct().Order())
        {
            foreach (var part in parts.Where(part => part.Priority == level))
            {
                var labelWords = part.Section.Label is not null && !part.Section.Parts.Any(p => p.Chosen is not null)
                    ? ReaderWords.Count(part.Section.Label) : 0;
                var shortest = part.Forms[^1];
                if (part.Priority != Always && words + labelWords + shortest.Words > limit) continue;
                part.Chosen = shortest;
                words += labelWords + shortest.Words;
            }
            foreach (var part in parts.Where(part => part.ExpandAt == level && part.Chosen is not null))
            {
                var fuller = part.Forms.FirstOrDefault(form => form.Words <= part.Chosen!.Value.Words + limit - words);
                if (fuller.Form is null || fuller.Form == part.Chosen!.Value.Form) continue;
                words += fuller.Words - part.Chosen!.Value.Words;
                part.Chosen = fuller;
            }
        }
        LeftOut = parts.Any(part => part.Chosen?.Form != part.Forms[0].Form);

        var blocks = new List<string>();
        foreach (var section in sections)
        {
            var items = section.Parts.Where(part => part.Chosen is not null).Select(part => part.Chosen!.Value.Form(cites))
                .OfType<string>().Where(text => text.Length > 0).ToList();
            if (items.Count == 0) continue;
            blocks.Add(section.Label is null
                ? string.Join(MarkdownBlocks.Separator, items)
                : $"{section.Label}{MarkdownBlocks.Separator}{string.Join("\n", items)}");
        }
        return blocks;
    }

    internal sealed class Part(int order, int priority, int expandAt, Section section, IReadOnlyList<(Func<CitationNumbers, string?> Form, int Words)> forms)
    {
        public int Order { get; } = order;
        public int Priority { get; } = priority;
        public int ExpandAt { get; } = expandAt;
        public Section Section { get; } = section;
        public IReadOnlyList<(Func<CitationNumbers, string?> Form, int Words)> Forms { get; } = forms;
        public (Func<CitationNumbers, string?> Form, int Words)? Chosen { get; set; }
    }

    internal sealed class Section(string? label)
    {
        public string? Label { get; } = label;
        public List<Part> Parts { get; } = [];
    }

    /// <summary>Adds the items of one labelled list.</summary>
    internal sealed class ListSection(OpeningBudget budget, string? label)
    {
        public Section Inner { get; } = new(label);

        /// <param name="forms">The item's forms, fullest first; a form that writes null or "" shows nothing.</param>
        public ListSection Item(int priority, params Func<CitationNumbers, string?>[] forms) => Item(priority, priority, forms);

        public ListSection Item(int priority, int expandAt, params Func<CitationNumbers, string?>[] forms)
        {
            var measured = new List<(Func<CitationNumbers, string?> Form, int Words)>(forms.Length);
            foreach (var form in forms)
            {
                var text = form(budget.scratch);
                if (!string.IsNullOrEmpty(text)) measured.Add((form, ReaderWords.Count(text)));
            }
            if (measured.Count == 0) return this;
            Inner.Parts.Add(new Part(budget.nextOrder++, priority, Math.Max(priority, expandAt), Inner, measured));
            return this;
        }
    }
}
