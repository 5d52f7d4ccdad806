using Studies.Analysis.Reports;

namespace Studies.Analysis.Runs;

/// <summary>
/// What analysis knows about one study kind: its headline quantities and its figures. One small class per kind,
/// so a new kind adds an analyzer and touches nothing else.
/// </summary>
public interface IKindAnalyzer
{
    string Kind { get; }

    IEnumerable<Headline> Headlines(StudyTrials study);

    IEnumerable<ReportBlock> Figures(StudyTrials study);
}
