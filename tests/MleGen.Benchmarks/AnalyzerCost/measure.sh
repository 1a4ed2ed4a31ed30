#!/usr/bin/env bash
# Measures MleGen's generator and analyzers on a project of 50 models (CostModels.cs: 10 kinds × 5 copies)
# built against the packed MleGen package, with the compiler's own timing (-p:ReportAnalyzer=true): prints the
# generator and analyzer totals of each of 3 builds. Not run by CI. Usage: bash measure.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack "$repo/src/MleGen" -c Release -o "$work/feed" >/dev/null
version=$(ls "$work/feed" | sed -n 's/^MleGen\.\(.*\)\.nupkg$/\1/p')
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
mkdir "$work/app" && cd "$work/app"
cat >nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="mlegen" value="$work/feed" /><add key="restored" value="$cache" /></packageSources></configuration>
XML
cat >Cost.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><RestorePackagesPath>packages</RestorePackagesPath></PropertyGroup>
  <ItemGroup><PackageReference Include="MleGen" Version="$version" /></ItemGroup>
</Project>
XML
dotnet run --project "$repo/tests/MleGen.Benchmarks" -c Release -- --cost-models . >/dev/null
dotnet restore >/dev/null
echo "$(ls *.cs | wc -l) models; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
  touch Linear0.cs # the command-line compiler re-runs everything on any change
  dotnet build -c Release --no-restore -p:ReportAnalyzer=true -v:d >build.log 2>&1
  echo "build $run:"
  grep -E "Total (analyzer|generator) execution time|MleGen\.Generators\.(MleGenerator|Diagnostics\.[A-Za-z.]+ )" build.log | sed -E 's/\(MLE[^)]*\)//; s/^ +/  /'
done
