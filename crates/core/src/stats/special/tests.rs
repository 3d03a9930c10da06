//! Known values: closed forms where they exist, otherwise 17 significant digits from mpmath 1.4.1
//! at 40 decimal digits (for example `mpmath.erfc(3)`, or `betainc(a, b, 0, x, regularized=True)`).
//! The functions are also compared with mpmath over a wider grid in `tests/stats.rs`.

// The values are quoted with all 17 digits the reference printed, even where a double holds fewer.
#![allow(clippy::excessive_precision)]

use super::*;

/// Relative error at most `tolerance` (absolute when the expected value is 0).
#[track_caller]
fn check(what: &str, actual: f64, expected: f64, tolerance: f64) {
    let error = if expected == 0.0 { actual.abs() } else { ((actual - expected) / expected).abs() };
    assert!(error <= tolerance, "{what}: got {actual:e}, expected {expected:e} (relative error {error:e})");
}

#[test]
fn ln_gamma_matches_factorials_and_known_values() {
    for (x, expected) in [
        (0.001, 6.907_178_885_383_853_7),
        (0.5, 0.572_364_942_924_700_09), // ln √π
        (1.5, -0.120_782_237_635_245_22),
        (10.5, 13.940_625_219_403_764),
        (100.0, 359.134_205_369_575_4),
        (1000.0, 5_905.220_423_209_181_2),
    ] {
        check(&format!("ln_gamma({x})"), ln_gamma(x), expected, 1e-14);
    }
    // Γ(n) = (n − 1)!, and ln Γ(1) = ln Γ(2) = 0.
    let mut factorial = 1.0_f64;
    for n in 1..=20 {
        check(&format!("ln_gamma({n})"), ln_gamma(f64::from(n)), factorial.ln(), 1e-14);
        factorial *= f64::from(n);
    }
    assert!(ln_gamma(1.0).abs() < 1e-15 && ln_gamma(2.0).abs() < 1e-15);
}

#[test]
fn ln_beta_keeps_its_digits_for_large_arguments() {
    for (a, b, expected) in [
        (0.5, 0.5, 1.144_729_885_849_400_2),  // ln π
        (3.0, 4.0, -4.094_344_562_222_100_7), // ln(1/60)
        (0.5, 150.0, -1.932_119_372_333_283_8),
        (2.5, 1000.0, -16.986_579_078_153_019),
        (50.0, 51.0, -70.695_864_657_445_572),
        (12.0, 400.0, -54.558_707_773_859_938),
        (5000.0, 0.5, -3.686_206_652_783_460_3),
    ] {
        check(&format!("ln_beta({a}, {b})"), ln_beta(a, b), expected, 1e-14);
    }
}

#[test]
fn erfc_is_accurate_in_both_tails() {
    for (x, expected) in [
        (-1.0, 1.842_700_792_949_714_9),
        (0.0, 1.0),
        (0.1, 0.887_537_083_981_715_11),
        (0.5, 0.479_500_122_186_953_46),
        (1.0, 0.157_299_207_050_285_13),
        (2.0, 4.677_734_981_047_265_8e-3),
        (3.0, 2.209_049_699_858_544_1e-5),
        (5.0, 1.537_459_794_428_034_9e-12),
        (10.0, 2.088_487_583_762_544_8e-45),
        (26.0, 5.663_192_408_856_142_8e-296),
    ] {
        check(&format!("erfc({x})"), erfc(x), expected, 1e-13);
    }
}

#[test]
fn normal_tails_are_accurate() {
    for (z, expected) in [
        (0.0, 0.5),
        (1.0, 0.158_655_253_931_457_05),
        (1.959_963_984_540_054, 0.025_000_000_000_000_014),
        (3.0, 1.349_898_031_630_094_5e-3),
        (8.0, 6.220_960_574_271_784_1e-16),
        (30.0, 4.906_713_927_148_187_1e-198),
    ] {
        check(&format!("normal_sf({z})"), normal_sf(z), expected, 1e-13);
        check(&format!("normal_cdf({})", -z), normal_cdf(-z), expected, 1e-13);
        check(&format!("normal_cdf({z})"), normal_cdf(z), 1.0 - expected, 1e-15);
    }
}

#[test]
fn chi_square_with_one_degree_of_freedom_matches_known_values() {
    for (x, expected) in [
        (0.0, 1.0),
        (0.001, 0.974_772_879_369_960_39),
        (1.0, 0.317_310_507_862_914_1),
        (3.841_458_820_694_124, 0.050_000_000_000_000_058), // the 95 % critical value
        (10.0, 1.565_402_258_002_549_7e-3),
        (100.0, 1.523_970_604_832_105_2e-23),
        (1000.0, 1.795_832_784_800_726_2e-219),
    ] {
        check(&format!("chi_square_1_sf({x})"), chi_square_1_sf(x), expected, 1e-13);
    }
}

