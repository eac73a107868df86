//! User data files given with `--dict`, routed by their `# format:` line.

use std::path::Path;

use crate::dates::DateOrder;
use crate::error::Error;

/// User data files given with `--dict`, routed by their `# format:` line.
#[derive(Debug, Clone, Default)]
pub struct Dicts {
    pub(crate) boilerplate: Vec<(String, String)>,
    pub(crate) gazetteers: Vec<(String, String)>,
    /// Dated offices of known persons.
    pub(crate) offices: Vec<(String, String)>,
    pub(crate) dates: Vec<(String, String)>,
    pub(crate) agreements: Vec<(String, String)>,
    pub(crate) agreement_cues: Vec<(String, String)>,
    /// Day/month order of all-numeric dates when both parts are ≤ 12.
    pub date_order: DateOrder,
    pub(crate) titles: Vec<(String, String)>,
    pub(crate) words: Vec<(String, String)>,
    pub(crate) formations: Vec<(String, String)>,
    /// Event patterns, cues and CAMEO tables: (name, contents, format).
    pub(crate) events: Vec<(String, String, String)>,
}

impl Dicts {
    /// Reads data files; each must declare a known `# format:` in its header.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Dicts, Error> {
        let mut dicts = Dicts::default();
        for path in paths {
            let path = path.as_ref();
            let contents = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            let name = path.display().to_string();
            match declared_format(&contents) {
                Some("attache-boilerplate/1") => dicts.boilerplate.push((name, contents)),
                Some("attache-gazetteer/1") => dicts.gazetteers.push((name, contents)),
                Some("attache-offices/1") => dicts.offices.push((name, contents)),
                Some("attache-dates/1") => dicts.dates.push((name, contents)),
                Some("attache-agreements/1") => dicts.agreements.push((name, contents)),
                Some("attache-agreement-cues/1") => dicts.agreement_cues.push((name, contents)),
                Some("attache-titles/1") => dicts.titles.push((name, contents)),
                Some("attache-words/1") => dicts.words.push((name, contents)),
                Some("attache-formations/1") => dicts.formations.push((name, contents)),
                Some(
                    f
                    @ ("attache-cameo-plover/1" | "attache-triggers/1" | "attache-event-future/1"),
                ) => {
                    let f = f.to_string();
                    dicts.events.push((name, contents, f))
                }
                Some(other) => {
                    return Err(Error::Usage(format!(
                        "{name}: unsupported dictionary format {other:?} (supported: {})",
                        SUPPORTED_FORMATS.join(", ")
                    )))
                }
                None => {
                    return Err(Error::Usage(format!(
                        "{name}: no '# format: …' line in the header"
                    )))
                }
            }
        }
        Ok(dicts)
    }

    /// The same dictionaries with another numeric date order.
    pub fn with_date_order(mut self, order: DateOrder) -> Dicts {
        self.date_order = order;
        self
    }
}

pub(crate) fn named(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect()
}

/// The data formats `--dict` accepts.
// not a word list: format identifiers
pub const SUPPORTED_FORMATS: [&str; 12] = [
    "attache-boilerplate/1",
    "attache-gazetteer/1",
    "attache-offices/1",
    "attache-dates/1",
    "attache-agreements/1",
    "attache-agreement-cues/1",
    "attache-titles/1",
    "attache-words/1",
    "attache-formations/1",
    "attache-triggers/1",
    "attache-event-future/1",
    "attache-cameo-plover/1",
];

/// The value of the first `# format:` comment line.
pub(crate) fn declared_format(contents: &str) -> Option<&str> {
    contents
        .lines()
        .take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
        .find_map(|l| {
            l.trim_start()
                .trim_start_matches('#')
                .trim()
                .strip_prefix("format:")
        })
        .map(str::trim)
}
