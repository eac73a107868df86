//! One document's page: its text with mentions coloured by type, then its
//! events, dates, agreements and actors.

use std::fmt::Write as _;

use super::markup::{esc, marked_text};
use crate::records::Record;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("page.js");

/// The page of a record whose `doc.text` is present.
pub fn page(r: &Record, text: &str) -> String {
    let title = r.doc.title.as_deref().unwrap_or(&r.doc.id);
    let mut h = String::with_capacity(text.len() * 3 + 4096);
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n<header>\
         <a href=\"../index.html\">← all documents</a><h1>{}</h1>\
         <p class=\"meta\">{} · {} · {} · attache {}</p>{}</header>\n<main class=\"cols\">\
         <article id=\"text\">{}</article>\n<aside>",
        esc(title),
        esc(title),
        esc(&r.doc.id),
        esc(r.doc.date.as_deref().unwrap_or("no date")),
        esc(&r.doc.source),
        esc(&r.producer.attache),
        legend(r),
        marked_text(r, text),
    );
    events(&mut h, r);
    dates(&mut h, r);
    agreements(&mut h, r);
    actors(&mut h, r);
    let _ = write!(
        h,
        "</aside></main>\n<script>{SCRIPT}</script></body></html>\n"
    );
    h
}

/// The entity types on the page, each in its colour.
fn legend(r: &Record) -> String {
    let mut types: Vec<&str> = r.entities.iter().map(|e| e.kind.as_str()).collect();
    types.sort_unstable();
    types.dedup();
    let chips: String = types
        .iter()
        .map(|t| format!("<span class=\"t-{0}\">{0}</span>", esc(t)))
        .collect();
    format!("<div class=\"legend\">Entities: {chips}</div>")
}

fn actor(r: &Record, id: Option<&str>) -> String {
    match id.and_then(|i| r.actors.iter().find(|a| a.id == i)) {
        Some(a) => format!(
            "<span class=\"actor\" title=\"{} · {}\">{}</span>",
            esc(&a.kind),
            esc(&a.key),
            esc(&a.name)
        ),
        None => "<span class=\"actor none\">–</span>".to_string(),
    }
}

fn events(h: &mut String, r: &Record) {
    let _ = write!(
        h,
        "<h2>Events ({})</h2><ol class=\"events\">",
        r.events.len()
    );
    for v in &r.events {
        let date = match (&v.date_value, &v.date_provenance) {
            (Some(d), Some(p)) => {
                format!("<span class=\"tag date\">{} ({})</span>", esc(d), esc(p))
            }
            _ => String::new(),
        };
        let _ = write!(
            h,
            "<li class=\"event\" data-ev=\"{}\" tabindex=\"0\">{} → <b>{}</b> → {} \
             <span class=\"tag type\">{}</span><span class=\"tag\">{}</span>\
             <span class=\"tag\">{}</span>{date}</li>",
            esc(&v.id),
            actor(r, v.source.as_deref()),
            esc(&v.trigger),
            actor(r, v.target.as_deref()),
            esc(&v.kind),
            esc(&v.cameo),
            esc(&v.status),
        );
    }
    h.push_str("</ol>");
}

fn dates(h: &mut String, r: &Record) {
    let _ = write!(
        h,
        "<h2>Dates ({})</h2><table class=\"dates\"><tr><th>text</th><th>value</th><th>how</th></tr>",
        r.dates.len()
    );
    for d in &r.dates {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.text),
            esc(d.value.as_deref().unwrap_or("–")),
            esc(&d.resolved)
        );
    }
    h.push_str("</table>");
}

fn agreements(h: &mut String, r: &Record) {
    let _ = write!(
        h,
        "<h2>Agreements ({})</h2><ul class=\"agreements\">",
        r.agreements.len()
    );
    for g in &r.agreements {
        let parties: Vec<String> = g
            .parties
            .iter()
            .enumerate()
            .map(|(k, p)| match g.party_actors.get(k).cloned().flatten() {
                Some(id) => actor(r, Some(&id)),
                None => esc(p),
            })
            .collect();
        let issuer = match (&g.issuer_actor, &g.issuer) {
            (Some(id), _) => format!("; issued by {}", actor(r, Some(id))),
            (None, Some(n)) => format!("; issued by {}", esc(n)),
            _ => String::new(),
        };
        let _ = write!(
            h,
            "<li><b>{}</b> <span class=\"tag\">{}</span> {}{}{issuer}</li>",
            esc(&g.name),
            esc(&g.kind),
            esc(g.date.as_deref().unwrap_or("")),
            if parties.is_empty() {
                String::new()
            } else {
                format!("; parties: {}", parties.join(", "))
            },
        );
    }
    h.push_str("</ul>");
}

fn actors(h: &mut String, r: &Record) {
    let _ = write!(
        h,
        "<h2>Actors ({})</h2><table class=\"actors\"><tr><th>name</th><th>kind</th><th>key</th></tr>",
        r.actors.len()
    );
    for a in &r.actors {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&a.name),
            esc(&a.kind),
            esc(&a.key)
        );
    }
    h.push_str("</table>");
}
