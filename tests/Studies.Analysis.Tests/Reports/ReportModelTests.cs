using Studies.Analysis.Reports;

namespace Studies.Analysis.Tests.Reports;

public sealed class ReportModelTests
{
    [Fact]
    public void A_row_wider_than_the_header_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportTable(["a"], [["1", "2"]]));
        Assert.Contains("Row 0 has 2 cells but the header has 1 columns", e.Message);
    }

    [Fact]
    public void A_figure_must_be_a_png()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportFigure("x", [1, 2, 3], "c", "a"));
        Assert.Contains("not a PNG", e.Message);
    }

    [Fact]
    public void Numeric_columns_are_detected_with_signs_percentages_and_intervals()
    {
        var t = new ReportTable(["a", "b", "c", "d"], [["0.5", "12.5%", "x", "[9.5%, 48.1%]"], ["−0.25 [−0.4, −0.1]", "—", "1", "[0.1, 0.2]"], ["1,024", "", "2", "[a, b]"]]);
        Assert.True(t.IsNumericColumn(0));
        Assert.True(t.IsNumericColumn(1));
        Assert.False(t.IsNumericColumn(2));
        Assert.False(t.IsNumericColumn(3));
        Assert.True(new ReportTable(["ci"], [["[9.5%, 48.1%]"], ["[−0.4, −0.1]"]]).IsNumericColumn(0));
    }

    [Fact]
    public void The_same_section_object_twice_is_refused()
    {
        var s = new ReportSection("Dup", new ReportParagraph("x"));
        var e = Assert.Throws<ArgumentException>(() => HtmlReportWriter.Render(new ReportDocument("T", [s, s])));
        Assert.Contains("appears twice", e.Message);
    }
}
