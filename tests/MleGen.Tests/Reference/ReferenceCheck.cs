using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>
/// Compares a fit with a reference case and collects every comparison instead of stopping at the first, so a
/// failing case reports all of its mismatches and the worst relative error per quantity. When the environment
/// variable MLEGEN_REFERENCE_REPORT names a directory, the summary is also written there (one file per case).
/// </summary>
internal sealed class ReferenceCheck
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];
    private readonly string _label;

    public ReferenceCheck(ReferenceCase c, string? variant = null)
    {
        Case = c;
        _label = variant is null ? c.Name : c.Name + "/" + variant;
    }

    public ReferenceCase Case { get; }

    private sealed record Row(string Quantity, string What, double Expected, double Actual, double Tolerance)
    {
        public double Error => Expected == Actual ? 0 : Math.Abs(Actual - Expected) / Math.Abs(Expected);

        public bool Pass => double.IsFinite(Actual) && Math.Abs(Actual - Expected) <= Tolerance * Math.Abs(Expected);
    }

    /// <summary>One relative comparison, grouped under <paramref name="quantity"/> in the summary.</summary>
    public void Relative(string quantity, string what, double expected, double actual, double tolerance) =>
        _rows.Add(new Row(quantity, what, expected, actual, tolerance));

    public void Failure(string quantity, string what, string message) =>
        _rows.Add(new Row(quantity, what + ": " + message, 1, double.NaN, 0));

    public void Note(string note) => _notes.Add(note);

    public void Fit(FitResult fit, string label = "fit") =>
        Note($"{label}: converged={fit.Converged} ({fit.ConvergenceReason}), iterations={fit.Iterations}, |g|={fit.GradientNorm:G3}, method={fit.Method}, diagnostics=[{string.Join("; ", fit.Diagnostics.Select(d => d.ToString()))}]");

    /// <summary>Estimates, standard errors (from <paramref name="fit"/>'s covariance) and Wald intervals of every mapped parameter.</summary>
    public void Parameters(FitResult fit, IEnumerable<(string Ours, string Theirs)> names, string seField = "se", string? prefix = null)
    {
        double tEstimate = Case.Tolerance("estimate"), tSe = Case.Tolerance("se"), tWald = Case.Tolerance("ci95_wald", "se");
        foreach (var (ours, theirs) in names)
        {
            var p = Try(() => fit[ours], "estimate", ours);
            if (p is null)
            {
                continue;
            }

            var e = Case.Parameter(theirs);
            string P(string field) => prefix is null ? field : prefix + "." + field;
            Relative(P("estimate"), ours, e.GetProperty("estimate").GetDouble(), p.Value.Estimate, tEstimate);
            Relative(P("se"), ours, e.GetProperty(seField).GetDouble(), p.Value.StandardError ?? double.NaN, tSe);
            if (e.TryGetProperty("ci95_wald", out var wald))
            {
                Relative(P("ci95_wald"), ours + " lower", wald[0].GetDouble(), p.Value.Lower ?? double.NaN, tWald);
                Relative(P("ci95_wald"), ours + " upper", wald[1].GetDouble(), p.Value.Upper ?? double.NaN, tWald);
            }
        }
    }

    /// <summary>Standard errors from another covariance of the same fit against <paramref name="field"/>.</summary>
    public void StandardErrors(FitResult fit, CovarianceKind kind, IEnumerable<(string Ours, string Theirs)> names, string field, double tolerance)
    {
        FitResult other;
        try
        {
            other = fit.WithCovariance(kind);
        }
        catch (Exception ex)
        {
            Failure(field, kind.ToString(), ex.GetType().Name + " " + ex.Message);
            return;
        }

        foreach (var (ours, theirs) in names)
        {
            if (Case.HasParameterField(theirs, field))
            {
                Relative(field, ours, Case.ParameterNumber(theirs, field), other[ours].StandardError ?? double.NaN, tolerance);
            }
        }
    }

    public void Profiles(FitResult fit, IEnumerable<(string Ours, string Theirs)> names)
    {
        double tolerance = Case.Tolerance("ci95_profile");
        foreach (var (ours, theirs) in names)
        {
            if (!Case.HasParameterField(theirs, "ci95_profile"))
            {
                continue;
            }

            var (lo, hi) = Case.ParameterPair(theirs, "ci95_profile");
            (double Lower, double Upper) interval;
            try
            {
                interval = fit.ProfileInterval(ours, 0.95);
            }
            catch (Exception ex)
            {
                Failure("ci95_profile", ours, ex.GetType().Name + " " + ex.Message);
                continue;
            }

            Relative("ci95_profile", ours + " lower", lo, interval.Lower, tolerance);
            Relative("ci95_profile", ours + " upper", hi, interval.Upper, tolerance);
        }
    }

    /// <summary>loglik, AIC, BIC (unless MAP), n and k.</summary>
    public void Summary(FitResult fit, bool informationCriteria = true)
    {
        double tLoglik = Case.Tolerance("loglik");
        Relative("loglik", "loglik", Case.Number("loglik"), fit.LogLikelihood, tLoglik);
        if (informationCriteria)
        {
            Relative("aic", "aic", Case.Number("aic"), fit.Aic, Case.Tolerance("aic", "loglik"));
            Relative("bic", "bic", Case.Number("bic"), fit.Bic, Case.Tolerance("bic", "loglik"));
        }

        Relative("n", "n", Case.Number("n"), fit.ObservationCount, 0);
        Relative("k", "k", Case.Number("k"), fit.FreeParameterCount, 0);
    }

    private ParameterEstimate? Try(Func<ParameterEstimate> get, string quantity, string what)
    {
        try
        {
            return get();
        }
        catch (Exception ex)
        {
            Failure(quantity, what, ex.Message);
            return null;
        }
    }

    /// <summary>The worst relative error per quantity, every failing comparison, and the notes.</summary>
    public string Report()
    {
        var sb = new StringBuilder();
        bool pass = _rows.All(r => r.Pass);
        sb.AppendLine(CultureInfo.InvariantCulture, $"== {_label}: {(pass ? "PASS" : "FAIL")}");
        foreach (var group in _rows.GroupBy(r => r.Quantity))
        {
            Row worst = group.OrderByDescending(r => double.IsNaN(r.Error) ? double.PositiveInfinity : r.Error).First();
            int failed = group.Count(r => !r.Pass);
            sb.AppendLine(CultureInfo.InvariantCulture, $"   {group.Key,-22} worst rel {worst.Error,10:G3} (tol {worst.Tolerance:G2}) at {worst.What}; {failed}/{group.Count()} failed");
        }

        foreach (Row r in _rows.Where(r => !r.Pass))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"   FAIL {r.Quantity} {r.What}: expected {r.Expected:R}, got {r.Actual:R} (rel {r.Error:G3} > {r.Tolerance:G2})");
        }

        foreach (string note in _notes)
        {
            sb.AppendLine("   " + note);
        }

        return sb.ToString();
    }

    /// <summary>Writes the report (test output and, if requested, MLEGEN_REFERENCE_REPORT) and fails on any mismatch.</summary>
    public void AssertAll()
    {
        string report = Report();
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        string? dir = Environment.GetEnvironmentVariable("MLEGEN_REFERENCE_REPORT");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, _label.Replace('/', '_') + ".txt"), report);
        }

        Assert.True(_rows.Count > 0 && _rows.All(r => r.Pass), report);
    }

    /// <summary>
    /// The generated model evaluated AT the reference estimate (no optimizer involved): loglik = −NLL there, and the
    /// standard errors sqrt(diag(I⁻¹)) of the observed or expected information there against <paramref name="seField"/>.
    /// It separates the model/information layer from where an optimizer stopped.
    /// </summary>
    public void AtReferenceEstimate(IMleModel model, IEnumerable<(string Ours, string Theirs)> names, string seField, bool observed, bool loglik = true)
    {
        var map = names.ToDictionary(n => n.Ours, n => n.Theirs, StringComparer.Ordinal);
        var theirs = Enumerable.Range(0, model.ParameterCount).Select(i => map[model.GetParameterName(i)]).ToArray();
        double[] theta = theirs.Select(t => Case.ParameterNumber(t, "estimate")).ToArray();
        if (loglik)
        {
            Relative("loglik@reference", "loglik", Case.Number("loglik"), -model.NegativeLogLikelihood(theta), Case.Tolerance("loglik"));
        }

        double[] se = InverseInformationSe(model, theta, observed);
        for (int i = 0; i < theta.Length; i++)
        {
            if (Case.HasParameterField(theirs[i], seField))
            {
                Relative(seField + "@reference", model.GetParameterName(i), Case.ParameterNumber(theirs[i], seField), se[i], Case.Tolerance(seField, "se"));
            }
        }
    }

    /// <summary>sqrt(diag(I⁻¹)) of the model's observed or expected information at <paramref name="theta"/> (natural scale), in θ order.</summary>
    public static double[] InverseInformationSe(IMleModel model, double[] theta, bool observed)
    {
        int p = model.ParameterCount;
        var information = new double[p * p];
        if (observed)
        {
            model.ObservedInformation(theta, information);
        }
        else
        {
            model.ExpectedInformation(theta, information);
        }

        var inverse = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (i, j) => information[(i * p) + j]).Inverse();
        return Enumerable.Range(0, p).Select(i => Math.Sqrt(inverse[i, i])).ToArray();
    }

    public static int[] Ints(double[] column) => column.Select(v => checked((int)v)).ToArray();

    public static (string, string)[] Same(params string[] names) => names.Select(n => (n, n)).ToArray();
}
