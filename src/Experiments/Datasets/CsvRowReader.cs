using System.Text;

namespace Studies.Experiments.Datasets;

/// <summary>
/// RFC 4180 CSV with a header row: comma-separated, fields optionally quoted with "", a doubled quote inside a quoted
/// field is a quote, quoted fields may span lines; CRLF or LF line ends; a byte-order mark is tolerated. A quote inside
/// an unquoted field is kept as text (common in real files). An empty header name becomes "columnN".
/// </summary>
internal static class CsvRowReader
{
    public static List<DatasetRow> Read(string path, RowProblems problems) =>
        Parse(File.ReadAllText(path, Encoding.UTF8), problems);

    public static List<DatasetRow> Parse(string text, RowProblems problems)
    {
        var rows = new List<DatasetRow>();
        var parser = new Parser(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        string[]? header = null;
        while (parser.Next(out var fields, out int line, out string? error))
        {
            if (error is not null)
            {
                problems.Add(line, error);
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (header is null)
            {
                header = fields.Select((h, i) => h.Length == 0 ? $"column{i + 1}" : h).ToArray();
                foreach (var dup in header.GroupBy(h => h).Where(g => g.Count() > 1))
                {
                    problems.Add(line, $"the header names the column '{dup.Key}' twice: rename one so fields can be mapped unambiguously.");
                }

                continue;
            }

            if (fields.Count != header.Length)
            {
                problems.Add(line, $"this row has {fields.Count} fields but the header has {header.Length}: check for an unquoted comma or a missing quote.");
                continue;
            }

            var values = new Dictionary<string, object?>(header.Length, StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                values[header[i]] = fields[i];
            }

            rows.Add(new DatasetRow(line, rows.Count + 1, values));
        }

        if (header is null)
        {
            problems.Add(1, "the CSV file is empty: it needs a header row naming the fields.");
        }

        return rows;
    }

    /// <summary>A record-at-a-time RFC 4180 scanner that tracks the line each record starts on.</summary>
    private sealed class Parser(string text)
    {
        private readonly StringBuilder _field = new();
        private int _pos;
        private int _line = 1;

        public bool Next(out List<string> fields, out int startLine, out string? error)
        {
            fields = [];
            startLine = _line;
            error = null;
            if (_pos >= text.Length)
            {
                return false;
            }

            while (true)
            {
                _field.Clear();
                if (_pos < text.Length && text[_pos] == '"')
                {
                    int quoteLine = _line;
                    _pos++;
                    while (true)
                    {
                        if (_pos >= text.Length)
                        {
                            error = $"a quoted field opened on line {quoteLine} is never closed: add the closing quote (a quote inside a quoted field is written \"\").";
                            return true;
                        }

                        char c = text[_pos++];
                        if (c == '"')
                        {
                            if (_pos < text.Length && text[_pos] == '"')
                            {
                                _field.Append('"');
                                _pos++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n')
                        {
                            _line++;
                        }

                        _field.Append(c);
                    }

                    if (_pos < text.Length && text[_pos] is not (',' or '\r' or '\n'))
                    {
                        error = $"text follows a closing quote (at '{text[_pos]}'): quote the whole field, and write a quote inside it as \"\".";
                        SkipToLineEnd();
                        return true;
                    }
                }
                else
                {
                    while (_pos < text.Length && text[_pos] is not (',' or '\r' or '\n'))
                    {
                        _field.Append(text[_pos++]);
                    }
                }

                fields.Add(_field.ToString());
                if (_pos >= text.Length)
                {
                    return true;
                }

                char sep = text[_pos++];
                if (sep == ',')
                {
                    continue;
                }

                if (sep == '\r' && _pos < text.Length && text[_pos] == '\n')
                {
                    _pos++;
                }

                _line++;
                return true;
            }
        }

        private void SkipToLineEnd()
        {
            while (_pos < text.Length && text[_pos] != '\n')
            {
                _pos++;
            }

            if (_pos < text.Length)
            {
                _pos++;
                _line++;
            }
        }
    }
}
