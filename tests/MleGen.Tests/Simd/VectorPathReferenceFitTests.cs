using MleGen.Tests.Fitting;
using MleGen.Tests.Reference;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// The reference fits of the benchmark model kinds (logistic, Poisson, linear, negative binomial, normal mixture) on
/// both paths: with the scalar kernels forced and with the vector kernels, the fit reaches R's estimates, standard
/// errors and log-likelihood at the file's own tolerances (<see cref="ReferenceCaseTests"/> runs them at the default width).
/// </summary>
public class VectorPathReferenceFitTests
{
    public static TheoryData<int> Widths => new(VectorPaths.ScalarAndVector);

    [Theory]
    [MemberData(nameof(Widths))]
    public void LogisticMtcars(int width)
    {
        ReferenceCase c = ReferenceCase.Load("logistic_mtcars");
        var model = VectorPaths.Force(new LogisticMtcarsModel { Am = ReferenceCheck.Ints(c.Columns["am"]), Wt = c.Columns["wt"], Hp = c.Columns["hp"] }, width);
        Check(c, model.Fit(), ReferenceCheck.Same("intercept", "wt", "hp"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void PoissonWarpbreaks(int width)
    {
        ReferenceCase c = ReferenceCase.Load("poisson_warpbreaks");
        var model = VectorPaths.Force(new PoissonWarpbreaksModel
        {
            Breaks = ReferenceCheck.Ints(c.Columns["breaks"]),
            WoolB = c.Columns["woolB"],
            TensionM = c.Columns["tensionM"],
            TensionH = c.Columns["tensionH"],
        }, width);
        Check(c, model.Fit(), ReferenceCheck.Same("intercept", "woolB", "tensionM", "tensionH"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void OlsCars(int width)
    {
        ReferenceCase c = ReferenceCase.Load("ols_cars");
        var model = VectorPaths.Force(new OlsCarsModel { Speed = c.Columns["speed"], Dist = c.Columns["dist"] }, width);
        Check(c, model.Fit(), ReferenceCheck.Same("intercept", "speed", "sigma"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NegbinQuine(int width)
    {
        ReferenceCase c = ReferenceCase.Load("negbin_quine");
        var model = VectorPaths.Force(new NegbinQuineModel
        {
            Days = ReferenceCheck.Ints(c.Columns["days"]),
            IsEthN = c.Columns["EthN"], IsSexM = c.Columns["SexM"], IsAgeF1 = c.Columns["AgeF1"],
            IsAgeF2 = c.Columns["AgeF2"], IsAgeF3 = c.Columns["AgeF3"], IsLrnSL = c.Columns["LrnSL"],
        }, width);
        Check(c, model.Fit(), ReferenceCheck.Same("intercept", "EthN", "SexM", "AgeF1", "AgeF2", "AgeF3", "LrnSL", "theta"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void MixtureFaithfulWaiting(int width)
    {
        ReferenceCase c = ReferenceCase.Load("mixture_faithful_waiting");
        var model = VectorPaths.Force(new MleGen.Tests.EndToEnd.Models.NormalMixtureModel { Y = c.Columns["waiting"], Weights = [0.5, 0.5], Means = [50, 80], Sds = [5, 5] }, width);
        Check(c, model.Fit(), ReferenceCheck.Same("Weights[0]", "Weights[1]", "Means[0]", "Means[1]", "Sds[0]", "Sds[1]"));
    }

    private static void Check(ReferenceCase c, FitResult fit, (string, string)[] names)
    {
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, names);
        check.AssertAll();
    }
}
