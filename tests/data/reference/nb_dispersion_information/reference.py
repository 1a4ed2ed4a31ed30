"""The negative binomial's expected dispersion information at 50 digits (mpmath), for NegativeBinomialInformationKernelTests.

I(μ, φ) = E[ψ′(φ) − ψ′(Y + φ)] − μ/(φ(φ + μ)) for Y ~ NB(mean μ, size φ), summed over the pmf (p(0) = (φ/(φ + μ))^φ,
p(y + 1) = p(y)·(y + φ)/(y + 1)·μ/(φ + μ)) with ψ′(φ) − ψ′(y + φ) = Σ_{k<y} 1/(φ + k)², until the rest is below 1e-45 of
the sum. Each line: μ, φ, the information, and E[ψ′(φ) − ψ′(Y + φ)] (the sum the information is the difference of: the
scale of its rounding in double), each as the nearest double. Regenerate: python3 reference.py > reference.csv
"""
import mpmath

mpmath.mp.dps = 50

means = ["1e-3", "0.3", "1", "3.2", "10", "40", "150"]
phis = ["0.05", "0.5", "1.7", "10", "1e3", "1e5"]

# and a tiny φ (where the scalar series' stop at P(Y > j) < 1e-15 comes early: its terms are P(Y > j)/φ²)
pairs = [(m, f) for m in means for f in phis] + [("1e-6", "1e-3"), ("1e-3", "1e-3"), ("0.3", "1e-3")]

print("mean,phi,information,expectation")
for m, f in pairs:
    if True:
        mu = mpmath.mpf(float(m))
        phi = mpmath.mpf(float(f))
        q = mu / (phi + mu)
        p = (phi / (phi + mu)) ** phi
        t = mpmath.mpf(0)
        total = mpmath.mpf(0)
        y = 0
        while True:
            total += p * t
            t += 1 / (phi + y) ** 2
            p *= (y + phi) / (y + 1) * q
            y += 1
            ratio = max((y + phi) / (y + 1) * q, q)
            if y > mu and ratio < 1 and (t + 1 / (phi + y - 1)) * p / (1 - ratio) < mpmath.mpf("1e-45") * total:
                break
        information = total - mu / (phi * (phi + mu))
        print(f"{float(mu)!r},{float(phi)!r},{float(information)!r},{float(total)!r}")
