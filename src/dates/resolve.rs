//! Resolution of matched expressions into TIMEX3 / ISO 8601 values.

use crate::doc::Resolution;

use super::calendar::{is_leap, Ymd};
use super::grammar::{Expr, Pt};
use super::lexicon::Unit;

/// The tense of a sentence, from its cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past-tense cues only.
    Past,
    /// Future-tense cues only.
    Future,
    /// Neither or both.
    Unknown,
}

/// What partial and relative expressions resolve against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchor {
    /// The document date.
    pub doc: Option<Ymd>,
    /// The latest fully specified date in the text.
    pub context: Option<Ymd>,
    /// The last day-level date before this mention (for "the next day").
    pub previous: Option<Ymd>,
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The value, `None` for vague or unresolvable deictic expressions.
    pub value: Option<String>,
    /// day | week | month | year | decade | time | duration | range.
    pub granularity: &'static str,
    /// How it was resolved.
    pub resolved: Resolution,
    /// The day it denotes, when it is one (an anchor for "the next day").
    pub day: Option<Ymd>,
    /// Whether it is vague.
    pub vague: bool,
}

/// The day of a fully specified point.
pub fn full(p: Pt) -> Option<Ymd> {
    Ymd::new(p.y?, p.m?, p.d?)
}

fn gran(p: &Pt) -> &'static str {
    if p.time.is_some() {
        "time"
    } else if p.d.is_some() {
        "day"
    } else if p.m.is_some() {
        "month"
    } else {
        "year"
    }
}

fn fmt(p: &Pt) -> String {
    let y = p.y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    let mut s = y;
    if let Some(m) = p.m {
        s.push_str(&format!("-{m:02}"));
        if let Some(d) = p.d {
            s.push_str(&format!("-{d:02}"));
            if let Some((h, mi)) = p.time {
                s.push_str(&format!("T{h:02}:{mi:02}"));
            }
        }
    }
    s
}

/// Which occurrence a point without a year means: -1 the previous, +1 the
/// next, 0 the nearest ("last May", else the sentence's tense).
fn direction(p: &Pt, tense: Tense) -> i64 {
    if p.dir != 0 {
        return p.dir;
    }
    match tense {
        Tense::Past => -1,
        Tense::Future => 1,
        Tense::Unknown => 0,
    }
}

/// Fills a missing year from `anchor`, by tense.
fn complete(p: Pt, anchor: Ymd, by_tense: bool, tense: Tense) -> Pt {
    if p.y.is_some() || p.m.is_none() {
        return p;
    }
    let m = p.m.unwrap_or(1);
    let key = |y: i32| (y, m, p.d.unwrap_or(if by_tense { 0 } else { 1 }));
    let a = (anchor.y, anchor.m, if p.d.is_some() { anchor.d } else { 0 });
    let dir = direction(&p, tense);
    let y = if !by_tense && p.dir == 0 {
        anchor.y
    } else {
        let same = key(anchor.y);
        match dir {
            // "last May": strictly before; a past-tense "24 May": not after
            -1 if p.dir != 0 && same >= a => anchor.y - 1,
            -1 if same > a => anchor.y - 1,
            1 if p.dir != 0 && same <= a => anchor.y + 1,
            1 if same < a => anchor.y + 1,
            0 => {
                // nearest occurrence
                let dist = |y: i32| {
                    let d = Ymd::new(y, m, p.d.unwrap_or(15).min(28))
                        .map_or(i64::MAX, |x| (x.day_number() - anchor.day_number()).abs());
                    (d, y)
                };
                [anchor.y - 1, anchor.y, anchor.y + 1]
                    .into_iter()
                    .min_by_key(|y| dist(*y))
                    .unwrap_or(anchor.y)
            }
            _ => anchor.y,
        }
    };
    Pt { y: Some(y), ..p }
}

