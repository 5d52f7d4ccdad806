using Studies.Backends;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Prompting;

/// <summary>
/// Turns a prompt text into what the model gets. Both roles see the same text, so base-versus-assistant comparisons
/// differ only in the chat template: a base model continues the raw text; an assistant gets it as one user message
/// and answers in its own turn (the backend applies the chat template and the assistant prefix).
/// </summary>
internal static class RolePrompts
{
    public static ModelPrompt Wrap(string text, ModelRole role) =>
        role == ModelRole.Base ? ModelPrompt.Raw(text) : ModelPrompt.User(text);

    /// <summary>
    /// A scored or generated answer as it follows the prompt. A base model continues "Label:" with " happy" (the
    /// template's gap belongs to the candidate: SentencePiece and BPE attach a space to the following word); an
    /// assistant starts its own turn, so the answer has no gap.
    /// </summary>
    public static string Candidate(string answer, string gap, ModelRole role) =>
        role == ModelRole.Base ? gap + answer : answer;

    /// <summary>Where a one-line answer ends. Assistants also stop at their end-of-turn marker (added by the backend).</summary>
    public static IReadOnlyList<string> LineStops { get; } = ["\n"];
}
