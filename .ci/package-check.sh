#!/usr/bin/env bash
# Packs MleGen and consumes the package from a fresh console project, as a user would: the build must show
# the MLE0101 lint warning, `dotnet format analyzers --diagnostics MLE0101` must apply its code fix (from the
# package's MleGen.CodeFixes.dll), and the fixed project must build without lint and fit. Prints one line
# "package check: passed" or "package check: FAILED (reason)"; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package check: FAILED ($1)"; tail -n 30 "$work/log" 2>/dev/null; exit 1; }

dotnet pack src/MleGen -c Release -o "$work/feed" >"$work/log" 2>&1 || fail "dotnet pack"
version=$(ls "$work/feed" | sed -n 's/^MleGen\.\(.*\)\.nupkg$/\1/p')
[ -n "$version" ] || fail "no MleGen package was packed"
# The package's own dependencies (MathNet.Numerics) come from the packages folder the repository's build
# restored; the package itself restores into the project's own folder, so an old copy is never picked up.
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')

mkdir -p "$work/app"
cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="mlegen" value="$work/feed" />
    <add key="restored" value="$cache" />
  </packageSources>
</configuration>
XML
cat >"$work/app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RestorePackagesPath>packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MleGen" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$work/app/Heights.cs" <<'CS'
using MleGen;

[Model]
public partial class Heights
{
    [Data] public required double[] Y { get; init; }
    [Param] public double Mu;
    [Param] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Mu, Sigma);
}
CS
cat >"$work/app/Program.cs" <<'CS'
var model = new Heights { Y = [1.62, 1.75, 1.80, 1.68, 1.71, 1.77, 1.66] };
var fit = model.Fit();
System.Console.WriteLine($"converged={fit.Converged} sigma={model.Sigma:R}");
CS

cd "$work/app"
dotnet build >"$work/log" 2>&1 || fail "the consumer does not build"
grep -q "Heights.cs(8,27): warning MLE0101" "$work/log" || fail "no MLE0101 warning on Sigma"
dotnet format analyzers --diagnostics MLE0101 --severity warn >"$work/log" 2>&1 || fail "dotnet format analyzers"
grep -q "\[Param(Lower = 0)\] public double Sigma = 1;" Heights.cs || fail "dotnet format did not apply the MLE0101 fix: $(sed -n 8p Heights.cs)"
dotnet build >"$work/log" 2>&1 || fail "the fixed consumer does not build"
! grep -q "warning MLE01" "$work/log" || fail "lint warnings left after the fix"
dotnet run --no-build >"$work/log" 2>&1 || fail "the fixed consumer does not run"
grep -q "converged=True" "$work/log" || fail "the fit did not converge: $(cat "$work/log")"
echo "package check: passed"