fn point(p: Pt, anchor: &Anchor, tense: Tense) -> (Pt, Resolution) {
    if p.y.is_some() {
        return (real_day(p), Resolution::Explicit);
    }
    let dir = direction(&p, tense);
    let filled = |q: Pt| real_day(leap_year_towards(q, dir));
    if let Some(d) = anchor.doc {
        (filled(complete(p, d, true, tense)), Resolution::DocDate)
    } else if let Some(c) = anchor.context {
        (filled(complete(p, c, false, tense)), Resolution::Context)
    } else {
        (p, Resolution::Unresolved)
    }
}

/// A 29 February whose year was filled in from an anchor falls in the
/// nearest leap year in the direction of the tense (either way when none).
fn leap_year_towards(p: Pt, dir: i64) -> Pt {
    let (Some(y), Some(2), Some(29)) = (p.y, p.m, p.d) else {
        return p;
    };
    let found = (0..8).find_map(|k| {
        let back = (dir <= 0 && is_leap(y - k)).then_some(y - k);
        back.or((dir >= 0 && is_leap(y + k)).then_some(y + k))
    });
    Pt {
        y: found.or(Some(y)),
        ..p
    }
}

/// A day the calendar does not have ("31 April", "29 February 2019") keeps
/// only its month, so no impossible ISO date reaches the output.
fn real_day(p: Pt) -> Pt {
    match (p.y, p.m, p.d) {
        (Some(y), Some(m), Some(d)) if Ymd::new(y, m, d).is_none() => Pt {
            d: None,
            time: None,
            ..p
        },
        _ => p,
    }
}

/// Completes a range's missing years. A past range is one that had begun
/// by the anchor ("was visiting from 23 to 25 May", dated 24 May: this
/// year), so its start is completed by tense; otherwise its end is. The
/// other end takes the same year, or the one before or after when the
/// range crosses a new year ("28 December to 3 January").
fn range(a: Pt, b: Pt, anchor: &Anchor, tense: Tense) -> (Pt, Pt, Resolution) {
    let order = |p: &Pt| (p.m, p.d);
    let crosses_year = a.m.is_some() && b.m.is_some() && order(&a) > order(&b);
    if tense == Tense::Past && a.y.is_none() && b.y.is_none() {
        let start = Pt {
            m: a.m.or(b.m),
            ..a
        };
        let (start, how) = point(start, anchor, tense);
        if let Some(y) = start.y {
            let b2 = Pt {
                y: Some(if crosses_year { y + 1 } else { y }),
                ..b
            };
            return (Pt { y: Some(y), ..a }, b2, how);
        }
    }
    let (b2, how) = point(b, anchor, tense);
    let mut a2 = a;
    if a2.y.is_none() {
        a2.y = b2.y.map(|y| if crosses_year { y - 1 } else { y });
    }
    (a2, b2, how)
}

fn week(d: Ymd) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

fn ok(value: String, granularity: &'static str, resolved: Resolution) -> Resolved {
    Resolved {
        value: Some(value),
        granularity,
        resolved,
        day: None,
        vague: false,
    }
}

fn none(granularity: &'static str, vague: bool) -> Resolved {
    Resolved {
        value: None,
        granularity,
        resolved: Resolution::Unresolved,
        day: None,
        vague,
    }
}

