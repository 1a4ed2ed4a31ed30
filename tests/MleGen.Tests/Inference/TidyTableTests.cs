using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace MleGen.Tests.Inference;

/// <summary>The tidy table's CSV, JSON and Markdown parse back to the same numbers, whatever the current culture.</summary>
public class TidyTableTests
{
    private static readonly string[] Columns = ["term", "estimate", "std.error", "statistic", "p.value", "conf.low", "conf.high"];

    [Fact]
    public void CsvParsesBackToTheSameDoubles()
    {
        TidyTable table = Table();
        string csv = InCulture("fi-FI", table.ToCsv);

        List<string[]> records = ParseCsv(csv);
        Assert.Equal(Columns, records[0]);
        Assert.Equal(table.Rows.Count, records.Count - 1);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            Assert.Equal(table.Rows[i].Term, records[i + 1][0]);
            Assert.Equal(Values(table.Rows[i]), records[i + 1].Skip(1).Select(s => s == "NA" ? (double?)null : double.Parse(s, CultureInfo.InvariantCulture)));
        }

        Assert.Contains("\"a,\"\"quoted\"\" term\"", csv, StringComparison.Ordinal);
        Assert.Contains(",NA,NA,NA,NA,NA\n", csv, StringComparison.Ordinal);   // the fixed parameter
    }

    [Fact]
    public void JsonParsesBackToTheSameDoubles()
    {
        TidyTable table = Table();
        using JsonDocument doc = JsonDocument.Parse(InCulture("fi-FI", table.ToJson));

        Assert.Equal(table.Rows.Count, doc.RootElement.GetArrayLength());
        for (int i = 0; i < table.Rows.Count; i++)
        {
            JsonElement row = doc.RootElement[i];
            Assert.Equal(Columns, row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(table.Rows[i].Term, row.GetProperty("term").GetString());
            Assert.Equal(Values(table.Rows[i]), Columns.Skip(1).Select(c => row.GetProperty(c) is { ValueKind: JsonValueKind.Null } ? (double?)null : row.GetProperty(c).GetDouble()));
        }
    }

    [Fact]
    public void MarkdownParsesBackAndRoundsOnRequest()
    {
        TidyTable table = Table();
        string[] lines = InCulture("fi-FI", () => table.ToMarkdown()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("| term | estimate | std.error | statistic | p.value | conf.low | conf.high |", lines[0]);
        Assert.Equal("|:---|---:|---:|---:|---:|---:|---:|", lines[1]);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            string[] cells = lines[i + 2].Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            Assert.Equal(table.Rows[i].Term.Replace("|", "\\|", StringComparison.Ordinal), cells[0]);
            Assert.Equal(Values(table.Rows[i]), cells.Skip(1).Select(s => s == "NA" ? (double?)null : double.Parse(s, CultureInfo.InvariantCulture)));
        }

        string rounded = table.ToMarkdown(significantDigits: 4);
        Assert.Contains("| " + table.Rows[0].Estimate.ToString("G4", CultureInfo.InvariantCulture) + " |", rounded, StringComparison.Ordinal);
        Assert.Equal(4, rounded.Split('\n')[2].Split(" | ")[1].Count(char.IsDigit));
    }

    [Fact]
    public void ProfileTablesCarryProfileIntervals()
    {
        FitResult fit = ReportTests.Fit(new FitOptions { ConfidenceLevel = 0.9 }).Fit;
        TidyTable table = fit.Tidy(new ReportOptions { ProfileIntervals = true });

        Assert.Equal(IntervalKind.Profile, table.Intervals);
        Assert.Equal(0.9, table.ConfidenceLevel);
        Assert.Equal(fit.ProfileInterval("Beta[2]"), (table.Rows[2].ConfidenceLow!.Value, table.Rows[2].ConfidenceHigh!.Value));
        Assert.Equal(fit.Parameters[2].Estimate, table.Rows[2].Estimate);
    }

    [Fact]
    public void SaveWritesTheFormatOfTheExtension()
    {
        TidyTable table = Table();
        string dir = Directory.CreateTempSubdirectory("mlegen-tidy").FullName;
        try
        {
            table.Save(Path.Combine(dir, "t.csv"));
            table.Save(Path.Combine(dir, "t.json"));
            table.Save(Path.Combine(dir, "t.md"));
            Assert.Equal(table.ToCsv(), File.ReadAllText(Path.Combine(dir, "t.csv"), Encoding.UTF8));
            Assert.Equal(table.ToJson(), File.ReadAllText(Path.Combine(dir, "t.json"), Encoding.UTF8));
            Assert.Equal(table.ToMarkdown(), File.ReadAllText(Path.Combine(dir, "t.md"), Encoding.UTF8));
            Assert.Throws<ArgumentException>(() => table.Save(Path.Combine(dir, "t.xlsx")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The warpbreaks fit with a fixed parameter (no standard error) and labels that need quoting and escaping.</summary>
    private static TidyTable Table()
    {
        (DesignMatrix design, FitResult fit) = ReportTests.Fit(new FitOptions { Fixed = new Dictionary<string, double> { ["Beta[5]"] = 0.1 } });
        Dictionary<string, string> labels = ReportOptions.LabelVector("Beta", design.ColumnNames);
        labels["Beta[1]"] = "a,\"quoted\" term";
        labels["Beta[2]"] = "pipe|term";
        return fit.Tidy(new ReportOptions { Labels = labels });
    }

    private static double?[] Values(TidyRow r) => [r.Estimate, r.StandardError, r.Statistic, r.PValue, r.ConfidenceLow, r.ConfidenceHigh];

    private static T InCulture<T>(string name, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>RFC 4180 records (quoted fields with doubled quotes), written independently of the table's writer.</summary>
    private static List<string[]> ParseCsv(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int k = 0; k < csv.Length; k++)
        {
            char c = csv[k];
            if (quoted)
            {
                if (c == '"' && k + 1 < csv.Length && csv[k + 1] == '"')
                {
                    field.Append('"');
                    k++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }
}
