using Xunit;

namespace MleGen.Tests.Transforms;

/// <summary>A parameter's constraint metadata: bounded on either side, simplex membership by group.</summary>
public class ParameterInfoTests
{
    [Theory]
    [InlineData(0, double.PositiveInfinity, -1, true, false)]
    [InlineData(double.NegativeInfinity, 1, -1, true, false)]
    [InlineData(double.NegativeInfinity, double.PositiveInfinity, -1, false, false)]
    [InlineData(0, 1, 0, true, true)]
    public void ReportsBoundsAndSimplex(double lower, double upper, int simplexGroup, bool bounded, bool simplex)
    {
        var info = new ParameterInfo("Sigma", lower, upper, simplexGroup);
        Assert.Equal(bounded, info.IsBounded);
        Assert.Equal(simplex, info.IsSimplex);
    }
}
