namespace Studies.Analysis.Reports;

/// <summary>A table of plain-text cells. Rows shorter than the header are padded with empty cells.</summary>
public sealed record ReportTable : ReportBlock
{
    public ReportTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (header.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(header));
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null || rows[i].Count > header.Count)
                throw new ArgumentException($"Row {i} has {rows[i]?.Count ?? 0} cells but the header has {header.Count} columns.", nameof(rows));
        }

        Header = header;
        Rows = rows;
        Caption = caption;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Shown above the table as "Table n. caption"; none when null.</summary>
    public string? Caption { get; }

    /// <summary>The cell at (row, column), empty where the row is short.</summary>
    public string Cell(int row, int column) => column < Rows[row].Count ? Rows[row][column] ?? "" : "";

    /// <summary>
    /// True when every non-empty cell of the column reads as a number (optionally signed, with %, followed by an
    /// interval "[a, b]", or such an interval alone), so writers can right-align it.
    /// </summary>
    public bool IsNumericColumn(int column)
    {
        bool any = false;
        for (int r = 0; r < Rows.Count; r++)
        {
            string cell = Cell(r, column).Trim();
            if (cell.Length == 0 || cell is "—" or "-" or "NaN")
                continue;
            if (!LooksNumeric(cell))
                return false;
            any = true;
        }

        return any;
    }

    private static bool LooksNumeric(string cell)
    {
        // A bare interval "[a, b]" aligns with the estimates beside it.
        if (cell.StartsWith('[') && cell.EndsWith(']') && cell.Split(',') is [var low, var high])
            return LooksNumeric(low[1..].Trim()) && LooksNumeric(high[..^1].Trim());

        int bracket = cell.IndexOf(" [", StringComparison.Ordinal);
        string head = (bracket > 0 ? cell[..bracket] : cell).TrimEnd('%').Replace("−", "-", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(head, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
