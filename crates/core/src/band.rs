//! The two age bands a class or a student learns in: 12–14 and 15–18.
//!
//! Lessons mark what is for the older band only (`:::older` parts, quiz items, scenario steps);
//! the younger band never sees it. The band is chosen once on a device (or set by a teacher's
//! link, `?band=12-14`) and kept with the student's other settings.

use std::fmt;
use std::str::FromStr;

/// An age band. Its written form (`12-14`, `15-18`) is what links, storage and lesson files use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgeBand {
    /// Ages 12 to 14.
    Younger,
    /// Ages 15 to 18.
    Older,
}

impl AgeBand {
    pub const ALL: [AgeBand; 2] = [AgeBand::Younger, AgeBand::Older];

    /// The written form: `12-14` or `15-18`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgeBand::Younger => "12-14",
            AgeBand::Older => "15-18",
        }
    }

    /// The youngest age in the band.
    pub fn min_age(self) -> u8 {
        match self {
            AgeBand::Younger => 12,
            AgeBand::Older => 15,
        }
    }

    /// The oldest age in the band.
    pub fn max_age(self) -> u8 {
        match self {
            AgeBand::Younger => 14,
            AgeBand::Older => 18,
        }
    }

    /// Whether students of this band may see something written for ages `min_age` and over.
    pub fn admits(self, min_age: u8) -> bool {
        self.max_age() >= min_age
    }
}

impl fmt::Display for AgeBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A band written any other way than `12-14` or `15-18`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownBand;

impl FromStr for AgeBand {
    type Err = UnknownBand;

    fn from_str(text: &str) -> Result<AgeBand, UnknownBand> {
        AgeBand::ALL.into_iter().find(|band| band.as_str() == text.trim()).ok_or(UnknownBand)
    }
}

/// Written as `12-14` / `15-18` in content files and storage.
impl serde::Serialize for AgeBand {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for AgeBand {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AgeBand, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(|_| serde::de::Error::custom("an age band is written 12-14 or 15-18"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_form_round_trips_and_nothing_else_parses() {
        for band in AgeBand::ALL {
            assert_eq!(band.as_str().parse::<AgeBand>(), Ok(band));
        }
        for text in ["", "12", "12–14", "15-17", "older", "12-14-"] {
            assert_eq!(text.parse::<AgeBand>(), Err(UnknownBand), "{text:?}");
        }
    }

    #[test]
    fn younger_band_is_not_admitted_to_content_for_15_and_over() {
        assert!(AgeBand::Younger.admits(12));
        assert!(!AgeBand::Younger.admits(15));
        assert!(AgeBand::Older.admits(12));
        assert!(AgeBand::Older.admits(15));
    }
}
