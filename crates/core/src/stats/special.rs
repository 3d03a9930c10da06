//! The special functions behind the p-values and intervals: log-gamma, the regularised incomplete
//! gamma and beta functions, and the distributions built on them (normal, Student's t, χ² with one
//! degree of freedom, the binomial with p = ½, and the noncentral t with the inversion that gives
//! the exact confidence interval of an effect size).
//!
//! Written here rather than taken from a crate because `aware-core` ships to the browser and a
//! class report needs only these few functions. They follow the classical algorithms of
//! Press, Teukolsky, Vetterling & Flannery, *Numerical Recipes* (3rd ed., 2007), §6.1–6.4: a
//! Lanczos approximation for ln Γ, a power series or a continued fraction (evaluated with the
//! modified Lentz method) for the incomplete gamma function, and a continued fraction for the
//! incomplete beta function. Each tail is computed directly, never as `1 − (the other tail)`, so
//! small p-values keep their relative accuracy: against mpmath over the grid in `tests/stats.rs`
//! the worst relative error is 2e-13 (Student's t with 4999 degrees of freedom), most are below
//! 1e-14.
//!
//! Arguments outside a function's domain are a caller's bug, not data: the public functions of
//! [`crate::stats`] check their inputs before they get here.

use std::f64::consts::PI;

/// ln Γ(x) for x > 0.
///
/// Lanczos approximation with g = 7 and nine coefficients (relative error of Γ below 1e-15),
/// with the reflection formula Γ(x)Γ(1 − x) = π / sin(πx) below ½.
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        return (PI / (PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = LANCZOS[0];
    for (i, coefficient) in LANCZOS.iter().enumerate().skip(1) {
        sum += coefficient / (x + i as f64);
    }
    let t = x + LANCZOS_G + 0.5;
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
///
/// For large arguments the three logarithms are large and nearly cancel (ln Γ(101) ≈ 364), which
/// would cost two or three digits; there, Stirling's series is rearranged so that only the small
/// differences are formed.
pub fn ln_beta(a: f64, b: f64) -> f64 {
    let (small, large) = if a <= b { (a, b) } else { (b, a) };
    let sum = small + large;
    if large < STIRLING_FROM {
        ln_gamma(small) + ln_gamma(large) - ln_gamma(sum)
    } else if small < STIRLING_FROM {
        // ln Γ(large) − ln Γ(large + small) = −(large − ½)·ln(1 + small/large) − small·ln(sum) + small + …
        ln_gamma(small) - (large - 0.5) * (small / large).ln_1p() - small * sum.ln()
            + small
            + stirling_correction(large)
            - stirling_correction(sum)
    } else {
        0.5 * (2.0 * PI).ln() + (small - 0.5) * (small / sum).ln() + (large - 0.5) * (-small / sum).ln_1p()
            - 0.5 * sum.ln()
            + stirling_correction(small)
            + stirling_correction(large)
            - stirling_correction(sum)
    }
}

/// The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x ≥ 0.
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        1.0
    } else if x < a + 1.0 {
        1.0 - gamma_p_series(a, x)
    } else {
        gamma_q_continued_fraction(a, x)
    }
}

/// The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a > 0, x ≥ 0.
pub fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else if x < a + 1.0 {
        gamma_p_series(a, x)
    } else {
        1.0 - gamma_q_continued_fraction(a, x)
    }
}

/// The complementary error function erfc(x) = 1 − erf(x), through erfc(x) = Q(½, x²) for x ≥ 0
/// and erfc(−x) = 2 − erfc(x).
pub fn erfc(x: f64) -> f64 {
    if x >= 0.0 { gamma_q(0.5, x * x) } else { 2.0 - gamma_q(0.5, x * x) }
}

/// The standard normal upper tail 1 − Φ(z) = ½ erfc(z / √2) = ½ Q(½, z² / 2) for z ≥ 0.
pub fn normal_sf(z: f64) -> f64 {
    let half_square = 0.5 * z * z;
    if z >= 0.0 { 0.5 * gamma_q(0.5, half_square) } else { 1.0 - 0.5 * gamma_q(0.5, half_square) }
}

/// The standard normal distribution function Φ(z) = 1 − Φ(−z).
pub fn normal_cdf(z: f64) -> f64 {
    normal_sf(-z)
}

/// The upper tail of χ² with one degree of freedom: P(χ²₁ > x) = Q(½, x / 2) = 2(1 − Φ(√x)).
pub fn chi_square_1_sf(x: f64) -> f64 {
    gamma_q(0.5, 0.5 * x)
}

/// The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1.
pub fn beta_regularized(a: f64, b: f64, x: f64) -> f64 {
    beta_regularized_pair(a, b, x, 1.0 - x)
}

