//! The date grammar: recursive descent over tokens.
//!
//! At each token the grammar tries every rule and keeps the longest match;
//! matches never overlap and never cross a sentence boundary. The rules
//! (words come from [`DateLexicon`]):
//!
//! ```text
//! date      := [the] [approx] core
//! core      := range | point [, at time] | weekday | deictic | shifted
//!            | ago | duration | anniversary | vague | holiday
//!            | part point | [the] daypart of point | at time
//! point     := DAY [of] MONTH [,] [YEAR] | MONTH DAY [,] [YEAR]
//!            | MONTH [of] YEAR | MONTH (after in/since/by/early…) | YEAR
//!            | 2023-05-24 | 24.05.2023 | 24/05/2023 | 05/24/2023 | 1990s
//! range     := point SEP point | DAY SEP DAY MONTH [YEAR]
//!            | MONTH DAY SEP DAY [, YEAR] | YEAR/YY | 10-12 MONTH
//! SEP       := – | - | — | to | through | until | and (after "between")
//! weekday   := [last|next|this] WEEKDAY [, point]
//! deictic   := today | yesterday | tomorrow | the day before yesterday …
//! shifted   := SHIFT UNIT | SHIFT MONTH | the SHIFT UNIT (the past week)
//! ago       := NUM UNIT ago
//! duration  := NUM UNIT | NUM-UNIT[-long] | approx a UNIT
//! vague     := UNITS of | recent UNITS | the SHIFT [few] UNITS | several UNITS
//! ```
//!
//! Day/month order of all-numeric dates: a part over 12 decides; otherwise
//! the configured [`DateOrder`] (default day-month-year) does.

use crate::doc::TokenKind;

use super::lexicon::{DateLexicon, PhraseKind, Unit, Word};

/// Which numeric date order to assume when both parts are ≤ 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 05/04/2023 is 5 April 2023.
    #[default]
    Dmy,
    /// 05/04/2023 is May 4, 2023.
    Mdy,
}

/// A calendar point with the parts the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pt {
    /// Year.
    pub y: Option<i32>,
    /// Month.
    pub m: Option<u32>,
    /// Day.
    pub d: Option<u32>,
    /// Hour and minute.
    pub time: Option<(u32, u32)>,
    /// -1: the previous occurrence ("last May"), +1: the next, 0: by tense.
    pub dir: i64,
}

/// What a matched expression means, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// An absolute or partial calendar point.
    Point(Pt),
    /// A decade: 199 for the 1990s.
    Decade(i32),
    /// From one point to another.
    Range(Pt, Pt),
    /// Days from the document date (today 0).
    Deictic(i64),
    /// The unit containing the document date, shifted (last week -1).
    Shift(i64, Unit),
    /// A weekday: -1 last, +1 next, 0 this week, 2 by tense.
    Weekday(u32, i64),
    /// N units before the document date (coarse granularity).
    Ago(i64, Unit),
    /// Days from the previous date in the text ("the previous day").
    Anaphor(i64),
    /// A duration.
    Duration(u32, Unit),
    /// A clock time on the document date.
    Time(u32, u32),
    /// A DATE entity without a value.
    Vague,
}

/// A match: tokens `start..end` mean `expr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The meaning.
    pub expr: Expr,
}

/// Tokens as the grammar sees them.
pub struct View<'a> {
    /// Token texts.
    pub text: Vec<&'a str>,
    /// Lower-cased texts.
    pub lower: Vec<std::borrow::Cow<'a, str>>,
    /// Token kinds.
    pub kind: Vec<TokenKind>,
    /// Whether whitespace precedes each token.
    pub space: Vec<bool>,
}

/// The grammar, borrowing its lexicon.
pub struct Grammar<'l> {
    /// The words.
    pub lex: &'l DateLexicon,
    /// Numeric date order.
    pub order: DateOrder,
}

struct M {
    end: usize,
    expr: Expr,
}

const DASHES: [&str; 4] = ["-", "\u{2013}", "\u{2014}", "\u{2012}"];

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_dash(s: &str) -> bool {
    DASHES.contains(&s)
}

