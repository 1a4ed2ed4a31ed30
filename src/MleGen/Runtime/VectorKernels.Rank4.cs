using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>
/// The register tiles of the rank-W updates (<see cref="VectorKernels.AddScaledOuter(System.Span{double}, int, int, int, double[,], int, double[,], int, int, Vector256{double}, bool)"/>,
/// <see cref="VectorKernels.AddOuterUpper(System.Span{double}, System.ReadOnlySpan{double}, int)"/>): 4 observations at a
/// time (a width-8 block is two such passes), each matrix entry += w₀·b₀ + w₁·b₁ + w₂·b₂ + w₃·b₃ as 4 fused multiply–adds
/// in observation order (iff <see cref="VectorMath.UsesFusedMultiplyAdd"/>). Splitting a block, or holding several matrix
/// rows at once, changes no entry's operations: each still adds its products one observation after the other.
/// </summary>
public static partial class VectorKernels
{
    /// <summary>
    /// Matrix rows m = 0…3 (row m at <paramref name="t"/> + m·<paramref name="ld"/>), columns 0 … 4·<paramref name="tiles"/> − 1:
    /// entry (m, j) += Σₖ w[k·ldw + m]·b[k·ldb + j], k = 0…3. The 4 rows are held together so each load of 4 columns of
    /// b serves 4 FMAs (the 16 weights stay in registers); with <paramref name="diagonal"/> the first 4 columns are the
    /// diagonal tile and row m keeps its m entries left of the diagonal as they were (a lane mask, peeled off the loop).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRank4Rows4(ref double t, nint ld, ref double b, nint ldb, ref double w, nint ldw, int tiles, bool diagonal)
    {
        ref double t1 = ref Unsafe.Add(ref t, ld);
        ref double t2 = ref Unsafe.Add(ref t, 2 * ld);
        ref double t3 = ref Unsafe.Add(ref t, 3 * ld);
        ref double b1 = ref Unsafe.Add(ref b, ldb);
        ref double b2 = ref Unsafe.Add(ref b, 2 * ldb);
        ref double b3 = ref Unsafe.Add(ref b, 3 * ldb);
        ref double v1 = ref Unsafe.Add(ref w, ldw);
        ref double v2 = ref Unsafe.Add(ref w, 2 * ldw);
        ref double v3 = ref Unsafe.Add(ref w, 3 * ldw);

        // wMk: matrix row M, observation k.
        Vector256<double> w00 = Vector256.Create(w), w10 = Vector256.Create(Unsafe.Add(ref w, 1)), w20 = Vector256.Create(Unsafe.Add(ref w, 2)), w30 = Vector256.Create(Unsafe.Add(ref w, 3));
        Vector256<double> w01 = Vector256.Create(v1), w11 = Vector256.Create(Unsafe.Add(ref v1, 1)), w21 = Vector256.Create(Unsafe.Add(ref v1, 2)), w31 = Vector256.Create(Unsafe.Add(ref v1, 3));
        Vector256<double> w02 = Vector256.Create(v2), w12 = Vector256.Create(Unsafe.Add(ref v2, 1)), w22 = Vector256.Create(Unsafe.Add(ref v2, 2)), w32 = Vector256.Create(Unsafe.Add(ref v2, 3));
        Vector256<double> w03 = Vector256.Create(v3), w13 = Vector256.Create(Unsafe.Add(ref v3, 1)), w23 = Vector256.Create(Unsafe.Add(ref v3, 2)), w33 = Vector256.Create(Unsafe.Add(ref v3, 3));
        nuint j = 0, end = (nuint)(4 * tiles);
        if (diagonal && tiles > 0)
        {
            Vector256<double> o0 = Vector256.LoadUnsafe(ref t), o1 = Vector256.LoadUnsafe(ref t1), o2 = Vector256.LoadUnsafe(ref t2), o3 = Vector256.LoadUnsafe(ref t3);
            Vector256<double> x = Vector256.LoadUnsafe(ref b);
            Vector256<double> a0 = MultiplyAdd(w00, x, o0), a1 = MultiplyAdd(w10, x, o1), a2 = MultiplyAdd(w20, x, o2), a3 = MultiplyAdd(w30, x, o3);
            x = Vector256.LoadUnsafe(ref b1);
            a0 = MultiplyAdd(w01, x, a0);
            a1 = MultiplyAdd(w11, x, a1);
            a2 = MultiplyAdd(w21, x, a2);
            a3 = MultiplyAdd(w31, x, a3);
            x = Vector256.LoadUnsafe(ref b2);
            a0 = MultiplyAdd(w02, x, a0);
            a1 = MultiplyAdd(w12, x, a1);
            a2 = MultiplyAdd(w22, x, a2);
            a3 = MultiplyAdd(w32, x, a3);
            x = Vector256.LoadUnsafe(ref b3);
            a0 = MultiplyAdd(w03, x, a0);
            a1 = MultiplyAdd(w13, x, a1);
            a2 = MultiplyAdd(w23, x, a2);
            a3 = MultiplyAdd(w33, x, a3);
            a0.StoreUnsafe(ref t);
            Vector256.ConditionalSelect(Vector256.Create(-1L, 0L, 0L, 0L).AsDouble(), o1, a1).StoreUnsafe(ref t1);
            Vector256.ConditionalSelect(Vector256.Create(-1L, -1L, 0L, 0L).AsDouble(), o2, a2).StoreUnsafe(ref t2);
            Vector256.ConditionalSelect(Vector256.Create(-1L, -1L, -1L, 0L).AsDouble(), o3, a3).StoreUnsafe(ref t3);
            j = 4;
        }

        for (; j < end; j += 4)
        {
            Vector256<double> x = Vector256.LoadUnsafe(ref b, j);
            Vector256<double> a0 = MultiplyAdd(w00, x, Vector256.LoadUnsafe(ref t, j));
            Vector256<double> a1 = MultiplyAdd(w10, x, Vector256.LoadUnsafe(ref t1, j));
            Vector256<double> a2 = MultiplyAdd(w20, x, Vector256.LoadUnsafe(ref t2, j));
            Vector256<double> a3 = MultiplyAdd(w30, x, Vector256.LoadUnsafe(ref t3, j));
            x = Vector256.LoadUnsafe(ref b1, j);
            a0 = MultiplyAdd(w01, x, a0);
            a1 = MultiplyAdd(w11, x, a1);
            a2 = MultiplyAdd(w21, x, a2);
            a3 = MultiplyAdd(w31, x, a3);
            x = Vector256.LoadUnsafe(ref b2, j);
            a0 = MultiplyAdd(w02, x, a0);
            a1 = MultiplyAdd(w12, x, a1);
            a2 = MultiplyAdd(w22, x, a2);
            a3 = MultiplyAdd(w32, x, a3);
            x = Vector256.LoadUnsafe(ref b3, j);
            a0 = MultiplyAdd(w03, x, a0);
            a1 = MultiplyAdd(w13, x, a1);
            a2 = MultiplyAdd(w23, x, a2);
            a3 = MultiplyAdd(w33, x, a3);
            a0.StoreUnsafe(ref t, j);
            a1.StoreUnsafe(ref t1, j);
            a2.StoreUnsafe(ref t2, j);
            a3.StoreUnsafe(ref t3, j);
        }
    }