/// The two-sided p-value of Student's t with `df` > 0 degrees of freedom:
/// P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½).
///
/// Both x = df/(df + t²) and 1 − x = t²/(df + t²) are formed directly, so neither a large nor a
/// small |t| loses precision to cancellation.
pub fn student_t_two_sided_p(t: f64, df: f64) -> f64 {
    let square = t * t;
    if square.is_infinite() {
        return 0.0;
    }
    let denominator = df + square;
    beta_regularized_pair(0.5 * df, 0.5, df / denominator, square / denominator)
}

/// P(X ≤ k) for X ~ Binomial(n, ½): exact (integer binomial coefficients over 2ⁿ) up to n = 62,
/// beyond that I_{½}(n − k, k + 1).
pub fn binomial_half_cdf(k: u32, n: u32) -> f64 {
    if k >= n {
        return 1.0;
    }
    if n <= 62 {
        // C(n, i) ≤ C(62, 31) < 2⁶³ and the sum of any of them is at most 2⁶² = 2ⁿ, so no overflow;
        // the final division by a power of two is exact.
        let (n, k) = (u64::from(n), u64::from(k));
        let mut coefficient: u64 = 1;
        let mut sum: u64 = 1;
        for i in 1..=k {
            coefficient = coefficient * (n + 1 - i) / i;
            sum += coefficient;
        }
        return sum as f64 / (1u64 << n) as f64;
    }
    beta_regularized(f64::from(n - k), f64::from(k) + 1.0, 0.5)
}

/// P(T ≤ t) for T with the noncentral t distribution of `df` > 0 degrees of freedom and
/// noncentrality `delta` (the distribution of a t statistic when the true standardised effect is
/// δ/√n), as `scipy.stats.nct.cdf(t, df, delta)`.
///
/// For t ≥ 0 it is the Poisson mixture of incomplete beta functions (Guenther 1978; Lenth 1989,
/// *Algorithm AS 243: Cumulative distribution function of the non-central t distribution*,
/// Appl. Statist. 38(1), 185–189): with x = t²/(df + t²) and λ = δ²/2,
///
/// F(t) = Φ(−δ) + ½ Σⱼ [ pⱼ·I_x(j + ½, df/2) + qⱼ·I_x(j + 1, df/2) ],
/// pⱼ = e^{−λ} λʲ / j!,  qⱼ = δ/√2 · e^{−λ} λʲ / Γ(j + 3/2),
///
/// and for t < 0, F(t; df, δ) = 1 − F(−t; df, −δ). The series is summed outwards from its largest
/// terms at j = ⌊λ⌋ (Benton & Krishnamoorthy 2003, *Computing discrete mixtures of continuous
/// distributions*, CSDA 43(2), 249–267): the weights and the incomplete beta functions of
/// neighbouring terms follow from each other by recurrences, so only the two middle incomplete
/// beta functions are evaluated directly, and the sum needs no more terms than the Poisson weights
/// have mass (about ±10√λ around λ). The result is accurate to about 1e-13 in absolute terms, which
/// is what the interval below needs (see `tests/fixtures/stats/nct.json`).
pub fn noncentral_t_cdf(t: f64, df: f64, delta: f64) -> f64 {
    if t < 0.0 {
        return 1.0 - noncentral_t_upper_half(-t, df, -delta);
    }
    noncentral_t_upper_half(t, df, delta)
}