impl Grammar<'_> {
    /// All non-overlapping matches in tokens `range` (one sentence).
    pub fn scan(&self, v: &View, range: std::ops::Range<usize>, out: &mut Vec<Match>) {
        let mut i = range.start;
        while i < range.end {
            match self.at(v, i, range.start, range.end) {
                Some(m) if m.end > i => {
                    out.push(Match {
                        start: i,
                        end: m.end,
                        expr: m.expr,
                    });
                    i = m.end;
                }
                _ => i += 1,
            }
        }
    }

    fn lw<'v>(&self, v: &'v View, i: usize, lim: usize) -> &'v str {
        if i < lim {
            v.lower.get(i).map_or("", |c| c.as_ref())
        } else {
            ""
        }
    }

    fn capitalised(v: &View, i: usize) -> bool {
        v.text
            .get(i)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// The longest match starting at `i`.
    fn at(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        if v.kind[i] == TokenKind::Punct {
            return None;
        }
        let w = self.lw(v, i, lim);
        // Cheap filter: only tokens that can open a date.
        let opens = v.kind[i] == TokenKind::Number
            || w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || w.contains('-')
            || w == "the"
            || w == "at"
            || w == "a"
            || w == "an"
            || w == "recent"
            || w == "several"
            || w == "many"
            || !self.lex.lookup(w).is_empty()
            || self.lex.starts_phrase(w);
        if !opens {
            return None;
        }
        let mut best: Option<M> = None;
        let mut consider = |m: Option<M>| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.end > b.end) {
                    best = Some(m);
                }
            }
        };
        if w == "the" || w == "a" || w == "an" {
            // only worth trying when the next word can continue a date
            let nx = self.lw(v, i + 1, lim);
            let continues = nx.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || nx == "same"
                || nx.contains('-')
                || !self.lex.lookup(nx).is_empty();
            if !continues {
                return None;
            }
        }
        if w == "the" {
            consider(self.the_prefixed(v, i + 1, first, lim));
        } else {
            consider(self.core(v, i, first, lim));
        }
        let words: Vec<&str> = if self.lex.starts_phrase(w) {
            (i..(i + 3).min(lim)).map(|k| self.lw(v, k, lim)).collect()
        } else {
            Vec::new()
        };
        if let Some(n) = self.lex.phrase(&words, PhraseKind::Approx) {
            if let Some(m) = self.core(v, i + n, first, lim) {
                // "more than 5 months", but a hyphenated adjective keeps the
                // approximator outside: "more than [5-month-long] blockade"
                let adjective = m.end == i + n + 1 && self.lw(v, i + n, lim).contains('-');
                if matches!(m.expr, Expr::Duration(..) | Expr::Ago(..)) && !adjective {
                    consider(Some(m));
                }
            }
        }
        best
    }

    /// Expressions that keep a leading "the".
    fn the_prefixed(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        // the 30th anniversary, the centenary
        if let Some(m) = self.anniversary(v, i, lim) {
            return Some(m);
        }
        // the 1990s
        if let Some(m) = self.point(v, i, first, lim) {
            if matches!(m.expr, Expr::Decade(_)) {
                return Some(m);
            }
            // the 24th of May
            if self.lw(v, i + 1, lim) == "of" {
                return Some(m);
            }
        }
        self.the_day_relative(v, i, w, lim)
            .or_else(|| self.the_part_of(v, i, w, first, lim))
            .or_else(|| self.the_shifted(v, i, w, lim))
    }

    /// "the day before yesterday", "the day after", "the same day".
    fn the_day_relative(&self, v: &View, i: usize, w: &str, lim: usize) -> Option<M> {
        // the day before yesterday / the day after tomorrow / the previous day
        if w == "day" {
            let nx = self.lw(v, i + 1, lim);
            let nn = self.lw(v, i + 2, lim);
            if nx == "before" && nn == "yesterday" {
                return Some(M {
                    end: i + 3,
                    expr: Expr::Deictic(-2),
                });
            }
            if nx == "after" && nn == "tomorrow" {
                return Some(M {
                    end: i + 3,
                    expr: Expr::Deictic(2),
                });
            }
            // ("the day after the fighting ends", "the day before the
            // vote": a day next to an event, not to the last date named)
            if matches!(nx, "before" | "after")
                && nn.chars().next().is_some_and(char::is_alphabetic)
            {
                return None;
            }
            if nx == "before" {
                return Some(M {
                    end: i + 2,
                    expr: Expr::Anaphor(-1),
                });
            }
            if nx == "after" {
                return Some(M {
                    end: i + 2,
                    expr: Expr::Anaphor(1),
                });
            }
        }
        if w == "same" && self.lw(v, i + 1, lim) == "day" {
            return Some(M {
                end: i + 2,
                expr: Expr::Anaphor(0),
            });
        }
        None
    }

    /// "the night of 12 September", "the end of 2022", "the end of the year".
    fn the_part_of(&self, v: &View, i: usize, w: &str, first: usize, lim: usize) -> Option<M> {
        // the night of 12 September
        if self.lex.is(w, Word::Daypart) && self.lw(v, i + 1, lim) == "of" {
            if let Some(p) = self.point_or_range(v, i + 2, first, lim) {
                return Some(p);
            }
        }
        // the end of 2022, the beginning of May, the middle of next week
        if self.lex.is(w, Word::Part) && self.lw(v, i + 1, lim) == "of" {
            let k = if self.lw(v, i + 2, lim) == "the" {
                i + 3
            } else {
                i + 2
            };
            if let Some(m) = self.core(v, k, first, lim) {
                if matches!(m.expr, Expr::Point(_) | Expr::Shift(..)) {
                    return Some(m);
                }
            }
            // the end of the year / the month
            if k == i + 3 {
                if let Some((1, u)) = self.lex.find(self.lw(v, k, lim), unit_of) {
                    if matches!(u, Unit::Year | Unit::Month | Unit::Week) {
                        return Some(M {
                            end: k + 1,
                            expr: Expr::Shift(0, u),
                        });
                    }
                }
            }
        }
        None
    }

    /// "the previous day", "the past week", "the coming months", "the last 10 years".
    fn the_shifted(&self, v: &View, i: usize, w: &str, lim: usize) -> Option<M> {
        if let Some(shift) = self.lex.find(w, shift_of) {
            let nx = self.lw(v, i + 1, lim);
            // the previous day, the following day
            if nx == "day" && shift != 0 {
                return Some(M {
                    end: i + 2,
                    expr: Expr::Anaphor(shift),
                });
            }
            if let Some((mult, unit)) = self.lex.find(nx, unit_of) {
                if is_plural(nx) {
                    return Some(M {
                        end: i + 2,
                        expr: Expr::Vague,
                    });
                }
                let _ = mult;
                // the past week = the week up to now; the previous week = last week
                return Some(M {
                    end: i + 2,
                    expr: match w {
                        "past" | "last" => Expr::Duration(mult, unit),
                        _ => Expr::Shift(shift, unit),
                    },
                });
            }
            // the past few years, the last 10 years, the coming months
            if nx == "few" || nx == "several" {
                if let Some((_, _)) = self.lex.find(self.lw(v, i + 2, lim), unit_of) {
                    return Some(M {
                        end: i + 3,
                        expr: Expr::Vague,
                    });
                }
            }
            if let Some((n, k)) = self.number(v, i + 1, lim) {
                if let Some((mult, unit)) = self.lex.find(self.lw(v, k, lim), unit_of) {
                    return Some(M {
                        end: k + 1,
                        expr: Expr::Duration(n * mult, unit),
                    });
                }
            }
        }
        None
    }

    fn core(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        if i >= lim {
            return None;
        }
        let w = self.lw(v, i, lim);
        let mut best: Option<M> = None;
        let mut consider = |m: Option<M>| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.end > b.end) {
                    best = Some(m);
                }
            }
        };
        consider(self.point_or_range(v, i, first, lim));
        consider(self.weekday(v, i, first, lim));
        if let Some(off) = self.lex.find(w, |x| match x {
            Word::Deictic(o) => Some(o),
            _ => None,
        }) {
            consider(Some(M {
                end: i + 1,
                expr: Expr::Deictic(off),
            }));
        }
        consider(self.shifted(v, i, first, lim));
        consider(self.quantity(v, i, lim));
        consider(self.anniversary(v, i, lim));
        consider(self.vague(v, i, lim));
        consider(self.part(v, i, first, lim));
        consider(self.time(v, i, lim));
        best
    }

    /// A number: digits or spelled out ("twenty-five", "a" is not one).
    /// Returns the value and the next token.
    fn number(&self, v: &View, i: usize, lim: usize) -> Option<(u32, usize)> {
        let w = self.lw(v, i, lim);
        if let Some(n) = digits(w) {
            return Some((n, i + 1));
        }
        self.word_number(w).map(|n| (n, i + 1))
    }

    fn word_number(&self, w: &str) -> Option<u32> {
        let mut total = 0u32;
        let mut any = false;
        for part in w.split('-') {
            let n = self.lex.find(part, |x| match x {
                Word::Number(n) => Some(n),
                _ => None,
            })?;
            total = if n == 100 && total > 0 {
                total * 100
            } else {
                total + n
            };
            any = true;
        }
        any.then_some(total)
    }

    fn ordinal(&self, w: &str) -> Option<u32> {
        // 24th, 1st, 2nd, 3rd
        for suffix in ["st", "nd", "rd", "th"] {
            if let Some(num) = w.strip_suffix(suffix) {
                if let Some(n) = digits(num) {
                    return Some(n);
                }
            }
        }
        let mut total = 0u32;
        let parts: Vec<&str> = w.split('-').collect();
        for (k, part) in parts.iter().enumerate() {
            if k + 1 == parts.len() {
                total += self.lex.find(part, |x| match x {
                    Word::Ordinal(n) => Some(n),
                    _ => None,
                })?;
            } else {
                total += self.lex.find(part, |x| match x {
                    Word::Number(n) => Some(n),
                    _ => None,
                })?;
            }
        }
        Some(total)
    }

    fn day(&self, v: &View, i: usize, lim: usize) -> Option<u32> {
        let w = self.lw(v, i, lim);
        let d = if w.len() <= 2 { digits(w) } else { None }.or_else(|| self.ordinal(w))?;
        (1..=31).contains(&d).then_some(d)
    }

    fn month(&self, v: &View, i: usize, lim: usize) -> Option<u32> {
        if i >= lim || !Self::capitalised(v, i) {
            return None;
        }
        self.lex.find(self.lw(v, i, lim), |x| match x {
            Word::Month(m) => Some(m),
            _ => None,
        })
    }

    fn year(&self, v: &View, i: usize, lim: usize) -> Option<i32> {
        let w = self.lw(v, i, lim);
        if w.len() != 4 {
            return None;
        }
        let y = digits(w)? as i32;
        (1000..=2999).contains(&y).then_some(y)
    }

    /// A point or a range starting at `i`.
    fn point_or_range(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        // between X and Y / from X to Y: the preposition stays outside.
        let _ = w;
        let a = self.point(v, i, first, lim);
        // DAY SEP DAY MONTH [YEAR] (10–12 May 2023, 10 to 12 May)
        if let Some(d1) = self.day(v, i, lim) {
            let s = self.lw(v, i + 1, lim);
            let between = i > first && self.lw(v, i - 1, lim) == "between";
            if (is_dash(s) || s == "to" || s == "through" || (between && s == "and"))
                && self.month(v, i + 1, lim).is_none()
            {
                if let Some(b) = self.point(v, i + 2, first, lim) {
                    if let Expr::Point(pb) = b.expr {
                        if pb.d.is_some()
                            && pb.m.is_some()
                            && a.as_ref().is_none_or(|a| a.end <= i + 1)
                        {
                            let pa = Pt { d: Some(d1), ..pb };
                            return Some(M {
                                end: b.end,
                                expr: Expr::Range(pa, pb),
                            });
                        }
                    }
                }
            }
        }
        let a = a?;
        let Expr::Point(pa) = a.expr else {
            return Some(a);
        };
        // POINT SEP POINT
        let s = self.lw(v, a.end, lim);
        let between = i > first && self.lw(v, i - 1, lim) == "between";
        let from = i > first && self.lw(v, i - 1, lim) == "from";
        let sep_ok = is_dash(s)
            || (between && s == "and")
            || ((from || pa.y.is_some() && pa.m.is_none())
                && matches!(s, "to" | "until" | "till" | "through"));
        if sep_ok {
            if let Some(b) = self.point(v, a.end + 1, first, lim) {
                if let Expr::Point(pb) = b.expr {
                    let mut pa2 = pa;
                    let same_shape = pa.d.is_some() == pb.d.is_some() || pb.d.is_some();
                    if pa2.y.is_none() {
                        pa2.y = pb.y;
                    }
                    if pa2.m.is_none() && pa.d.is_some() {
                        pa2.m = pb.m;
                    }
                    if same_shape && pa.time.is_none() {
                        return Some(M {
                            end: b.end,
                            expr: Expr::Range(pa2, pb),
                        });
                    }
                }
            }
        }
        Some(a)
    }

    /// A single point, with an optional time ("24 May 2023 at 10:00", and
    /// in datelines "13 September 2024, 14:20").
    fn point(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        let mut m = self.bare_point(v, i, first, lim)?;
        if let Expr::Point(mut p) = m.expr {
            if p.d.is_some() {
                let mut k = m.end;
                if self.lw(v, k, lim) == "," {
                    k += 1;
                }
                // Only "at" joins a time to the date: a clock time on its own
                // ("13 September 2024, 14:20") is a time of day, which the
                // record does not annotate; the dateline finder skips it.
                if self.lw(v, k, lim) == "at" {
                    if let Some(t) = self.clock_time(v, k, lim, true) {
                        if let Expr::Time(h, mi) = t.expr {
                            p.time = Some((h, mi));
                            m = M {
                                end: t.end,
                                expr: Expr::Point(p),
                            };
                        }
                    }
                }
            }
        }
        Some(m)
    }

    fn bare_point(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        if i >= lim {
            return None;
        }
        let w = self.lw(v, i, lim);
        if let Some(m) = self.numeric(v, i, lim) {
            return Some(m);
        }
        // DAY [of] MONTH [,] [YEAR]
        if let Some(d) = self.day(v, i, lim) {
            let mut k = i + 1;
            if self.lw(v, k, lim) == "of" {
                k += 1;
            }
            if let Some(mo) = self.month(v, k, lim) {
                return Some(self.day_point(v, mo, d, k + 1, lim));
            }
        }
        // MONTH ...
        if let Some(mo) = self.month(v, i, lim) {
            // MONTH DAY [,] [YEAR]  /  MONTH DAY SEP DAY [, YEAR]
            if let Some(d) = self.day(v, i + 1, lim) {
                let next = self.lw(v, i + 2, lim);
                if next != ":" && next != "."
                    || !v.space.get(i + 2).copied().unwrap_or(true) && next == "."
                {
                    let s = next;
                    if (is_dash(s) || s == "to" || s == "and")
                        && self.day(v, i + 3, lim).is_some()
                        && self.month(v, i + 4, lim).is_none()
                    {
                        let d2 = self.day(v, i + 3, lim).unwrap_or(d);
                        if d2 > d {
                            return Some(self.day_range(v, mo, (d, d2), i + 4, lim));
                        }
                    }
                    return Some(self.day_point(v, mo, d, i + 2, lim));
                }
            }
            // MONTH 10-12 [, YEAR]
            if let Some(days) = self.day_pair(self.lw(v, i + 1, lim)) {
                return Some(self.day_range(v, mo, days, i + 2, lim));
            }
            // MONTH [of|,] YEAR
            let mut k = i + 1;
            if matches!(self.lw(v, k, lim), "of" | ",") {
                k += 1;
            }
            if let Some(y) = self.year(v, k, lim) {
                return Some(M {
                    end: k + 1,
                    expr: Expr::Point(Pt {
                        y: Some(y),
                        m: Some(mo),
                        ..Pt::default()
                    }),
                });
            }
            // a bare month after a cue word
            let prev = if i > first {
                self.lw(v, i - 1, lim)
            } else {
                ""
            };
            let is_may = w == "may" || w == "march";
            if self.lex.is_month_cue(prev) && !(is_may && matches!(prev, "and" | "or" | "to")) {
                return Some(M {
                    end: i + 1,
                    expr: Expr::Point(Pt {
                        m: Some(mo),
                        ..Pt::default()
                    }),
                });
            }
        }
        // 10-12 MONTH [YEAR]
        if let Some(days) = self.day_pair(w) {
            if let Some(mo) = self.month(v, i + 1, lim) {
                return Some(self.day_range(v, mo, days, i + 2, lim));
            }
        }
        // YEAR
        if let Some(y) = self.year(v, i, lim) {
            if self.bare_year_ok(v, i, first, lim, y) {
                return Some(M {
                    end: i + 1,
                    expr: Expr::Point(Pt {
                        y: Some(y),
                        ..Pt::default()
                    }),
                });
            }
        }
        None
    }

    fn bare_year_ok(&self, v: &View, i: usize, first: usize, lim: usize, y: i32) -> bool {
        if !(1800..=2199).contains(&y) || v.kind[i] != TokenKind::Number {
            return false;
        }
        if i > first && self.lex.is(self.lw(v, i - 1, lim), Word::Label) {
            return false;
        }
        let next = self.lw(v, i + 1, lim);
        if self.lex.is(next, Word::Counted) || next == "%" {
            return false;
        }
        true
    }

    /// "10-12" as two days.
    fn day_pair(&self, w: &str) -> Option<(u32, u32)> {
        let (a, b) = w.split_once('-')?;
        let (a, b) = (digits(a)?, digits(b)?);
        (a.to_string().len() <= 2 && (1..=31).contains(&a) && (1..=31).contains(&b) && a < b)
            .then_some((a, b))
    }

    /// An optional ", YEAR" or " YEAR" after a day and month.
    /// Days `d1`–`d2` of month `mo`, with an optional year at token `k`.
    /// Day `d` of month `mo`, with the year that may follow at `k`.
    fn day_point(&self, v: &View, mo: u32, d: u32, k: usize, lim: usize) -> M {
        let (y, end) = self.opt_year(v, k, lim);
        M {
            end,
            expr: Expr::Point(Pt {
                y,
                m: Some(mo),
                d: Some(d),
                ..Pt::default()
            }),
        }
    }

    fn day_range(&self, v: &View, mo: u32, (d1, d2): (u32, u32), k: usize, lim: usize) -> M {
        let (y, end) = self.opt_year(v, k, lim);
        let start = Pt {
            y,
            m: Some(mo),
            d: Some(d1),
            ..Pt::default()
        };
        M {
            end,
            expr: Expr::Range(
                start,
                Pt {
                    d: Some(d2),
                    ..start
                },
            ),
        }
    }

    fn opt_year(&self, v: &View, k: usize, lim: usize) -> (Option<i32>, usize) {
        if let Some(y) = self.year(v, k, lim) {
            return (Some(y), k + 1);
        }
        if self.lw(v, k, lim) == "," {
            if let Some(y) = self.year(v, k + 1, lim) {
                return (Some(y), k + 2);
            }
        }
        (None, k)
    }

    /// Single-token numeric forms.
    fn numeric(&self, v: &View, i: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        if !w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return self.part_prefixed(v, i, w, lim);
        }
        // 1990s
        if let Some(dec) = w.strip_suffix('s').and_then(digits) {
            if w.len() == 5 && dec % 10 == 0 && (1000..=2990).contains(&dec) {
                return Some(M {
                    end: i + 1,
                    expr: Expr::Decade(dec as i32 / 10),
                });
            }
        }
        // Only one separator can split a word of digits into digit parts.
        ['-', '.', '/']
            .into_iter()
            .find_map(|sep| self.separated(w, sep, i))
    }

    /// "mid-2022", "mid-May".
    fn part_prefixed(&self, v: &View, i: usize, w: &str, lim: usize) -> Option<M> {
        // mid-2022, mid-May
        if let Some((head, rest)) = w.split_once('-') {
            if self.lex.is(head, Word::Part) {
                if let Some(y) = digits(rest).filter(|y| (1000..=2999).contains(y)) {
                    return Some(M {
                        end: i + 1,
                        expr: Expr::Point(Pt {
                            y: Some(y as i32),
                            ..Pt::default()
                        }),
                    });
                }
                if let Some(mo) = self.lex.find(rest, |x| match x {
                    Word::Month(m) => Some(m),
                    _ => None,
                }) {
                    let (y, end) = self.opt_year(v, i + 1, lim);
                    return Some(M {
                        end,
                        expr: Expr::Point(Pt {
                            y,
                            m: Some(mo),
                            ..Pt::default()
                        }),
                    });
                }
            }
        }
        None
    }

    /// A word of digits split by `sep`: "2023-05-24", "2020-2022", "1997/98",
    /// "24.05.2023".
    fn separated(&self, w: &str, sep: char, i: usize) -> Option<M> {
        let parts: Vec<&str> = w.split(sep).collect();
        if parts.len() < 2 || parts.iter().any(|p| digits(p).is_none()) {
            return None;
        }
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        let n: Vec<u32> = parts.iter().filter_map(|p| digits(p)).collect();
        match lens.as_slice() {
            // 2023-05-24
            [4, 2, 2] if sep == '-' => {
                let p = Pt {
                    y: Some(n[0] as i32),
                    m: Some(n[1]),
                    d: Some(n[2]),
                    ..Pt::default()
                };
                return valid(p).then_some(M {
                    end: i + 1,
                    expr: Expr::Point(p),
                });
            }
            // 2020-2022, 1997/1998
            [4, 4] if sep != '.' && n[1] > n[0] && n[1] - n[0] <= 100 => {
                let a = Pt {
                    y: Some(n[0] as i32),
                    ..Pt::default()
                };
                let b = Pt {
                    y: Some(n[1] as i32),
                    ..Pt::default()
                };
                return Some(M {
                    end: i + 1,
                    expr: Expr::Range(a, b),
                });
            }
            // 2023-05 or 1997/98, 2020-21
            [4, 2] if sep != '.' => {
                let century = n[0] / 100 * 100;
                if sep == '-' && (1..=12).contains(&n[1]) {
                    let p = Pt {
                        y: Some(n[0] as i32),
                        m: Some(n[1]),
                        ..Pt::default()
                    };
                    return Some(M {
                        end: i + 1,
                        expr: Expr::Point(p),
                    });
                }
                let end_year = century + n[1];
                if end_year == n[0] + 1 || (n[0] % 100 == 99 && n[1] == 0) {
                    let a = Pt {
                        y: Some(n[0] as i32),
                        ..Pt::default()
                    };
                    let b = Pt {
                        y: Some((n[0] + 1) as i32),
                        ..Pt::default()
                    };
                    return Some(M {
                        end: i + 1,
                        expr: Expr::Range(a, b),
                    });
                }
            }
            // 24.05.2023, 05/24/2023, 24-05-2023, 24.05.23
            [1 | 2, 1 | 2, 4] | [1 | 2, 1 | 2, 2] if sep != '-' || lens[2] == 4 => {
                let y = if lens[2] == 4 {
                    n[2] as i32
                } else if n[2] < 50 {
                    2000 + n[2] as i32
                } else {
                    1900 + n[2] as i32
                };
                // a part over 12 is the day; otherwise the configured order
                let month_first = n[0] <= 12 && (n[1] > 12 || self.order == DateOrder::Mdy);
                let (d, m) = if month_first {
                    (n[1], n[0])
                } else {
                    (n[0], n[1])
                };
                let p = Pt {
                    y: Some(y),
                    m: Some(m),
                    d: Some(d),
                    ..Pt::default()
                };
                return valid(p).then_some(M {
                    end: i + 1,
                    expr: Expr::Point(p),
                });
            }
            _ => {}
        }
        None
    }

    fn weekday(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        let (dir, k) = match self.lex.find(w, shift_of) {
            Some(s) if w != "past" && w != "coming" => (s, i + 1),
            _ => (2, i),
        };
        if !Self::capitalised(v, k) {
            return None;
        }
        let wd = self.lex.find(self.lw(v, k, lim), |x| match x {
            Word::Weekday(d) => Some(d),
            _ => None,
        })?;
        // Monday, 24 May 2023: the explicit date wins, span from the weekday.
        let mut j = k + 1;
        if self.lw(v, j, lim) == "," {
            j += 1;
        }
        if let Some(m) = self.point_or_range(v, j, first, lim) {
            if let Expr::Point(p) = m.expr {
                if p.d.is_some() {
                    return Some(M {
                        end: m.end,
                        expr: m.expr,
                    });
                }
            }
        }
        Some(M {
            end: k + 1,
            expr: Expr::Weekday(wd, dir),
        })
    }

    fn shifted(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        let shift = self.lex.find(w, shift_of)?;
        if w == "past" || w == "coming" || w == "following" || w == "previous" || w == "preceding" {
            // these need "the" (handled there)
            return None;
        }
        let nx = self.lw(v, i + 1, lim);
        if let Some((1, unit)) = self.lex.find(nx, unit_of) {
            if !is_plural(nx) && unit != Unit::Hour && unit != Unit::Day {
                return Some(M {
                    end: i + 2,
                    expr: Expr::Shift(shift, unit),
                });
            }
        }
        // last May, next March
        if let Some(mo) = self.month(v, i + 1, lim) {
            if shift != 0 || w == "this" {
                let _ = first;
                return Some(M {
                    end: i + 2,
                    expr: Expr::Point(Pt {
                        m: Some(mo),
                        dir: shift,
                        ..Pt::default()
                    }),
                });
            }
        }
        None
    }

    /// "N units ago", "N units", "44-day", "five-month-long", "a decade".
    fn quantity(&self, v: &View, i: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        // hyphenated: 44-day, five-month-long, twenty-five-year
        if w.contains('-') {
            let mut parts: Vec<&str> = w.split('-').collect();
            if parts.last() == Some(&"long") {
                parts.pop();
            }
            if parts.len() >= 2 {
                let unit_word = parts[parts.len() - 1];
                if let Some((mult, unit)) = self.lex.find(unit_word, unit_of) {
                    if !is_plural(unit_word) || unit_word == "days" {
                        let num = parts[..parts.len() - 1].join("-");
                        let n = digits(&num).or_else(|| self.word_number(&num));
                        if let Some(n) = n.filter(|n| *n > 0) {
                            if self.lw(v, i + 1, lim) != "old" {
                                return Some(M {
                                    end: i + 1,
                                    expr: Expr::Duration(n * mult, unit),
                                });
                            }
                        }
                    }
                }
            }
            return None;
        }
        let (n, k) = match self.number(v, i, lim) {
            Some(x) => x,
            None if w == "a" || w == "an" => (1, i + 1),
            None => return None,
        };
        let uw = self.lw(v, k, lim);
        let (mult, unit) = self.lex.find(uw, unit_of)?;
        if n == 0 || self.lw(v, k + 1, lim) == "-" || self.lw(v, k + 1, lim) == "old" {
            return None;
        }
        if self.lw(v, k + 1, lim) == "ago" {
            return Some(M {
                end: k + 2,
                expr: Expr::Ago(i64::from(n * mult), unit),
            });
        }
        let spelled_a = w == "a" || w == "an";
        // "one day" is an idiom; "a week" a frequency: only decades and
        // centuries count with "a" (after an approximator they all do, see `at`).
        if spelled_a && mult == 1 {
            return Some(M {
                end: k + 1,
                expr: Expr::Duration(mult, unit),
            })
            .filter(|_| {
                i > 0 && {
                    let p = self.lw(v, i - 1, lim);
                    self.lex.phrase(&[p], PhraseKind::Approx).is_some()
                        || matches!(p, "than" | "over" | "least")
                }
            });
        }
        if w == "one" && unit == Unit::Day {
            return None;
        }
        Some(M {
            end: k + 1,
            expr: Expr::Duration(n * mult, unit),
        })
    }

    fn anniversary(&self, v: &View, i: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        if let Some(per) = self.lex.find(w, |x| match x {
            Word::Anniversary(n) if n > 1 => Some(n),
            _ => None,
        }) {
            return Some(M {
                end: i + 1,
                expr: Expr::Duration(per, Unit::Year),
            });
        }
        let n = self.ordinal(w)?;
        let per = self.lex.find(self.lw(v, i + 1, lim), |x| match x {
            Word::Anniversary(n) => Some(n),
            _ => None,
        })?;
        (n > 0).then_some(M {
            end: i + 2,
            expr: Expr::Duration(n * per, Unit::Year),
        })
    }

    fn vague(&self, v: &View, i: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        let is_vague_unit = |k: usize| {
            self.lex
                .lookup(self.lw(v, k, lim))
                .iter()
                .any(|x| matches!(x, Word::Vague(..)))
        };
        // weeks of delays
        if is_vague_unit(i)
            && self.lw(v, i + 1, lim) == "of"
            && (i == 0 || self.number(v, i - 1, lim).is_none())
        {
            return Some(M {
                end: i + 1,
                expr: Expr::Vague,
            });
        }
        // recent weeks, several years, many decades
        if matches!(w, "recent" | "several" | "many") && is_vague_unit(i + 1) {
            return Some(M {
                end: i + 2,
                expr: Expr::Vague,
            });
        }
        // holidays
        if Self::capitalised(v, i) && self.lex.starts_phrase(w) {
            let words: Vec<&str> = (i..(i + 4).min(lim)).map(|k| self.lw(v, k, lim)).collect();
            if let Some(n) = self.lex.phrase(&words, PhraseKind::Holiday) {
                // "Christmas Island", "Independence Day Parade": part of a name
                if Self::capitalised(v, i + n) && i + n < lim {
                    return None;
                }
                return Some(M {
                    end: i + n,
                    expr: Expr::Vague,
                });
            }
        }
        None
    }

    /// early March, mid-2022 (as words), late 2021, end of May.
    fn part(&self, v: &View, i: usize, first: usize, lim: usize) -> Option<M> {
        let w = self.lw(v, i, lim);
        if !self.lex.is(w, Word::Part) || matches!(w, "end" | "start" | "beginning" | "middle") {
            return None;
        }
        let mut k = i + 1;
        if self.lw(v, k, lim) == "-" {
            k += 1;
        }
        let m = self
            .point(v, k, first, lim)
            .or_else(|| self.shifted(v, k, first, lim))?;
        match m.expr {
            Expr::Point(p) if p.d.is_none() => Some(m),
            Expr::Shift(..) => Some(m),
            _ => None,
        }
    }

    /// at 10:00 [a.m.] [local time]
    fn time(&self, v: &View, i: usize, lim: usize) -> Option<M> {
        if self.lw(v, i, lim) != "at" {
            return None;
        }
        self.clock_time(v, i, lim, true)
    }

    /// A clock time at token `i`, after "at" when `at` (then `i` is "at").
    fn clock_time(&self, v: &View, i: usize, lim: usize, at: bool) -> Option<M> {
        let i = if at { i } else { i.checked_sub(1)? };
        let t = self.lw(v, i + 1, lim);
        let (h, mi) = match t.split_once(':') {
            Some((h, m)) => (digits(h)?, digits(m)?),
            None => (
                digits(t)
                    .filter(|_| matches!(self.lw(v, i + 2, lim), "a.m." | "p.m." | "am" | "pm"))?,
                0,
            ),
        };
        let mut end = i + 2;
        let mut h = h;
        match self.lw(v, end, lim) {
            "a.m." | "am" => {
                end += 1;
                if h == 12 {
                    h = 0;
                }
            }
            "p.m." | "pm" => {
                end += 1;
                if h < 12 {
                    h += 12;
                }
            }
            "hrs" | "hours" | "h" => end += 1,
            _ => {}
        }
        if self.lw(v, end, lim) == "local" && self.lw(v, end + 1, lim) == "time" {
            end += 2;
        }
        (h < 24 && mi < 60).then_some(M {
            end,
            expr: Expr::Time(h, mi),
        })
    }
}

/// `HH:MM`, as in "14:20".
pub(crate) fn is_clock(w: &str) -> bool {
    w.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().all(|b| b.is_ascii_digit())
            && m.bytes().all(|b| b.is_ascii_digit())
    })
}

fn valid(p: Pt) -> bool {
    match (p.y, p.m, p.d) {
        (Some(y), Some(m), Some(d)) => super::calendar::Ymd::new(y, m, d).is_some(),
        (_, Some(m), _) => (1..=12).contains(&m),
        _ => true,
    }
}

fn unit_of(w: Word) -> Option<(u32, Unit)> {
    match w {
        Word::Unit(m, u) => Some((m, u)),
        _ => None,
    }
}

fn shift_of(w: Word) -> Option<i64> {
    match w {
        Word::Shift(s) => Some(s),
        _ => None,
    }
}

fn is_plural(w: &str) -> bool {
    w.ends_with('s') || w == "centuries"
}
