using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MleGen;

/// <summary>The CSV, JSON and Markdown forms of the table.</summary>
public sealed partial class TidyTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// RFC 4180 CSV with a header row: terms quoted when they hold a comma or quote (<c>"W[1,2]"</c>),
    /// missing values <c>NA</c>, infinite ones <c>Inf</c>/<c>-Inf</c> (as R's <c>read.csv</c> reads them).
    /// </summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', ColumnNames).Append('\n');
        foreach (TidyRow r in _rows)
        {
            sb.Append(CsvField(r.Term));
            foreach (double? x in Numbers(r))
            {
                sb.Append(',').Append(x is double v ? RNumber(v) : "NA");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// A JSON array with one object per row (pandas' <c>orient="records"</c>, jsonlite's data-frame
    /// form): missing values <c>null</c>, infinite ones the strings <c>"Infinity"</c>/<c>"-Infinity"</c>
    /// (as System.Text.Json's named floating-point literals).
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (TidyRow r in _rows)
            {
                writer.WriteStartObject();
                writer.WriteString(ColumnNames[0], r.Term);
                int k = 1;
                foreach (double? x in Numbers(r))
                {
                    string name = ColumnNames[k++];
                    if (x is not double v)
                    {
                        writer.WriteNull(name);
                    }
                    else if (double.IsFinite(v))
                    {
                        writer.WriteNumber(name, v);
                    }
                    else
                    {
                        writer.WriteString(name, v.ToString(Invariant));
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A GitHub-flavoured Markdown table (numbers right-aligned, <c>|</c> in terms escaped). Numbers are
    /// round-trip by default; <paramref name="significantDigits"/> rounds them for reading.
    /// </summary>
    public string ToMarkdown(int? significantDigits = null)
    {
        string format = significantDigits is int digits ? "G" + digits.ToString(Invariant) : "R";
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", ColumnNames).Append(" |\n");
        sb.Append("|:---|");
        for (int k = 1; k < ColumnNames.Count; k++)
        {
            sb.Append("---:|");
        }

        sb.Append('\n');
        foreach (TidyRow r in _rows)
        {
            sb.Append("| ").Append(r.Term.Replace("|", "\\|", StringComparison.Ordinal));
            foreach (double? x in Numbers(r))
            {
                sb.Append(" | ").Append(x is double v ? (double.IsFinite(v) ? v.ToString(format, Invariant) : RNumber(v)) : "NA");
            }

            sb.Append(" |\n");
        }

        return sb.ToString();
    }

    private static double?[] Numbers(TidyRow r) => [r.Estimate, r.StandardError, r.Statistic, r.PValue, r.ConfidenceLow, r.ConfidenceHigh];

    /// <summary>Shortest round-trip text; R's spellings of the non-finite values.</summary>
    private static string RNumber(double v) =>
        double.IsPositiveInfinity(v) ? "Inf" : double.IsNegativeInfinity(v) ? "-Inf" : double.IsNaN(v) ? "NaN" : v.ToString("R", Invariant);

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
