namespace Studies.Analysis.Reports;

/// <summary>The report's stylesheet, inlined so the file needs nothing else: system fonts only, no web fonts.</summary>
internal static class HtmlReportStyle
{
    public const string Css = """
        :root { --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --band: #f6f8fa; --accent: #0072b2; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .4rem; }
        .subtitle { color: var(--muted); margin: 0 0 1rem; }
        h2 { font-size: 1.45rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; }
        h4, h5, h6 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
        p { margin: .6rem 0 1rem; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        nav.toc { background: var(--band); border: 1px solid var(--rule); border-radius: 6px; padding: .8rem 1.2rem; margin: 0 0 2rem; }
        nav.toc h2 { font-size: 1rem; margin: 0 0 .4rem; border: 0; padding: 0; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
        nav.toc ol { margin: 0; padding-left: 1.4rem; }
        nav.toc li { margin: .15rem 0; }
        .table-wrap { overflow-x: auto; margin: 1rem 0 1.6rem; }
        table { border-collapse: collapse; font-size: .92rem; min-width: 50%; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; color: var(--muted); padding: 0 0 .4rem; font-size: .9rem; }
        th, td { padding: .35rem .75rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: nowrap; }
        tbody tr:nth-child(even) { background: var(--band); }
        td.num, th.num { text-align: right; white-space: nowrap; }
        figure { margin: 1.2rem 0 2rem; text-align: center; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .5rem; text-align: left; }
        .label { font-weight: 600; color: var(--ink); }
        @media print {
          main { max-width: none; padding: 0; }
          nav.toc { break-after: page; }
          figure, table { break-inside: avoid; }
          a { color: inherit; }
        }

        """;
}