/// Resolves `expr` in a sentence of tense `tense`.
pub fn resolve(expr: Expr, anchor: &Anchor, tense: Tense) -> Resolved {
    match expr {
        Expr::Point(p) => {
            let (p, how) = point(p, anchor, tense);
            let mut r = ok(fmt(&p), gran(&p), how);
            r.day = full(p);
            r
        }
        Expr::Decade(d) => ok(format!("{d:03}"), "decade", Resolution::Explicit),
        Expr::Range(a, b) => {
            let (a2, b2, how) = range(a, b, anchor, tense);
            let (a2, b2) = (real_day(a2), real_day(b2));
            ok(format!("{}/{}", fmt(&a2), fmt(&b2)), "range", how)
        }
        Expr::Duration(n, unit) => {
            let v = if unit == Unit::Hour {
                format!("PT{n}H")
            } else {
                format!("P{n}{}", unit.designator())
            };
            ok(v, "duration", Resolution::Explicit)
        }
        Expr::Vague => none("vague", true),
        Expr::Deictic(off) => match anchor.doc {
            Some(d) => day_value(d.add_days(off), Resolution::DocDate),
            None => none("day", false),
        },
        Expr::Anaphor(off) => match anchor.previous.or(anchor.doc) {
            Some(d) => {
                let how = if anchor.previous.is_some() {
                    Resolution::Context
                } else {
                    Resolution::DocDate
                };
                day_value(d.add_days(off), how)
            }
            None => none("day", false),
        },
        Expr::Shift(n, unit) => match anchor.doc {
            Some(d) => shifted(d, n, unit),
            None => none("vague", false),
        },
        Expr::Weekday(wd, dir) => match anchor.doc {
            Some(d) => day_value(
                d.add_days(weekday_offset(d, wd, dir, tense)),
                Resolution::DocDate,
            ),
            None => none("day", false),
        },
        Expr::Ago(n, unit) => match anchor.doc {
            Some(d) => ago(d, n, unit),
            None => none("vague", false),
        },
        Expr::Time(h, m) => match anchor.doc {
            Some(d) => ok(
                format!("{}T{h:02}:{m:02}", d.iso()),
                "time",
                Resolution::DocDate,
            ),
            None => ok(
                format!("XXXX-XX-XXT{h:02}:{m:02}"),
                "time",
                Resolution::Unresolved,
            ),
        },
    }
}

/// A day-level value that keeps its day (for later anaphors).
fn day_value(day: Ymd, how: Resolution) -> Resolved {
    let mut r = ok(day.iso(), "day", how);
    r.day = Some(day);
    r
}

/// "next month", "last year", "this week": the unit's period `n` steps from
/// the document date.
fn shifted(d: Ymd, n: i64, unit: Unit) -> Resolved {
    match unit {
        Unit::Week => ok(week(d.add_days(7 * n)), "week", Resolution::DocDate),
        Unit::Month => {
            let (y, m) = d.add_months(n);
            ok(format!("{y:04}-{m:02}"), "month", Resolution::DocDate)
        }
        Unit::Year => ok(
            format!("{:04}", i64::from(d.y) + n),
            "year",
            Resolution::DocDate,
        ),
        Unit::Day | Unit::Hour => ok(d.add_days(n).iso(), "day", Resolution::DocDate),
    }
}

/// Days from the document date to the weekday meant: `dir` -1 "last", 1
/// "next", 0 "this", anything else bare ("on Monday"), read by the tense.
fn weekday_offset(d: Ymd, wd: u32, dir: i64, tense: Tense) -> i64 {
    let cur = i64::from(d.weekday());
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7); // days back to the latest such weekday (0 = today)
    let fwd = (wd - cur).rem_euclid(7);
    match dir {
        -1 => -(if back == 0 { 7 } else { back }),
        1 => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        0 => wd - cur,
        _ => match tense {
            Tense::Future => fwd,
            Tense::Past => -back,
            Tense::Unknown => {
                if back <= fwd {
                    -back
                } else {
                    fwd
                }
            }
        },
    }
}

/// "three days ago", "two years ago": weeks and longer keep only the month
/// or year, since "two weeks ago" names no exact day.
fn ago(d: Ymd, n: i64, unit: Unit) -> Resolved {
    match unit {
        Unit::Day => ok(d.add_days(-n).iso(), "day", Resolution::DocDate),
        Unit::Hour => ok(d.iso(), "day", Resolution::DocDate),
        Unit::Week => {
            let day = d.add_days(-7 * n);
            ok(
                format!("{:04}-{:02}", day.y, day.m),
                "month",
                Resolution::DocDate,
            )
        }
        Unit::Month => {
            let (y, m) = d.add_months(-n);
            ok(format!("{y:04}-{m:02}"), "month", Resolution::DocDate)
        }
        Unit::Year => ok(
            format!("{:04}", i64::from(d.y) - n),
            "year",
            Resolution::DocDate,
        ),
    }
}
