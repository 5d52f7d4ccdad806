namespace Studies.Experiments.Model;

/// <summary>
/// One dataset row after field mapping: what a study kind needs to build prompts and score answers. Synthetic
/// generators and JSONL/CSV files produce the same shape.
/// </summary>
public sealed record StudyItem
{
    public required string Id { get; init; }

    /// <summary>The question, sentence or problem text.</summary>
    public required string Input { get; init; }

    /// <summary>Gold label for classification tasks (one of the study's label space).</summary>
    public string? Label { get; init; }

    /// <summary>Gold answer for open or numeric tasks.</summary>
    public string? Answer { get; init; }

    /// <summary>Options of a multiple-choice item (answers are then option letters A, B, ...).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>A human explanation or worked chain of thought for the gold answer (demonstrations use it).</summary>
    public string? Explanation { get; init; }

    /// <summary>Supporting text given with the question (e.g. the short story a question is about).</summary>
    public string? Context { get; init; }

    /// <summary>The gold target whatever the task type: the label, else the answer.</summary>
    public string? Gold => Label ?? Answer;
}
