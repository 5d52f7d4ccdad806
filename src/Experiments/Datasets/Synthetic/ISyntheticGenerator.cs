using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>
/// A built-in task generator: deterministic given its random stream, plain ASCII, in the words and phrasings the
/// TinyStories chat models were fine-tuned on (see ../shared/models/README.md). Every item carries an explanation so
/// explanation and chain-of-thought demonstrations work.
/// </summary>
public interface ISyntheticGenerator
{
    string Name { get; }

    string Description { get; }

    /// <summary>The label space for classification tasks; empty for open (or multiple-choice) answers.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Whether <c>choices: N</c> can turn its open answers into multiple choice.</summary>
    bool SupportsChoices { get; }

    /// <param name="choices">0 for open answers, else the number of options (answers are then letters A, B, ...).</param>
    StudyItem Generate(StableRandom random, string id, int choices);
}
