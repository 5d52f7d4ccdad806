using System.Diagnostics.CodeAnalysis;
using Studies.Experiments.Kinds.Cot;
using Studies.Experiments.Kinds.Explanations;
using Studies.Experiments.Kinds.Icl;
using Studies.Experiments.Kinds.Uncertainty;
using Studies.Experiments.Kinds.Validation;

namespace Studies.Experiments.Kinds;

/// <summary>
/// The study kinds the engine can run, looked up by their YAML name. The planner and scheduler go through this and
/// <see cref="IStudyKind"/> only, so a new kind is one more entry here.
/// </summary>
public sealed class StudyKindRegistry
{
    private readonly Dictionary<string, IStudyKind> _kinds;

    public StudyKindRegistry(IEnumerable<IStudyKind> kinds)
    {
        _kinds = new Dictionary<string, IStudyKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in kinds)
        {
            if (!_kinds.TryAdd(kind.Name, kind))
            {
                throw new ArgumentException($"Two study kinds are named '{kind.Name}'.", nameof(kinds));
            }
        }
    }

    /// <summary>The four built-in kinds: icl, cot, explanations, uncertainty.</summary>
    public static StudyKindRegistry Default { get; } =
        new([new IclStudyKind(), new CotStudyKind(), new ExplanationsStudyKind(), new UncertaintyStudyKind()]);

    /// <summary>Kind names, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _kinds.Keys];

    public bool TryGet(string name, [NotNullWhen(true)] out IStudyKind? kind) => _kinds.TryGetValue(name, out kind);

    /// <summary>The kind named <paramref name="name"/>; an unknown name is an error that lists the known ones.</summary>
    public IStudyKind Get(string name) =>
        TryGet(name, out var kind) ? kind : throw new KeyNotFoundException(UnknownKindMessage(name));

    /// <summary>"unknown study kind 'cott'; did you mean 'cot'? (known: ...)", for validation messages.</summary>
    public string UnknownKindMessage(string name) =>
        $"Unknown study kind '{name}'{NameSuggester.DidYouMean(name, Names)} (known kinds: {string.Join(", ", Names)}).";
}