/// [`noncentral_t_cdf`] for t ≥ 0.
fn noncentral_t_upper_half(t: f64, df: f64, delta: f64) -> f64 {
    let normal = normal_cdf(-delta);
    let square = t * t;
    let (x, y) = (square / (df + square), df / (df + square));
    if x == 0.0 {
        return normal;
    }
    let b = 0.5 * df;
    let lambda = 0.5 * delta * delta;
    if lambda == 0.0 {
        // Central: only p₀ = 1 is not zero.
        return (normal + 0.5 * beta_regularized_pair(0.5, b, x, y)).clamp(0.0, 1.0);
    }
    let middle = lambda.floor();
    // The weights at j = middle, and the incomplete beta functions with their recurrence steps
    // g(a) = x^a y^b / (a·B(a, b)), for which I_x(a + 1, b) = I_x(a, b) − g(a).
    let ln_p_middle = poisson_ln_pmf(middle, lambda);
    let p_middle = ln_p_middle.exp();
    // e^{−λ} λᵐ / Γ(m + 3/2) = pₘ · Γ(m + 1) / Γ(m + 3/2) = pₘ · B(m + 1, ½) / Γ(½).
    let q_middle = delta / std::f64::consts::SQRT_2 * (ln_p_middle + ln_beta(middle + 1.0, 0.5) - 0.5 * PI.ln()).exp();
    let step = |a: f64| (a * x.ln() + b * y.ln() - ln_beta(a, b)).exp() / a;
    let (a_p, a_q) = (middle + 0.5, middle + 1.0);
    let (beta_p, beta_q) = (beta_regularized_pair(a_p, b, x, y), beta_regularized_pair(a_q, b, x, y));
    let (step_p, step_q) = (step(a_p), step(a_q));

    let mut sum = p_middle * beta_p + q_middle * beta_q;
    // Outwards: j = middle + 1, middle + 2, …
    let (mut p, mut q, mut ip, mut iq, mut gp, mut gq) = (p_middle, q_middle, beta_p, beta_q, step_p, step_q);
    // The weights have their mass within about ±10√λ of λ; the bound only stops a loop that
    // would never end.
    let bound = (20.0 * lambda.sqrt()) as usize + 1000;
    let mut j = middle;
    for _ in 0..bound {
        ip -= gp;
        iq -= gq;
        gp *= x * (j + 0.5 + b) / (j + 1.5);
        gq *= x * (j + 1.0 + b) / (j + 2.0);
        j += 1.0;
        p *= lambda / j;
        q *= lambda / (j + 0.5);
        let term = p * ip.max(0.0) + q * iq.max(0.0);
        sum += term;
        if j > lambda && p + q.abs() < NONCENTRAL_NEGLIGIBLE {
            break;
        }
    }
    // Inwards: j = middle − 1, …, 0.
    let (mut p, mut q, mut ip, mut iq, mut gp, mut gq) = (p_middle, q_middle, beta_p, beta_q, step_p, step_q);
    let mut j = middle;
    for _ in 0..bound {
        if j < 1.0 {
            break;
        }
        // g(a − 1) = g(a) · a / (x·(a − 1 + b)), then I_x(a − 1, b) = I_x(a, b) + g(a − 1).
        gp *= (j + 0.5) / (x * (j - 0.5 + b));
        gq *= (j + 1.0) / (x * (j + b));
        ip += gp;
        iq += gq;
        p *= j / lambda;
        q *= (j + 0.5) / lambda;
        j -= 1.0;
        sum += p * ip.min(1.0) + q * iq.min(1.0);
        if p + q.abs() < NONCENTRAL_NEGLIGIBLE {
            break;
        }
    }
    (normal + 0.5 * sum).clamp(0.0, 1.0)
}

/// ln(e^{−λ} λᵐ / m!) for a whole number m ≥ 0 and λ > 0.
///
/// Near the mode of a large λ the three terms of the direct formula are each about λ·ln λ and
/// nearly cancel, which would cost their rounding (10⁻¹² relative at λ = 2000). Loader's
/// saddle-point form keeps only small terms: ln p = −bd0(m, λ) − ½ ln(2πm) − δ(m), with
/// bd0 = m·ln(m/λ) + λ − m written as λ·((1 + r)·ln(1 + r) − r) for r = (m − λ)/λ, and δ(m) the
/// remainder of Stirling's series (Loader 2000, *Fast and accurate computation of binomial
/// probabilities*; as in R's `dpois`).
fn poisson_ln_pmf(m: f64, lambda: f64) -> f64 {
    if m < STIRLING_FROM {
        return -lambda + m * lambda.ln() - ln_gamma(m + 1.0);
    }
    let r = (m - lambda) / lambda;
    let bd0 = lambda * ((1.0 + r) * r.ln_1p() - r);
    -bd0 - 0.5 * (2.0 * PI * m).ln() - stirling_correction(m)
}

/// A Poisson weight below this adds nothing a double can hold to a probability near ½.
const NONCENTRAL_NEGLIGIBLE: f64 = 1e-20;

/// The noncentrality δ at which P(T ≤ t) = `probability` for the noncentral t with `df` degrees
/// of freedom: the confidence limit for δ given an observed t ("pivoting the distribution
/// function"). P(T ≤ t) falls as δ grows, so the root is unique; it is bracketed by stepping
/// outwards from δ = t and then found by bisection to the last bits of a double.
///
/// `probability` must lie strictly between 0 and 1.
pub fn noncentral_t_noncentrality(t: f64, df: f64, probability: f64) -> f64 {
    let above = |delta: f64| noncentral_t_cdf(t, df, delta) > probability;
    // The spread of T around δ is about √(1 + δ²/(2·df)); steps of that size reach the root fast.
    let spread = (1.0 + t * t / (2.0 * df)).sqrt();
    let (mut low, mut high) = (t - spread, t + spread);
    let mut width = spread;
    for _ in 0..64 {
        if above(low) {
            break;
        }
        width *= 2.0;
        low -= width;
    }
    let mut width = spread;
    for _ in 0..64 {
        if !above(high) {
            break;
        }
        width *= 2.0;
        high += width;
    }
    // The function at `low` is above the probability and at `high` below it.
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if above(middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}

/// Lanczos coefficients for g = 7, n = 9 (Godfrey; as in Toth's and Wikipedia's tables).
const LANCZOS_G: f64 = 7.0;
#[allow(clippy::excessive_precision)]
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_93,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_13,
    -176.615_029_162_140_59,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_571_6e-6,
    1.505_632_735_149_311_6e-7,
];

