//! Named formations of states (`models/formations.tsv`, format
//! `attache-formations/1`): JEF, Quad, G7, Troika … An actor the text names
//! by a formation's name is a group with the formation's members (dev
//! conventions: a formation without a secretariat of its own is one actor of
//! kind `group`, the source of what is issued in its name).

use std::collections::HashMap;

use crate::error::Error;

/// The embedded table.
pub const EMBEDDED: &str = include_str!("../../models/formations.tsv");

/// One formation.
#[derive(Debug, Clone, PartialEq)]
pub struct Formation {
    /// Stable id (`formation:jef`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Gazetteer ids of the members (`country:gbr`, `org:eu`).
    pub members: Vec<String>,
}

/// The formations, looked up by name or alias ignoring case.
#[derive(Debug, Clone, Default)]
pub struct Formations {
    rows: Vec<Formation>,
    by_name: HashMap<String, usize>,
}

fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace('\u{2019}', "'");
    lower
        .strip_prefix("the ")
        .map(str::to_string)
        .unwrap_or(lower)
}

impl Formations {
    /// The embedded table plus user files (`--dict`).
    pub fn with_user_files(files: &[(String, String)]) -> Result<Formations, Error> {
        let mut sources = vec![("formations.tsv", EMBEDDED)];
        sources.extend(files.iter().map(|(n, c)| (n.as_str(), c.as_str())));
        Formations::from_sources(&sources)
    }

    /// Parses (name, contents) sources in order; later rows with the same
    /// id replace earlier ones.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Formations, Error> {
        let mut out = Formations::default();
        for (file, text) in sources {
            let mut header_seen = false;
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let bad = |message: String| Error::Data {
                    file: file.to_string(),
                    line: n + 1,
                    message,
                };
                let fields: Vec<&str> = line.split('\t').collect();
                if !header_seen {
                    if fields.first() != Some(&"id") {
                        return Err(bad("expected the header row 'id\tname\t…'".into()));
                    }
                    header_seen = true;
                    continue;
                }
                if fields.len() != 5 {
                    return Err(bad(format!("expected 5 fields, found {}", fields.len())));
                }
                let split = |s: &str| -> Vec<String> {
                    s.split('|')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(str::to_string)
                        .collect()
                };
                let row = Formation {
                    id: fields[0].to_string(),
                    name: fields[1].to_string(),
                    aliases: split(fields[2]),
                    members: split(fields[3]),
                };
                if row.id.is_empty() || row.name.is_empty() || row.members.len() < 2 {
                    return Err(bad("a formation needs an id, a name and two members".into()));
                }
                out.add(row);
            }
        }
        Ok(out)
    }

    fn add(&mut self, row: Formation) {
        let at = match self.rows.iter().position(|r| r.id == row.id) {
            Some(i) => {
                self.rows[i] = row;
                i
            }
            None => {
                self.rows.push(row);
                self.rows.len() - 1
            }
        };
        let row = &self.rows[at];
        for name in std::iter::once(&row.name).chain(&row.aliases) {
            self.by_name.insert(key(name), at);
        }
    }

    /// The formation called `name` (ignoring case and a leading "the").
    pub fn lookup(&self, name: &str) -> Option<&Formation> {
        self.by_name.get(&key(name)).map(|&i| &self.rows[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_parses_and_names_resolve() {
        let f = Formations::with_user_files(&[]).unwrap();
        let jef = f.lookup("JEF").unwrap();
        assert_eq!(jef.name, "Joint Expeditionary Force");
        assert!(jef.members.contains(&"country:swe".to_string()));
        assert_eq!(f.lookup("the Quad").map(|q| q.members.len()), Some(4));
        assert!(f.lookup("Quadrangle").is_none());
    }

    #[test]
    fn a_user_row_adds_a_formation_and_bad_rows_are_errors() {
        let user = "# format: attache-formations/1\nid\tname\taliases\tmembers\tnote\nformation:x\tRiver Four\tR4\tcountry:aut|country:hun\t\n";
        let f = Formations::from_sources(&[("formations.tsv", EMBEDDED), ("u.tsv", user)]).unwrap();
        assert_eq!(f.lookup("r4").map(|x| x.id.as_str()), Some("formation:x"));
        let bad = "id\tname\taliases\tmembers\tnote\nformation:y\tSolo\t\tcountry:aut\t\n";
        assert!(Formations::from_sources(&[("b.tsv", bad)]).is_err());
    }
}
