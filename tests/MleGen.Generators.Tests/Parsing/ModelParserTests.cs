using System.Linq;
using MleGen.Generators.Parsing;
using MleGen.Generators.Specs;
using MleGen.Generators.Tests.Harness;
using Xunit;
using static MleGen.Generators.Tests.Parsing.S;

namespace MleGen.Generators.Tests.Parsing;

public class ModelParserTests
{
    internal const string LinearRegression = """
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class LinearRegression
        {
            [Data] public required double[,] X { get; init; }
            [Data] public required double[] Y { get; init; }

            [Param] public double Intercept;
            [Param] public double[] Beta = [];
            [Param(Lower = 0)] public double Sigma = 1;

            double Mean(int i) => Intercept + Dot(Beta, X, i);

            [Likelihood(nameof(Y))]
            Normal Observation(int i) => new(Mean(i), Sigma);
        }
        """;

    private static ModelSpec ParseValid(string source)
    {
        var compilation = CompilationHarness.CreateCompilation(source);
        Assert.Empty(CompilationHarness.CompilerErrors(compilation));
        var result = CompilationHarness.ParseModels(compilation).Single();
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Spec);
        return result.Spec!;
    }

    private static LikelihoodSpec Term(string members, string likelihood, string usings = "")
    {
        var spec = ParseValid($$"""
            using System;
            using MleGen;
            using static MleGen.Functions;
            {{usings}}

            [Model]
            public partial class M
            {
            {{members}}
            {{likelihood}}
            }
            """);
        return Assert.Single(spec.Likelihoods);
    }

    [Fact]
    public void LinearRegressionParsesToTheExpectedSpec()
    {
        var spec = ParseValid(LinearRegression);

        var mean = Add(P("Intercept"), Sum(Len("Beta"), "__j0", Mul(P("Beta", V("__j0")), D("X", ScalarType.Double, I, V("__j0")))));
        var expected = new ModelSpec(
            "Demo",
            "LinearRegression",
            A<ContainingTypeSpec>(),
            A(new DataMemberSpec("X", DataKind.DoubleMatrix), new DataMemberSpec("Y", DataKind.DoubleArray)),
            A(Param("Intercept"), Param("Beta", ParamShape.Vector), Param("Sigma", lower: 0)),
            A(new LikelihoodSpec(
                "Observation",
                "Y",
                null,
                FamilyKind.Normal,
                A(mean, P("Sigma")))))
        {
            // the helper's name, for the generated local that holds its value
            Names = A(new NamedSpec("Mean", mean)),
        };
        Assert.Equal(expected, spec);
        Assert.NotEqual(expected with { Names = A<NamedSpec>() }, spec);
    }

    [Fact]
    public void HelpersAndVarLocalsAreInlined()
    {
        var term = Term(
            """
                [Data] public double[] Y = [];
                [Data] public double[] Z = [];
                [Param] public double A;
                [Param(Lower = 0)] public double S = 1;

                static double Twice(double x) => 2 * x;

                private double Eta(int k)
                {
                    var z = Z[k];
                    return A + Twice(z);
                }
            """,
            """
                [Likelihood(nameof(Y))]
                Normal Obs(int i)
                {
                    var eta = Eta(i);
                    double s = this.S;
                    return new Normal(eta, s);
                }
            """);

        Assert.Equal(FamilyKind.Normal, term.Family);
        Assert.Equal(A(Add(P("A"), Mul(C(2), D("Z", ScalarType.Double, I))), P("S")), term.Arguments);
    }

    [Fact]
    public void IntArithmeticStaysIntAndMixedArithmeticConverts()
    {
        var term = Term(
            """
                [Data] public double[] Y = [];
                [Data] public int[] Counts = [];
                [Data] public int N;
                [Param] public double A;
            """,
            """
                [Likelihood(nameof(Y))]
                Normal Obs(int i) => new(A * i + Counts[i] / 2, N + (double)Counts[i] / 2);
            """);

        var intDivision = B(BinaryOp.Divide, D("Counts", ScalarType.Int, I), C(2, ScalarType.Int), ScalarType.Int);
        Assert.Equal(
            A(
                Add(Mul(P("A"), Cv(I)), Cv(intDivision)),
                Add(Cv(D("N", ScalarType.Int)), B(BinaryOp.Divide, Cv(D("Counts", ScalarType.Int, I)), C(2)))),
            term.Arguments);
    }

    [Fact]
    public void CategoricalLogitsBecomesClassCountAndLambda()
    {
        var term = Term(
            """
                [Data] public int[] Y = [];
                [Data] public int K;
                [Data] public double[,] X = new double[0, 0];
                [Param] public double[,] W = new double[0, 0];
            """,
            """
                [Likelihood(nameof(Y))]
                CategoricalLogits Obs(int i) => CategoricalLogits.Of(K, k => Sum(X.GetLength(1), (j) => W[k, j] * X[i, j]));
            """);

        Assert.Equal(FamilyKind.CategoricalLogits, term.Family);
        Assert.Equal(
            A(D("K", ScalarType.Int), new LambdaSpec("k", Sum(Len("X", 1), "j", Mul(P("W", V("k"), V("j")), D("X", ScalarType.Double, I, V("j")))))),
            term.Arguments);
    }

    [Fact]
    public void NormalMixtureTakesWholeVectorMembers()
    {
        var term = Term(
            """
                [Data] public double[] Y = [];
                [Data] public double[] Sd = [];
                [Param(Simplex = true)] public double[] W = [];
                [Param] public double[] Mu = [];
            """,
            """
                [Likelihood(nameof(Y))]
                NormalMixture Obs(int i) => new(W, Mu, Sd);
            """);

        Assert.Equal(FamilyKind.NormalMixture, term.Family);
        Assert.Equal(
            A<ExprSpec>(new MemberVectorSpec("W", true), new MemberVectorSpec("Mu", true), new MemberVectorSpec("Sd", false)),
            term.Arguments);
    }

    [Fact]
    public void WeightsPriorsAndTwoLikelihoodTerms()
    {
        var spec = ParseValid("""
            using System;
            using MleGen;

            [Model]
            public partial class Two
            {
                [Data] public bool[] Clicked = [];
                [Data] public int[] Count = [];
                [Data] public int[] Trials = [];
                [Data] public double[] W = [];
                [Data] public double[] Xv = [];

                [Param, NormalPrior(0, 2.5)] public double A;
                [Param, L2(0.5), HalfNormalPrior(1)] public double B;
                [Param, ElasticNet(0.1, 0.25)] public double[] G = [];

                [Likelihood(nameof(Clicked), Weights = nameof(W))]
                BernoulliLogit Clicks(int i) => new(A + B * Xv[i]);

                [Likelihood(nameof(Count))]
                Binomial Counts(int i) => new(Trials[i], Functions.Logistic(Math.Log(2.0) + A));
            }
            """);

        Assert.Equal(
            A(
                Param("A", priors: new PriorSpec(PriorKind.Normal, 0, 2.5)),
                Param("B", priors: new[] { new PriorSpec(PriorKind.L2, 0.5, 0), new PriorSpec(PriorKind.HalfNormal, 1, 0) }),
                Param("G", ParamShape.Vector, double.NegativeInfinity, double.PositiveInfinity, false, new PriorSpec(PriorKind.ElasticNet, 0.1, 0.25))),
            spec.Parameters);
        Assert.Equal(2, spec.Likelihoods.Count);
        Assert.Equal(
            new LikelihoodSpec("Clicks", "Clicked", "W", FamilyKind.BernoulliLogit, A(Add(P("A"), Mul(P("B"), D("Xv", ScalarType.Double, I))))),
            spec.Likelihoods[0]);
        Assert.Equal(
            new LikelihoodSpec("Counts", "Count", null, FamilyKind.Binomial, A(D("Trials", ScalarType.Int, I), U(UnaryOp.Logistic, Add(U(UnaryOp.Log, C(2)), P("A"))))),
            spec.Likelihoods[1]);
    }

    [Fact]
    public void ConstantsIntrinsicsConditionalAndReductions()
    {
        var term = Term(
            """
                [Data] public double[] Y = [];
                [Data] public double[] Z = [];
                [Param] public double A;
                const double Half = 0.5;
            """,
            """
                [Likelihood(nameof(Y))]
                Normal Obs(int i) => new(
                    Z[i] > 0 && i != 3 ? Math.Pow(A, 2) : MleGen.Functions.LogSumExp(Y.Length, j => this.Z[j] * Half),
                    Math.PI * LogSumExp(-A, 1.0) + Square(Math.Exp(A)));
            """);

        var condition = B(BinaryOp.And, B(BinaryOp.Greater, D("Z", ScalarType.Double, I), C(0), ScalarType.Bool), B(BinaryOp.NotEqual, I, C(3, ScalarType.Int), ScalarType.Bool), ScalarType.Bool);
        var whenTrue = B(BinaryOp.Pow, P("A"), C(2));
        var whenFalse = new ReductionSpec(ReductionKind.LogSumExp, Len("Y"), "j", Mul(D("Z", ScalarType.Double, V("j")), C(0.5)));
        Assert.Equal(new ConditionalSpec(condition, whenTrue, whenFalse, ScalarType.Double), term.Arguments[0]);
        Assert.Equal(
            Add(Mul(C(System.Math.PI), B(BinaryOp.LogSumExp, U(UnaryOp.Negate, P("A")), C(1))), U(UnaryOp.Square, U(UnaryOp.Exp, P("A")))),
            term.Arguments[1]);
    }

    [Fact]
    public void InlinedLambdaVariablesNeverCaptureTheCallersVariable()
    {
        var term = Term(
            """
                [Data] public double[] Y = [];
                [Data] public int N;
                [Data] public double[,] X = new double[0, 0];
                [Param] public double[] Beta = [];

                double RowSum(int k) => Sum(N, j => X[k, j]);
            """,
            """
                [Likelihood(nameof(Y))]
                Normal Obs(int i) => new(Sum(N, j => RowSum(j) + Dot(Beta, X, j)), 1);
            """);

        var n = D("N", ScalarType.Int);
        var inner = Sum(n, "__j1", D("X", ScalarType.Double, V("j"), V("__j1")));
        var dot = Sum(Len("Beta"), "__j1", Mul(P("Beta", V("__j1")), D("X", ScalarType.Double, V("j"), V("__j1"))));
        Assert.Equal(A(Sum(n, "j", Add(inner, dot)), C(1)), term.Arguments);
    }

    [Fact]
    public void FamilyReturningHelperIsInlined()
    {
        var term = Term(
            """
                [Data] public int[] Y = [];
                [Param] public double A;

                static PoissonLog Rate(double eta) => new PoissonLog(eta);
            """,
            """
                [Likelihood(nameof(Y))]
                PoissonLog Obs(int i) => Rate(A + Y.Length);
            """);

        Assert.Equal(FamilyKind.PoissonLog, term.Family);
        Assert.Equal(A(Add(P("A"), Cv(Len("Y")))), term.Arguments);
    }

    [Fact]
    public void NestedModelRecordsContainingTypesAndNamespace()
    {
        var spec = ParseValid("""
            using MleGen;

            namespace Outer.Inner
            {
                public static partial class Host
                {
                    public partial record Box
                    {
                        [Model]
                        public partial class M
                        {
                            [Data] public double[] Y = [];
                            [Param] public double Mu;

                            [Likelihood(nameof(Y))]
                            Laplace Obs(int i) => new(Mu, 1);
                        }
                    }
                }
            }
            """);

        Assert.Equal("Outer.Inner", spec.Namespace);
        Assert.Equal(A(new ContainingTypeSpec("class", "Host"), new ContainingTypeSpec("record", "Box")), spec.ContainingTypes);
    }

    [Fact]
    public void PartialDeclarationsInSeveralFilesAreParsedTogether()
    {
        var compilation = CompilationHarness.CreateCompilation(new[]
        {
            """
            using MleGen;

            [Model]
            public partial class Split
            {
                [Data] public double[] Y = [];
                [Param] public double A;

                [Likelihood(nameof(Y))]
                Normal Obs(int i) => new(Shift(i), 1);
            }
            """,
            """
            using System;

            public partial class Split
            {
                [MleGen.Data] public int N;

                double Shift(int i) => A + i / N + Math.Max(A, 1);
            }
            """,
        });
        Assert.Empty(CompilationHarness.CompilerErrors(compilation));

        var diagnostic = Assert.Single(CompilationHarness.RunAnalyzer(compilation));
        Assert.Equal("MLE0008", diagnostic.Id);
        Assert.Equal("Model1.cs", diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal("Math.Max(A, 1)", diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(diagnostic.Location.SourceSpan));

        var fixedCompilation = CompilationHarness.CreateCompilation(new[]
        {
            compilation.SyntaxTrees[0].ToString(),
            compilation.SyntaxTrees[1].ToString().Replace(" + Math.Max(A, 1)", ""),
        });
        var spec = CompilationHarness.ParseModels(fixedCompilation).Single().Spec;
        Assert.NotNull(spec);
        Assert.Equal(A(new DataMemberSpec("Y", DataKind.DoubleArray), new DataMemberSpec("N", DataKind.Int)), spec!.Data);
        Assert.Equal(
            A(Add(P("A"), Cv(B(BinaryOp.Divide, I, D("N", ScalarType.Int), ScalarType.Int))), C(1)),
            spec.Likelihoods[0].Arguments);
    }

    [Fact]
    public void IntLambdaBodiesAndIntHelpersConvertToDouble()
    {
        var term = Term(
            """
                [Data] public double[] Y = [];
                [Data] public int[] C = [];
                static int Twice(int k) => 2 * k;
            """,
            """
                [Likelihood(nameof(Y))]
                Normal Obs(int i) => new(Sum(C.Length, j => C[j] * Twice(i)), Math.Abs(-i));
            """);

        var body = Cv(B(BinaryOp.Multiply, D("C", ScalarType.Int, V("j")), B(BinaryOp.Multiply, C(2, ScalarType.Int), I, ScalarType.Int), ScalarType.Int));
        Assert.Equal(A(Sum(Len("C"), "j", body), Cv(U(UnaryOp.Abs, U(UnaryOp.Negate, I, ScalarType.Int), ScalarType.Int))), term.Arguments);
    }
}
