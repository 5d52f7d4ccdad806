using Studies.Experiments.Config;
using Studies.Experiments.Datasets;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Validation;

/// <summary>A study that passed the first validation phase: its kind, its definition with labels resolved, and its data.</summary>
public sealed record ResolvedStudy(StudySpec Spec, IStudyKind Kind, StudyDefinition Definition, LoadedDataset Data)
{
    public string Name => Spec.Name;
}
