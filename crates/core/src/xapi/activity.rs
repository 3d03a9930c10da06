//! Activity ids: the one place that writes and reads them.
//!
//! `{site}/xapi/lessons/{lesson}/v{version}/quiz` is a lesson's quiz, and
//! `{site}/xapi/lessons/{lesson}/v{version}/quiz/{item}` one of its items. `{site}` is the
//! deployment's `[xapi] site_url`. The version is the lesson's, which is raised whenever the
//! meaning of the lesson or one of its items changes (`lessons/README.md`): an item's id and its
//! lesson's version together say exactly which question was asked, so results of a reworded
//! item are never pooled with the old one's.

use crate::content::ContentId;
use crate::deployment::SiteUrl;

/// A quiz, or one item of it, as named by an activity id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuizActivity {
    pub lesson: ContentId,
    pub version: u32,
    /// `None` for the quiz itself.
    pub item: Option<ContentId>,
}

impl QuizActivity {
    pub fn id(&self, site: &SiteUrl) -> String {
        let quiz = format!("{}/xapi/lessons/{}/v{}/quiz", site.as_str(), self.lesson, self.version);
        match &self.item {
            None => quiz,
            Some(item) => format!("{quiz}/{item}"),
        }
    }

    /// Reads an activity id written by [`QuizActivity::id`] for this site; `None` for anything
    /// else (another site's activities, or a store's other statements).
    pub fn parse(site: &SiteUrl, id: &str) -> Option<QuizActivity> {
        let rest = id.strip_prefix(site.as_str())?.strip_prefix("/xapi/lessons/")?;
        let mut parts = rest.split('/');
        let lesson = ContentId::parse(parts.next()?).ok()?;
        let version = parts.next()?.strip_prefix('v')?;
        // Written without leading zeros or a sign, so each version has exactly one id.
        if version.starts_with('0') || !version.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let version = version.parse().ok()?;
        if parts.next()? != "quiz" {
            return None;
        }
        let item = parts.next().map(ContentId::parse).transpose().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Some(QuizActivity { lesson, version, item })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteUrl {
        SiteUrl::parse("https://example.org/aware").unwrap()
    }

    fn quiz(item: Option<&str>) -> QuizActivity {
        QuizActivity {
            lesson: ContentId::parse("myths-and-facts").unwrap(),
            version: 3,
            item: item.map(|item| ContentId::parse(item).unwrap()),
        }
    }

    #[test]
    fn ids_name_the_site_lesson_version_and_item() {
        assert_eq!(quiz(None).id(&site()), "https://example.org/aware/xapi/lessons/myths-and-facts/v3/quiz");
        assert_eq!(
            quiz(Some("how-it-starts")).id(&site()),
            "https://example.org/aware/xapi/lessons/myths-and-facts/v3/quiz/how-it-starts"
        );
    }

    #[test]
    fn ids_read_back_and_nothing_else_does() {
        for activity in [quiz(None), quiz(Some("how-it-starts"))] {
            assert_eq!(QuizActivity::parse(&site(), &activity.id(&site())), Some(activity));
        }
        for other in [
            "https://example.org/other/xapi/lessons/myths-and-facts/v3/quiz",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v3",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v03/quiz",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v0/quiz",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v+3/quiz",
            "https://example.org/aware/xapi/lessons/myths-and-facts/3/quiz",
            "https://example.org/aware/xapi/lessons/Myths/v3/quiz",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v3/quiz/",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v3/quiz/a/b",
            "https://example.org/aware/xapi/lessons/myths-and-facts/v3/scenario",
            "http://adlnet.gov/expapi/activities/assessment",
        ] {
            assert_eq!(QuizActivity::parse(&site(), other), None, "{other}");
        }
    }
}
