//! Phone numbers may appear only in `help.toml`, where each has the source that lists it and the
//! date of its last test call. A number copied anywhere else (a lesson, a source title, the
//! assessment) would go stale unnoticed, and a wrong helpline can cost a life, so anything that
//! looks like one stops the build.

use super::diagnostic::{Diagnostic, SourceFile};

/// Every line of `file`.
pub(crate) fn check(file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    for (index, line) in file.text.lines().enumerate() {
        check_text(file, index + 1, line, errors);
    }
}

/// One text of `file` that starts at `line` (a TOML value that students read).
pub(crate) fn check_text(file: &SourceFile, line: usize, text: &str, errors: &mut Vec<Diagnostic>) {
    for (offset, part) in text.lines().enumerate() {
        if let Some(found) = find(part) {
            errors.push(file.error_at_line(
                line + offset,
                format!("`{found}` looks like a phone number: numbers belong only in help.toml (write {{{{help-contacts}}}} or \"the Get help page\")"),
            ));
        }
    }
}

/// Mongolia's short service numbers (research brief §2.6): 101 to 105 (emergency management,
/// police, ambulance…), the domestic-violence hotline 107, the Child Helpline 108, 112, the coming
/// unified number, and 1903, the anti-trafficking hotline whose status is unknown.
const SHORT_NUMBERS: [&str; 9] = ["101", "102", "103", "104", "105", "107", "108", "112", "1903"];

/// The first phone-number-like text in `line`: an international `+digits`, six or more digits
/// grouped by spaces or hyphens (but not a range of years like 2019-2022), or one of the short
/// service numbers standing alone (not "108%" or "12.108").
pub(crate) fn find(line: &str) -> Option<String> {
    // Citation ids such as `[@mlsp-108-child-helpline]` name sources, not numbers.
    let mut without_citations = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("[@") {
        without_citations.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => rest = "",
        }
    }
    without_citations.push_str(rest);
    let chars: Vec<char> = without_citations.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let plus = start > 0 && chars[start - 1] == '+';
        let mut groups: Vec<String> = vec![String::new()];
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                groups.last_mut().expect("at least one group").push(c);
                i += 1;
            } else if (c == ' ' || c == '-') && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
                groups.push(String::new());
                i += 1;
            } else {
                break;
            }
        }
        let text: String = chars[start..i].iter().collect();
        let digits: usize = groups.iter().map(String::len).sum();
        let year_range =
            groups.len() == 2 && groups.iter().all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
        // Joined to a word by `-` ("id-108-x") or to a number by `.`/`,` ("12.108"): not a number of its own.
        let word_before = start > 1 && chars[start - 1] == '-' && chars[start - 2].is_alphabetic();
        let word_after = chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| c.is_alphabetic());
        let glued_before = word_before
            || (start > 0 && (chars[start - 1].is_alphanumeric() || matches!(chars[start - 1], '.' | ',' | '/')));
        let glued_after = word_after
            || chars.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '%')
            || (chars.get(i).is_some_and(|c| matches!(c, '.' | ','))
                && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if plus {
            return Some(format!("+{text}"));
        }
        if digits >= 6 && !year_range {
            return Some(text);
        }
        let short_number = groups.len() == 1 && SHORT_NUMBERS.contains(&groups[0].as_str());
        if short_number && !glued_before && !glued_after {
            return Some(text);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find;

    fn check(line: &str, expected: Option<&str>) {
        assert_eq!(find(line).as_deref(), expected, "{line}");
    }

    #[test]
    fn helpline_and_phone_formats_are_found() {
        check("Call 108 for free.", Some("108"));
        check("Police (102) can help", Some("102"));
        check("Ring +976 7011 1234 today", Some("+976 7011 1234"));
        check("Call 7011-1234 now", Some("7011-1234"));
        check("the number 83042222.", Some("83042222"));
        check("112 is coming", Some("112"));
        check("Emergency numbers 101, 102, 103 and 105", Some("101"));
        check("the hotline 1903 (MGEC)", Some("1903"));
        check("104 or 107", Some("104"));
        check("Дуудлага: 104.", Some("104"));
    }

    #[test]
    fn figures_dates_and_articles_are_not_phone_numbers() {
        check("49.6 million people in 2021", None);
        check("Articles 12.3 and 13.1 of the Criminal Code", None);
        check("between 2019-2022 and 2014–2016", None);
        check("27.6 million, 17.3 million and 3.9 million", None);
        check("Convention No. 181 and No. 29", None);
        check("1,000 students and 100 teachers", None);
        check("rose by 108% in", None);
        check("since 1 July 2022", None);
        check("a helpline since 2005 [@mlsp-108-child-helpline].", None);
        check("the mlsp-108-child-helpline source", None);
    }
}
