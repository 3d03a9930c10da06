//! How report numbers are written, the same on screen, on paper and on the command line.

use super::model::{PValue, SIGNIFICANCE};

/// A p-value: three decimals, and "< 0.001" below that (more digits claim a precision the
/// test does not have).
pub fn p_value(p: f64) -> String {
    if p < 0.001 { "< 0.001".to_owned() } else { format!("{p:.3}") }
}

/// "p = 0.023", or "p < 0.001".
pub fn p_phrase(p: f64) -> String {
    let value = p_value(p);
    if value.starts_with('<') { format!("p {value}") } else { format!("p = {value}") }
}

/// A p-value as the report gives it: [`p_value`] of an exact one; "< 0.05" or "≥ 0.05" of one
/// that only says which side of the 5 % level it is on.
pub fn shown_p_value(p: PValue) -> String {
    match p {
        PValue::Exact(p) => p_value(p),
        PValue::Below => format!("< {SIGNIFICANCE}"),
        PValue::NotBelow => format!("≥ {SIGNIFICANCE}"),
    }
}

/// "p = 0.023", "p < 0.001", "p < 0.05" or "p ≥ 0.05".
pub fn shown_p_phrase(p: PValue) -> String {
    match p {
        PValue::Exact(p) => p_phrase(p),
        coarse => format!("p {}", shown_p_value(coarse)),
    }
}

/// A number with `decimals` places; "−" (minus sign) for negatives so screen readers say "minus".
pub fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let is_zero = text.chars().all(|c| c == '0' || c == '.');
    if value < 0.0 && !is_zero { format!("−{text}") } else { text }
}

/// A mean percentage: one decimal and a percent sign.
pub fn percent(value: f64) -> String {
    format!("{} %", fixed(value, 1))
}

/// Cohen's conventional words for an effect size's magnitude (|d| below 0.2, 0.5, 0.8), which the
/// research brief says to use with caution: the report shows them beside the number, never alone.
pub fn effect_words(d: f64) -> &'static str {
    match d.abs() {
        d if d < 0.2 => "negligible",
        d if d < 0.5 => "small",
        d if d < 0.8 => "medium",
        _ => "large",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_stop_at_a_thousandth() {
        assert_eq!(p_value(0.000_2), "< 0.001");
        assert_eq!(p_value(0.001), "0.001");
        assert_eq!(p_value(0.04567), "0.046");
        assert_eq!(p_value(1.0), "1.000");
        assert_eq!(p_phrase(0.000_2), "p < 0.001");
        assert_eq!(p_phrase(0.04567), "p = 0.046");
    }

    #[test]
    fn a_coarse_p_value_says_only_its_side_of_five_percent() {
        assert_eq!(shown_p_value(PValue::Exact(0.0312)), "0.031");
        assert_eq!(shown_p_value(PValue::Below), "< 0.05");
        assert_eq!(shown_p_phrase(PValue::NotBelow), "p ≥ 0.05");
        assert_eq!(shown_p_phrase(PValue::Exact(0.0002)), "p < 0.001");
        assert_eq!((PValue::of(0.0625, false), PValue::of(0.031, false)), (PValue::NotBelow, PValue::Below));
    }

    #[test]
    fn negatives_use_the_minus_sign_and_negative_zero_does_not() {
        assert_eq!(fixed(-0.25, 2), "−0.25");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(percent(47.5), "47.5 %");
    }

    #[test]
    fn effect_words_follow_cohens_thresholds() {
        assert_eq!(effect_words(0.19), "negligible");
        assert_eq!(effect_words(-0.2), "small");
        assert_eq!(effect_words(0.5), "medium");
        assert_eq!(effect_words(0.8), "large");
    }
}
