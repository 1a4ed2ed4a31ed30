using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Tests.Fuzz;
using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Robustness;

/// <summary>
/// Issue 9's stress models (deep, long, exponential when inlined naively): each ends in compiling code or MLE0019
/// (shared helpers and locals compile: inlining is memoized and every stage works on the DAG),
/// within the fuzz's hang guard, on a 1 MB thread stack (Windows' default, and the IDE's threads).
/// </summary>
public class StressModelTests
{
    private const string Header = "using System;\nusing MleGen;\nusing static MleGen.Functions;\n\nnamespace N;\n\n";

    private static string Model(string members, string mean) =>
        Header + "[Model]\npublic partial class M\n{\n    [Data] public double[] Y = [];\n    [Data] public double[] X = [];\n    [Param] public double A;\n"
        + members + "\n    [Likelihood(nameof(Y))] Normal Obs(int i)" + mean + "\n}\n";

    private static string Sum(int terms) => " => new(" + string.Join(" + ", Enumerable.Range(0, terms).Select(k => "A * X[i]")) + ", 1);";

    private static string Parentheses(int depth) => " => new(" + new string('(', depth) + "A" + new string(')', depth) + ", 1);";

    private static string Conditionals(int depth) =>
        " => new(" + string.Concat(Enumerable.Range(0, depth).Select(k => "X[i] > " + k + " ? A * " + k + " : ")) + "A, 1);";

    private static string HelperChain(int length, bool twice)
    {
        var helpers = new StringBuilder("    double H0(int i) => A * X[i];\n");
        for (int k = 1; k < length; k++)
        {
            helpers.Append("    double H").Append(k).Append("(int i) => ").Append(twice ? $"H{k - 1}(i) + H{k - 1}(i)" : $"H{k - 1}(i) + 1").Append(";\n");
        }

        return Model(helpers.ToString(), " => new(H" + (length - 1) + "(i), 1);");
    }

    private static string VarChain(int length, bool twice)
    {
        var body = new StringBuilder(" {\n        var v0 = A * X[i];\n");
        for (int k = 1; k < length; k++)
        {
            body.Append("        var v").Append(k).Append(" = ").Append(twice ? $"v{k - 1} + v{k - 1}" : $"v{k - 1} + 1").Append(";\n");
        }

        return Model(string.Empty, body.Append("        return new(v").Append(length - 1).Append(", 1);\n    }").ToString());
    }

    private static string EightDots()
    {
        var members = new StringBuilder();
        for (int k = 0; k < 8; k++)
        {
            members.Append("    [Data] public double[,] X").Append(k).Append(" = new double[0, 0];\n    [Param] public double[] B").Append(k).Append(" = [];\n");
        }

        members.Append("    [Param(Lower = 0)] public double Sigma = 1;\n");
        return Model(members.ToString(), " => new(" + string.Join(" + ", Enumerable.Range(0, 8).Select(k => $"Dot(B{k}, X{k}, i)")) + ", Sigma);");
    }

    /// <summary>
    /// <paramref name="count"/> scalar parameters that all interact (each pair has a Hessian entry), summed in helpers of
    /// 20 so no expression is deep: the second-derivative matrices are written out entry by entry.
    /// </summary>
    private static string ScalarParameters(int count)
    {
        var members = new StringBuilder();
        for (int k = 0; k < count; k++)
        {
            members.Append("    [Param] public double A").Append(k).Append(";\n");
        }

        int helpers = (count + 19) / 20;
        for (int h = 0; h < helpers; h++)
        {
            var terms = Enumerable.Range(20 * h, Math.Min(20, count - (20 * h))).Select(k => "A" + k + " * X[i]");
            members.Append("    double H").Append(h).Append("(int i) => ").Append(string.Join(" + ", terms)).Append(";\n");
        }

        return Model(members.ToString(), " => new(" + string.Join(" + ", Enumerable.Range(0, helpers).Select(h => "H" + h + "(i)")) + " + A, 1);");
    }

    /// <summary>(name, source, the MLE0019 expected or null when the model must compile).</summary>
    public static IEnumerable<TheoryDataRow<string, string, bool>> Cases() =>
    [
        new("a 150-term sum", Model(string.Empty, Sum(150)), false),
        // The 1 MB-stack reproducer of issue 9; its 20,000-term sum (the 8 MB one) takes the same path past the depth limit
        // and spent 40 s in Roslyn's own binding of the test compilation.
        new("a 5,000-term sum", Model(string.Empty, Sum(5_000)), true),
        new("150 nested parentheses", Model(string.Empty, Parentheses(150)), false),
        new("1,000 nested parentheses", Model(string.Empty, Parentheses(1_000)), true),
        new("100 nested ?:", Model(string.Empty, Conditionals(100)), false),
        new("500 nested ?:", Model(string.Empty, Conditionals(500)), true),
        new("a 60-helper chain", HelperChain(60, twice: false), false),
        new("a 5,000-helper chain", HelperChain(5_000, twice: false), true),
        new("helpers each calling the next twice, 22 deep", HelperChain(22, twice: true), false),
        new("100 chained var locals", VarChain(100, twice: false), false),
        new("1,000 chained var locals", VarChain(1_000, twice: false), true),
        new("var locals each used twice, 30 deep", VarChain(30, twice: true), false),
        new("var locals each used twice, 100 deep", VarChain(100, twice: true), false),
        new("eight Dot terms", EightDots(), false),
        new("40 interacting scalar parameters", ScalarParameters(40), false),
        new("100 interacting scalar parameters (5,151 Hessian entries)", ScalarParameters(100), true),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void StressModel_CompilesOrIsMle0018_OnAOneMegabyteStack(string name, string source, bool tooLarge)
    {
        FuzzOutcome? outcome = null;
        List<string>? mle = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    outcome = FuzzOracle.Run(source);
                    mle = CompilationHarness.RunAnalyzer(CompilationHarness.CreateCompilation(source))
                        .Where(d => d.Id.StartsWith("MLE00", StringComparison.Ordinal))
                        .Select(d => d.Id)
                        .ToList();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.True(outcome!.Verdict == FuzzVerdict.Ok, name + ": " + outcome.Verdict + " " + outcome.Detail);
        Assert.Equal(tooLarge ? [DiagnosticIds.ModelTooLarge] : [], mle!.Distinct());
    }
}