    /// <summary>
    /// As <see cref="AddRank4Rows4"/> for 2 matrix rows (the last 2 or 3 rows of a group of 4); the first tile keeps the first
    /// <paramref name="keep0"/> entries of row 0 and <paramref name="keep1"/> of row 1 as they were (0–3 each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRank4Rows2(ref double t, nint ld, ref double b, nint ldb, ref double w, nint ldw, int tiles, int keep0, int keep1)
    {
        ref double t1 = ref Unsafe.Add(ref t, ld);
        ref double b1 = ref Unsafe.Add(ref b, ldb);
        ref double b2 = ref Unsafe.Add(ref b, 2 * ldb);
        ref double b3 = ref Unsafe.Add(ref b, 3 * ldb);
        ref double v1 = ref Unsafe.Add(ref w, ldw);
        ref double v2 = ref Unsafe.Add(ref w, 2 * ldw);
        ref double v3 = ref Unsafe.Add(ref w, 3 * ldw);
        Vector256<double> w00 = Vector256.Create(w), w10 = Vector256.Create(Unsafe.Add(ref w, 1));
        Vector256<double> w01 = Vector256.Create(v1), w11 = Vector256.Create(Unsafe.Add(ref v1, 1));
        Vector256<double> w02 = Vector256.Create(v2), w12 = Vector256.Create(Unsafe.Add(ref v2, 1));
        Vector256<double> w03 = Vector256.Create(v3), w13 = Vector256.Create(Unsafe.Add(ref v3, 1));
        nuint j = 0, end = (nuint)(4 * tiles);
        if ((keep0 | keep1) != 0 && tiles > 0)
        {
            Vector256<double> o0 = Vector256.LoadUnsafe(ref t), o1 = Vector256.LoadUnsafe(ref t1);
            Vector256<double> x = Vector256.LoadUnsafe(ref b);
            Vector256<double> a0 = MultiplyAdd(w00, x, o0), a1 = MultiplyAdd(w10, x, o1);
            x = Vector256.LoadUnsafe(ref b1);
            a0 = MultiplyAdd(w01, x, a0);
            a1 = MultiplyAdd(w11, x, a1);
            x = Vector256.LoadUnsafe(ref b2);
            a0 = MultiplyAdd(w02, x, a0);
            a1 = MultiplyAdd(w12, x, a1);
            x = Vector256.LoadUnsafe(ref b3);
            a0 = MultiplyAdd(w03, x, a0);
            a1 = MultiplyAdd(w13, x, a1);
            Vector256<double> lane = Vector256.Create(0d, 1d, 2d, 3d);
            Vector256.ConditionalSelect(Vector256.LessThan(lane, Vector256.Create((double)keep0)), o0, a0).StoreUnsafe(ref t);
            Vector256.ConditionalSelect(Vector256.LessThan(lane, Vector256.Create((double)keep1)), o1, a1).StoreUnsafe(ref t1);
            j = 4;
        }

        for (; j < end; j += 4)
        {
            Vector256<double> x = Vector256.LoadUnsafe(ref b, j);
            Vector256<double> a0 = MultiplyAdd(w00, x, Vector256.LoadUnsafe(ref t, j));
            Vector256<double> a1 = MultiplyAdd(w10, x, Vector256.LoadUnsafe(ref t1, j));
            x = Vector256.LoadUnsafe(ref b1, j);
            a0 = MultiplyAdd(w01, x, a0);
            a1 = MultiplyAdd(w11, x, a1);
            x = Vector256.LoadUnsafe(ref b2, j);
            a0 = MultiplyAdd(w02, x, a0);
            a1 = MultiplyAdd(w12, x, a1);
            x = Vector256.LoadUnsafe(ref b3, j);
            a0 = MultiplyAdd(w03, x, a0);
            a1 = MultiplyAdd(w13, x, a1);
            a0.StoreUnsafe(ref t, j);
            a1.StoreUnsafe(ref t1, j);
        }
    }