/// From here on Stirling's series with [`STIRLING`] is accurate to the last bit.
const STIRLING_FROM: f64 = 10.0;

/// B₂ₖ / (2k(2k − 1)) for k = 1..8: ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + Σ B₂ₖ / (2k(2k − 1) x^(2k−1)).
const STIRLING: [f64; 8] = [
    1.0 / 12.0,
    -1.0 / 360.0,
    1.0 / 1260.0,
    -1.0 / 1680.0,
    1.0 / 1188.0,
    -691.0 / 360_360.0,
    1.0 / 156.0,
    -3617.0 / 122_400.0,
];

/// The tail Σ B₂ₖ / (2k(2k − 1) x^(2k−1)) of Stirling's series, for x ≥ [`STIRLING_FROM`].
fn stirling_correction(x: f64) -> f64 {
    let inverse_square = 1.0 / (x * x);
    STIRLING.iter().rev().fold(0.0, |sum, coefficient| sum * inverse_square + coefficient) / x
}

/// Iterations after which a series or continued fraction gives up. They converge in
/// O(√max(a, b)) steps, a few dozen for a class; the bound only guards against a loop that never
/// ends, and the last estimate is returned.
const MAX_ITERATIONS: usize = 10_000;

/// Stand-in for zero in the Lentz method, which must never divide by an exact zero.
const TINY: f64 = 1e-300;

/// P(a, x) by its power series Σ xⁿ / (a(a+1)…(a+n)), for x < a + 1.
fn gamma_p_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut denominator = a;
    for _ in 0..MAX_ITERATIONS {
        denominator += 1.0;
        term *= x / denominator;
        sum += term;
        if term.abs() < sum.abs() * f64::EPSILON {
            break;
        }
    }
    sum * (a * x.ln() - x - ln_gamma(a)).exp()
}

/// Q(a, x) by its continued fraction (Legendre), for x ≥ a + 1, evaluated with the modified
/// Lentz method.
fn gamma_q_continued_fraction(a: f64, x: f64) -> f64 {
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_ITERATIONS {
        let i = i as f64;
        let an = -i * (i - a);
        b += 2.0;
        d = nonzero(an * d + b).recip();
        c = nonzero(b + an / c);
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < f64::EPSILON {
            break;
        }
    }
    h * (a * x.ln() - x - ln_gamma(a)).exp()
}

/// I_x(a, b) given both x and y = 1 − x, so that callers who know y more precisely than 1 − x
/// (a t statistic near zero) can pass it.
fn beta_regularized_pair(a: f64, b: f64, x: f64, y: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if y <= 0.0 {
        return 1.0;
    }
    let ln_x = if x > 0.5 { (-y).ln_1p() } else { x.ln() };
    let ln_y = if y > 0.5 { (-x).ln_1p() } else { y.ln() };
    let front = (a * ln_x + b * ln_y - ln_beta(a, b)).exp();
    // The continued fraction converges fast for x < (a + 1)/(a + b + 2); otherwise use the
    // symmetry I_x(a, b) = 1 − I_y(b, a).
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_continued_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_continued_fraction(b, a, y) / b
    }
}

/// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), modified Lentz method.
fn beta_continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    let (sum, plus_one, minus_one) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = nonzero(1.0 - sum * x / plus_one).recip();
    let mut h = d;
    for m in 1..MAX_ITERATIONS {
        let m = m as f64;
        let m2 = 2.0 * m;
        // Even step.
        let aa = m * (b - m) * x / ((minus_one + m2) * (a + m2));
        d = nonzero(1.0 + aa * d).recip();
        c = nonzero(1.0 + aa / c);
        h *= d * c;
        // Odd step.
        let aa = -(a + m) * (sum + m) * x / ((a + m2) * (plus_one + m2));
        d = nonzero(1.0 + aa * d).recip();
        c = nonzero(1.0 + aa / c);
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < f64::EPSILON {
            break;
        }
    }
    h
}

fn nonzero(value: f64) -> f64 {
    if value.abs() < TINY { TINY } else { value }
}

#[cfg(test)]
mod tests;
