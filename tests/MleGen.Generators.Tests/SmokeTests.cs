using Xunit;

namespace MleGen.Generators.Tests;

public class SmokeTests
{
    [Fact]
    public void ParameterInfoReportsBounds()
    {
        var info = new ParameterInfo("Sigma", 0, double.PositiveInfinity, -1);
        Assert.True(info.IsBounded);
        Assert.False(info.IsSimplex);
    }
}