    /// <summary>
    /// One matrix row at <paramref name="t"/>, columns 0 … 4·<paramref name="tiles"/> − 1: entry j += Σₖ w[k·ldw]·b[k·ldb + j],
    /// k = 0…3; the first <paramref name="keep"/> entries (0–3, left of the diagonal) stay as they were.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRank4Row(ref double t, ref double b, nint ldb, ref double w, nint ldw, int tiles, int keep)
    {
        ref double b1 = ref Unsafe.Add(ref b, ldb);
        ref double b2 = ref Unsafe.Add(ref b, 2 * ldb);
        ref double b3 = ref Unsafe.Add(ref b, 3 * ldb);
        Vector256<double> w0 = Vector256.Create(w), w1 = Vector256.Create(Unsafe.Add(ref w, ldw));
        Vector256<double> w2 = Vector256.Create(Unsafe.Add(ref w, 2 * ldw)), w3 = Vector256.Create(Unsafe.Add(ref w, 3 * ldw));
        nuint j = 0, end = (nuint)(4 * tiles);
        if (keep > 0 && tiles > 0)
        {
            Vector256<double> old = Vector256.LoadUnsafe(ref t);
            Vector256<double> a = MultiplyAdd(w0, Vector256.LoadUnsafe(ref b), old);
            a = MultiplyAdd(w1, Vector256.LoadUnsafe(ref b1), a);
            a = MultiplyAdd(w2, Vector256.LoadUnsafe(ref b2), a);
            a = MultiplyAdd(w3, Vector256.LoadUnsafe(ref b3), a);
            Vector256<double> mask = Vector256.LessThan(Vector256.Create(0d, 1d, 2d, 3d), Vector256.Create((double)keep));
            Vector256.ConditionalSelect(mask, old, a).StoreUnsafe(ref t);
            j = 4;
        }

        for (; j < end; j += 4)
        {
            Vector256<double> a = MultiplyAdd(w0, Vector256.LoadUnsafe(ref b, j), Vector256.LoadUnsafe(ref t, j));
            a = MultiplyAdd(w1, Vector256.LoadUnsafe(ref b1, j), a);
            a = MultiplyAdd(w2, Vector256.LoadUnsafe(ref b2, j), a);
            a = MultiplyAdd(w3, Vector256.LoadUnsafe(ref b3, j), a);
            a.StoreUnsafe(ref t, j);
        }
    }
}
