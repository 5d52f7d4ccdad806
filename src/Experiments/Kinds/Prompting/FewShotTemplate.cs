namespace Studies.Experiments.Kinds.Prompting;

/// <summary>
/// A few-shot format: each demonstration is <see cref="Template"/> with {input} and {label} filled, demonstrations are
/// joined by <see cref="Separator"/>, an optional instruction comes first, and the query is the template cut before
/// {label}. The whitespace between the query and {label} (the "gap") is handed to the answer candidates, see
/// <see cref="RolePrompts.Candidate"/>.
/// </summary>
internal sealed class FewShotTemplate
{
    public const string DefaultTemplate = "Sentence: {input}\nSentiment: {label}";
    public const string DefaultSeparator = "\n\n";

    private readonly string _beforeInput;
    private readonly string _between;
    private readonly string _afterLabel;

    private FewShotTemplate(string template, string separator, string instruction)
    {
        Template = template;
        Separator = separator;
        Instruction = instruction;
        int i = template.IndexOf("{input}", StringComparison.Ordinal);
        int l = template.IndexOf("{label}", StringComparison.Ordinal);
        _beforeInput = template[..i];
        string between = template[(i + "{input}".Length)..l];
        _between = between.TrimEnd();
        Gap = between[_between.Length..];
        _afterLabel = template[(l + "{label}".Length)..];
    }

    public string Template { get; }

    public string Separator { get; }

    public string Instruction { get; }

    /// <summary>The whitespace the template puts before the label (" " by default).</summary>
    public string Gap { get; }

    /// <summary>Why a template is unusable, or null: it needs {input} once, then {label} once.</summary>
    public static string? Problem(string template)
    {
        int Count(string p) => (template.Length - template.Replace(p, "", StringComparison.Ordinal).Length) / p.Length;
        if (Count("{input}") != 1 || Count("{label}") != 1)
        {
            return $"the template must contain {{input}} once and {{label}} once, got \"{template}\"";
        }

        return template.IndexOf("{input}", StringComparison.Ordinal) < template.IndexOf("{label}", StringComparison.Ordinal)
            ? null
            : $"{{input}} must come before {{label}} in the template \"{template}\"";
    }

    public static FewShotTemplate Create(string template, string separator, string instruction) =>
        Problem(template) is { } problem ? throw new ArgumentException(problem, nameof(template)) : new(template, separator, instruction);

    /// <summary>One demonstration. An empty label (the "no labels" ablation) leaves the demonstration as a bare query.</summary>
    public string Demo(string input, string label) =>
        label.Length == 0 ? Query(input) : _beforeInput + input + _between + Gap + label + _afterLabel;

    /// <summary>The query: the template up to the label, without the gap.</summary>
    public string Query(string input) => _beforeInput + input + _between;

    /// <summary>The whole prompt: instruction, demonstrations, query.</summary>
    public string Prompt(IEnumerable<(string Input, string Label)> demos, string queryInput)
    {
        var parts = new List<string>();
        if (Instruction.Length > 0)
        {
            parts.Add(Instruction);
        }

        parts.AddRange(demos.Select(d => Demo(d.Input, d.Label)));
        parts.Add(Query(queryInput));
        return string.Join(Separator, parts);
    }
}
