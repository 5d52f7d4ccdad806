using Studies.Experiments.Config;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Registry;

/// <summary>
/// The study kinds known to this process, by YAML name. Kinds are registered in DI as <c>IStudyKind</c>; the engine
/// only ever looks them up here, so adding a kind touches neither the planner nor the scheduler.
/// </summary>
public sealed class StudyKindRegistry
{
    private readonly Dictionary<string, IStudyKind> _kinds = new(StringComparer.Ordinal);

    public StudyKindRegistry(IEnumerable<IStudyKind> kinds)
    {
        foreach (var kind in kinds)
        {
            if (!_kinds.TryAdd(kind.Name, kind))
            {
                throw new InvalidOperationException($"Two study kinds are registered under the name '{kind.Name}'.");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _kinds.Keys.Order(StringComparer.Ordinal).ToArray();

    public IStudyKind? Find(string name) => _kinds.GetValueOrDefault(name);

    /// <summary>A user-facing message for a kind nobody registered, with "did you mean".</summary>
    public string Unknown(string name) => _kinds.Count == 0
        ? $"unknown study kind '{name}': no study kinds are registered in this build."
        : $"unknown study kind '{name}'.{Suggestions.DidYouMean(name, _kinds.Keys)} Known kinds: {string.Join(", ", Names)}.";
}
