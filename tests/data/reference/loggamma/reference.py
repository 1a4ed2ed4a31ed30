"""log Γ(x) and ψ(x) at 50 digits (mpmath 1.3.0), for LogGammaTests (VectorMath.LogGamma/Digamma).

Each line: x, then each function as the nearest double and the remainder (value − nearest, rounded to a double), so
a test measures errors below one ulp. The x are doubles (repr, round-trip), drawn with a fixed seed:
log-uniform over 1e-300..1e300 (all of log Γ's finite range and beyond, ψ to 1e300), uniform over (0, 20], dense
around the zeros of log Γ (1 and 2) and the root of ψ (x₀ = 1.4616…), around 0.5, 3 and 10 (where the forms
change), tiny x, and the boundaries as doubles. log Γ is written as inf where it exceeds the largest double.
Regenerate: python3 reference.py > reference.csv   (about half a minute)
"""
import math
import random

from mpmath import mp, mpf, loggamma, digamma, findroot

mp.dps = 50
rng = random.Random(1212)
x0 = float(findroot(digamma, mpf('1.4616')))

xs = set()
for _ in range(1500):
    xs.add(10 ** rng.uniform(-300, 300))
for _ in range(2000):
    xs.add(rng.uniform(0, 20))
for centre in (1.0, 2.0, x0):
    for width in (1e-1, 1e-3, 1e-6, 1e-10, 1e-14):
        for _ in range(100):
            xs.add(centre + rng.uniform(-width, width))
    xs.update([centre, math.nextafter(centre, 0), math.nextafter(centre, 10)])
for edge in (0.5, 3.0, 10.0):
    for _ in range(100):
        xs.add(edge + rng.uniform(-1e-3, 1e-3))
    xs.update([edge, math.nextafter(edge, 0), math.nextafter(edge, 20)])
for _ in range(200):
    xs.add(10 ** rng.uniform(-320, -1))
xs.update([5e-324, 2.2250738585072014e-308, 1e-300, 1e-20, 0.25, 1.5, 2.5, 4.5, 9.999999999999998, 100.0, 1e15, 1e17,
           2.5e305, 2.6e305, 1e306, 1e307, 1.7976931348623157e308])


def split(value):
    if mp.isinf(value) or abs(value) > mpf('1.7976931348623157e308'):
        return 'inf' if value > 0 else '-inf', '0.0'
    nearest = float(value)
    return repr(nearest), repr(float(value - mpf(nearest)))


print('x,lgamma,lgamma_rest,digamma,digamma_rest')
for x in sorted(xs):
    if x <= 0:
        continue
    v = mpf(x)
    lg, lg_rest = split(loggamma(v).real)
    dg, dg_rest = split(digamma(v))
    print(f'{x!r},{lg},{lg_rest},{dg},{dg_rest}')
