namespace Studies.Experiments.Scheduling;

/// <summary>What a run is doing before and after its trials (for a progress display).</summary>
public enum RunStage
{
    Validating,
    LoadingModels,
    Planning,
    Running,
    Finishing,
}