#[test]
fn incomplete_gamma_matches_known_values_on_both_branches() {
    for (a, x, expected_q) in [
        (2.5, 1.0, 0.849_145_036_084_609_64),    // series
        (2.5, 10.0, 1.249_730_563_031_375_4e-3), // continued fraction
        (10.0, 3.0, 0.998_897_511_869_884_52),
        (0.1, 0.01, 0.337_378_740_045_520_19),
    ] {
        check(&format!("gamma_q({a}, {x})"), gamma_q(a, x), expected_q, 1e-13);
        check(&format!("gamma_p({a}, {x})"), gamma_p(a, x), 1.0 - expected_q, 1e-13);
    }
    // Q(1, x) = e^(−x).
    for x in [0.1, 1.0, 5.0, 50.0] {
        check(&format!("gamma_q(1, {x})"), gamma_q(1.0, x), (-x).exp(), 1e-14);
    }
}

#[test]
fn incomplete_beta_matches_closed_forms_and_known_values() {
    for (a, b, x, expected) in [
        (2.0, 3.0, 0.4, 0.5248),
        (0.5, 0.5, 0.3, 0.369_010_119_565_545_38),
        (5.0, 0.5, 0.9, 0.316_642_915_020_012_26),
        (50.0, 0.5, 0.999, 0.752_369_019_965_376_79),
        (100.0, 200.0, 0.3, 0.108_843_065_644_909_84),
        (0.5, 10.0, 0.001, 0.111_103_290_875_139_69),
    ] {
        check(&format!("I_{x}({a}, {b})"), beta_regularized(a, b, x), expected, 1e-13);
    }
    for x in [0.0, 0.01, 0.3, 0.5, 0.77, 0.999, 1.0] {
        check(&format!("I_{x}(1, 1) = x"), beta_regularized(1.0, 1.0, x), x, 1e-14);
        check(&format!("I_{x}(3, 1) = x³"), beta_regularized(3.0, 1.0, x), x.powi(3), 1e-14);
        check(&format!("I_{x}(1, 4) = 1 − (1 − x)⁴"), beta_regularized(1.0, 4.0, x), 1.0 - (1.0 - x).powi(4), 1e-14);
        // Symmetry: I_x(a, b) = 1 − I_(1−x)(b, a).
        let sum = beta_regularized(2.5, 7.0, x) + beta_regularized(7.0, 2.5, 1.0 - x);
        check(&format!("symmetry at {x}"), sum, 1.0, 1e-14);
    }
}

#[test]
fn student_t_p_values_match_closed_forms_and_known_values() {
    for (t, df, expected) in [
        (0.0, 5.0, 1.0),
        (1e-8, 10.0, 0.999_999_992_217_832_32),
        (0.5, 3.0, 0.651_447_964_848_150_99),
        (2.262_157_162_740_992, 9.0, 0.050_000_000_004_675_688), // the 95 % critical value, df 9
        (4.062_127_683_382_037, 9.0, 2.832_890_197_384_269e-3),  // Student's sleep data
        (10.0, 4.0, 5.620_036_227_159_911_6e-4),
        (50.0, 30.0, 1.871_541_765_922_271_3e-30),
        (3.0, 500.0, 2.834_491_812_851_139_6e-3),
    ] {
        check(&format!("t = {t}, df = {df}"), student_t_two_sided_p(t, df), expected, 1e-12);
        check(&format!("t = {}, df = {df}", -t), student_t_two_sided_p(-t, df), expected, 1e-12);
    }
    for t in [0.1, 1.0, 3.0, 30.0, 1e4] {
        // df = 1 is the Cauchy distribution: p = 1 − (2/π) atan|t| = (2/π) atan(1/|t|).
        let cauchy = 2.0 / PI * f64::atan(1.0 / t);
        check(&format!("t = {t}, df = 1"), student_t_two_sided_p(t, 1.0), cauchy, 1e-12);
        // df = 2: p = 1 − |t| / √(2 + t²), written without cancellation.
        let root = (2.0 + t * t).sqrt();
        let two = 2.0 / (root * (root + t));
        check(&format!("t = {t}, df = 2"), student_t_two_sided_p(t, 2.0), two, 1e-12);
    }
    assert_eq!(student_t_two_sided_p(f64::INFINITY, 3.0), 0.0);
    assert_eq!(student_t_two_sided_p(1e200, 3.0), 0.0);
}

#[test]
fn binomial_half_tail_is_exact_for_small_n() {
    // Σ C(n, i) for i ≤ k, over 2ⁿ.
    for (k, n, expected) in [
        (0, 1, 0.5),
        (1, 8, 9.0 / 256.0),
        (3, 10, 176.0 / 1024.0),
        (12, 24, 0.5 + 2_704_156.0 / 2.0 / 16_777_216.0),
        (5, 5, 1.0),
        (9, 5, 1.0),
        (0, 62, 1.0 / 4_611_686_018_427_387_904.0),
    ] {
        assert_eq!(binomial_half_cdf(k, n), expected, "P(X ≤ {k}), n = {n}");
    }
    // Beyond n = 62 the incomplete beta takes over; it must agree with the exact sum where both apply.
    check("n = 62 by beta", beta_regularized(62.0 - 20.0, 21.0, 0.5), binomial_half_cdf(20, 62), 1e-12);
    // P(X ≤ 50) for n = 100 is ½ + ½ P(X = 50), with C(100, 50) / 2¹⁰⁰ = 0.0795892373871787614…
    check("n = 100", binomial_half_cdf(50, 100), 0.5 + 0.5 * 0.079_589_237_387_178_761, 1e-14);
}
