using System.Text;
using System.Text.RegularExpressions;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Prompting;

/// <summary>
/// The question-answer format of the cot, explanations and uncertainty kinds:
/// <code>
/// [instruction]
///
/// [context]
/// Question: {input}
/// (A) first choice
/// (B) second choice
/// Answer: ...
/// </code>
/// Blocks (demonstrations, then the query) are separated by a blank line. The question line is a template with
/// {input} and optionally {context} (when it has no {context}, an item's context goes on the line before).
/// </summary>
internal sealed partial class QuestionFormat(string questionTemplate, string instruction)
{
    public const string DefaultQuestionTemplate = "Question: {input}";
    public const string AnswerCue = "Answer:";
    public const string BlockSeparator = "\n\n";

    public static QuestionFormat Default { get; } = new(DefaultQuestionTemplate, "");

    /// <summary>Why a question template is unusable, or null.</summary>
    /// <summary>The question_template parameter; a template with a problem is reported and the default used instead.</summary>
    internal static string ReadTemplate(Validation.ParameterReader p)
    {
        string template = p.Text("question_template", DefaultQuestionTemplate);
        if (Problem(template) is not { } problem)
        {
            return template;
        }

        p.Report(problem);
        return DefaultQuestionTemplate;
    }

    public static string? Problem(string template) =>
        template.Contains("{input}", StringComparison.Ordinal) ? null : $"the question template must contain {{input}}, got \"{template}\"";

    /// <summary>Context, question and lettered choices, without the answer line.</summary>
    public string Block(StudyItem item)
    {
        var sb = new StringBuilder();
        bool inlineContext = questionTemplate.Contains("{context}", StringComparison.Ordinal);
        if (!inlineContext && !string.IsNullOrWhiteSpace(item.Context))
        {
            sb.Append(item.Context.Trim()).Append('\n');
        }

        sb.Append(Placeholder().Replace(questionTemplate, m => m.Groups[1].Value == "input" ? item.Input : item.Context?.Trim() ?? ""));
        for (int i = 0; i < item.Choices.Count; i++)
        {
            sb.Append("\n(").Append(AnswerSpace.Letter(i)).Append(") ").Append(item.Choices[i]);
        }

        return sb.ToString();
    }

    /// <summary>The instruction (if any), the demonstration blocks and the query, separated by blank lines.</summary>
    public string Join(IEnumerable<string> demos, string query)
    {
        var parts = new List<string>();
        if (instruction.Length > 0)
        {
            parts.Add(instruction);
        }

        parts.AddRange(demos);
        parts.Add(query);
        return string.Join(BlockSeparator, parts);
    }

    // One pass, so an input that happens to contain "{context}" is left alone.
    [GeneratedRegex(@"\{(input|context)\}")]
    private static partial Regex Placeholder();
}
