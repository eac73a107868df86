//! The document text as HTML with entity mentions and event triggers
//! wrapped in elements. Mentions may nest ("Bali" in "Bali Process") and,
//! rarely, cross; a crossing one is split into pieces that share its
//! `data-ent`, so every mention keeps one id however many elements it takes.

use std::collections::BTreeMap;

use crate::records::Record;

/// A span to wrap: `open` is the start tag, `close` the end tag.
struct Item {
    start: usize,
    end: usize,
    open: String,
    close: &'static str,
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn items(r: &Record) -> Vec<Item> {
    let actor_name = |id: Option<&str>| {
        id.and_then(|i| r.actors.iter().find(|a| a.id == i))
            .map(|a| format!(" · {}", a.name))
            .unwrap_or_default()
    };
    let mut out: Vec<Item> = r
        .entities
        .iter()
        .filter(|e| e.start < e.end)
        .map(|e| Item {
            start: e.start,
            end: e.end,
            open: format!(
                "<span class=\"ent t-{}\" data-ent=\"{}\" title=\"{}{}\">",
                esc(&e.kind),
                esc(&e.id),
                esc(&e.kind),
                esc(&actor_name(e.actor.as_deref()))
            ),
            close: "</span>",
        })
        .collect();
    // One trigger element per span, naming every event it triggers.
    let mut triggers: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    for v in r.events.iter().filter(|v| v.start < v.end) {
        triggers.entry((v.start, v.end)).or_default().push(&v.id);
    }
    out.extend(triggers.into_iter().map(|((start, end), ids)| Item {
        start,
        end,
        open: format!("<mark class=\"trg\" data-ev=\"{}\">", esc(&ids.join(" "))),
        close: "</mark>",
    }));
    out
}

/// The text with every item wrapped, escaped; `chars` is the text's chars.
pub fn marked_text(r: &Record, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut items = items(r);
    items.retain(|i| i.end <= n);
    // Outer before inner: earlier start, then longer.
    items.sort_by_key(|i| (i.start, std::cmp::Reverse(i.end)));
    let mut cuts: Vec<usize> = items.iter().flat_map(|i| [i.start, i.end]).collect();
    cuts.extend([0, n]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&k| items[k].end > a);
        while next < items.len() && items[next].start <= a {
            if items[next].end > a {
                active.push(next);
            }
            next += 1;
        }
        // The elements this segment lies in, outer first.
        let mut want: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&k| items[k].end >= b)
            .collect();
        want.sort_by_key(|&k| (items[k].start, std::cmp::Reverse(items[k].end), k));
        let keep = open.iter().zip(&want).take_while(|(x, y)| x == y).count();
        while open.len() > keep {
            if let Some(k) = open.pop() {
                out.push_str(items[k].close);
            }
        }
        for &k in &want[keep..] {
            out.push_str(&items[k].open);
            open.push(k);
        }
        let segment: String = chars[a..b].iter().collect();
        out.push_str(&esc(&segment));
    }
    while let Some(k) = open.pop() {
        out.push_str(items[k].close);
    }
    out
}
