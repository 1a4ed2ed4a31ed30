using System;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>After a first (validating, workspace-sizing) call, every evaluation entry point allocates nothing.</summary>
public class AllocationTests
{
    public static TheoryData<string> Models => new(["BernoulliLogit", "Mixed", "Categorical", "CategoricalNoReference", "NormalMixture"]);

    [Theory]
    [MemberData(nameof(Models))]
    public void SecondCallsAllocateNothing(string name)
    {
        var model = ModelCases.Get(name).Simulate(60, 9);
        var theta = ModelChecker.Current(model);
        int p = theta.Length;
        var gradient = new double[p];
        var matrix = new double[p * p];

        Assert.Equal(0, Allocated(() => model.NegativeLogLikelihood(theta)));
        Assert.Equal(0, Allocated(() => model.NegativeLogLikelihood(theta, gradient)));
        Assert.Equal(0, Allocated(() => model.ObservedInformation(theta, matrix)));
        Assert.Equal(0, Allocated(() => model.ExpectedInformation(theta, matrix)));
        Assert.Equal(0, Allocated(() => model.ScoreOuterProduct(theta, matrix)));
    }

    /// <summary>Bytes allocated by the calls after the first (which warms up the JIT, validation and workspaces).</summary>
    private static long Allocated(Action call)
    {
        call();
        return AllocationProbe.Fewest(call);
    }
}
