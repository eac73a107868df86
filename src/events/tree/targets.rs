//! Targets (and one source) the row's slots miss or mistake: the subject
//! of a request's "for … to" infinitive ("called for Mordor to withdraw":
//! Mordor is the one asked), a town that only locates the slot's phrase
//! ("met with policymakers in Minas Tirith" names no partner), and the
//! official who states a possessor's act ("Hurin underscored Gondor's
//! support for Arnor": Hurin speaks, dev README "in a readout, the named
//! official is the person"); prepositions the parser hung away from their
//! phrase, the recipient an aid verb is provided "with" something for,
//! and what an act that "hits" or "reaches" is done to.

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// How deep into a slot's phrase a locating town is looked for.
const LOCATED_DEPTH: usize = 5;

impl Args<'_> {
    /// The one a request asks through "for NP to VP", the infinitive's
    /// own subject ("called for Mordor to end the siege", "the call for
    /// Mordor to withdraw"): a "for" phrase headed by an actor, with an
    /// infinitive after it on the trigger or on the phrase.
    pub(super) fn infinitive_subject(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        if !row.flags.req {
            return Vec::new();
        }
        let tree = self.tree;
        let infinitive = |c: usize| {
            matches!(tree.deprel(c), "xcomp" | "advcl" | "acl")
                && tree.upos(c) == "VERB"
                && tree.case_of(c) == Some("to")
        };
        for n in self.nodes(t, &Rel::Prep("for".to_string())) {
            let after = tree.children(t).iter().any(|&c| c > n && infinitive(c))
                || tree.children(n).iter().any(|&c| infinitive(c));
            if !after {
                continue;
            }
            // (the phrase's head is the actor, not one deep in it: "called
            // for the release of Hurin to be …" asks no one)
            let found = self.actors.at(n);
            if !found.is_empty() {
                return self.actors_at(n);
            }
        }
        Vec::new()
    }

    /// The object of an aid verb whose "with" phrase names what is given,
    /// no actor: the recipient ("provided Dale with weapons", "supplied
    /// the Dalish army with fuel").
    pub(super) fn supplied_object(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        if row.kind != PloverType::Aid || row.pos != TriggerPos::Verb {
            return Vec::new();
        }
        let given = tree.children(t).iter().any(|&c| {
            tree.rel(c) == "obl" && tree.case_of(c) == Some("with") && self.actors_at(c).is_empty()
        });
        if !given {
            return Vec::new();
        }
        self.by_rels(t, &[Rel::Obj])
    }

    /// The preposition of a name the parser split from its phrase: hung on
    /// the name's first word ("a call with Amir Sheikh Tamim", "with"
    /// under "Amir", a compound of "Tamim"), or on a bare title just
    /// before it that the name follows as a second phrase ("with Amir |
    /// Tamim Al-Thani"): the name's own.
    pub(super) fn leading_case(&self, c: usize) -> Option<&str> {
        let tree = self.tree;
        let first = tree
            .children(c)
            .iter()
            .copied()
            .filter(|&d| d < c)
            .min()
            .unwrap_or(c);
        let on_first = tree.children_rel(first, "case").next();
        if matches!(tree.deprel(first), "compound" | "nmod:desc" | "flat") && on_first.is_some() {
            return on_first.map(|k| tree.lemma(k));
        }
        let title = first.checked_sub(1)?;
        let bare = tree
            .children(title)
            .iter()
            .all(|&d| d < title && tree.rel(d) == "case");
        let is_title = self
            .classes
            .has_ignore_ascii_case(WordClass::RoleWord, tree.lemma(title));
        let sibling = tree.head(title) == tree.head(c) && matches!(tree.rel(title), "obl" | "nmod");
        if bare && is_title && sibling && self.actors.at(title).is_empty() {
            return tree.case_of(title);
        }
        None
    }

    /// Whether `c` is the object of a preposition `p` the parser read as
    /// the trigger's particle ("concerned over Khand's tariffs" with
    /// "over" a particle and "tariffs" a bare oblique after it).
    pub(super) fn particle_object(&self, t: usize, c: usize, p: &str) -> bool {
        let tree = self.tree;
        let particle = tree
            .children_rel(t, "compound")
            .find(|&d| tree.deprel(d) == "compound:prt" && tree.lemma(d) == p);
        particle.is_some_and(|d| d < c) && tree.rel(c) == "obl" && tree.case_of(c).is_none()
    }

    /// What an act named as the subject of a verb of reaching is done to:
    /// that verb's object ("a drone strike by Mordor hit a convoy of the
    /// Council", "aid from Lindon reached Umbar"), or the state of the
    /// place it names.
    pub(super) fn reached_by(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        if row.pos != TriggerPos::Noun || tree.deprel(t) != "nsubj" {
            return Vec::new();
        }
        let Some(v) = tree.head(t) else {
            return Vec::new();
        };
        // (the verbs whose subject arrives at their object)
        let reaching = matches!(tree.lemma(v), "hit" | "strike" | "reach" | "target");
        if !reaching || tree.upos(v) != "VERB" {
            return Vec::new();
        }
        for o in self.nodes(v, &Rel::Obj) {
            let found = self.actors_at(o);
            if !found.is_empty() {
                return found;
            }
            if let Some(s) = self.actors.place_state(o) {
                return vec![s];
            }
        }
        Vec::new()
    }

    /// The one who holds off an attack: the subject of a defending verb
    /// whose "against" phrase, or whose object, the attack noun is
    /// ("Arnor defends itself against Mordor's aggression", "Dale repelled
    /// Rhun's attack": Arnor, Dale).
    pub(super) fn defender(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        if row.kind != PloverType::Assault || row.pos != TriggerPos::Noun {
            return Vec::new();
        }
        let Some(v) = tree.head(t) else {
            return Vec::new();
        };
        let held_off =
            tree.rel(t) == "obl" && tree.case_of(t) == Some("against") || tree.deprel(t) == "obj";
        let defending = tree.upos(v) == "VERB"
            && self
                .classes
                .has_ignore_ascii_case(WordClass::TargetDefendingVerb, tree.lemma(v));
        if !held_off || !defending {
            return Vec::new();
        }
        // (one protected against the attack is its target: "shield
        // civilians against attacks"; not the attack as the object; and
        // only a named one: a pronoun ("as it defends itself") and the
        // subject of an infinitive of purpose ("equipment to defend
        // against …") too often resolve to the wrong side)
        let named = |rel: Rel| {
            self.nodes(v, &rel)
                .into_iter()
                .filter(|&n| n != t && tree.upos(n) != "PRON")
                .map(|n| self.actors_at(n))
                .find(|found| !found.is_empty())
                .unwrap_or_default()
        };
        let protected = named(Rel::Obj);
        if !protected.is_empty() {
            return protected;
        }
        // (a subject lent by an open complement holds: "Dale continues
        // to defend itself")
        if !self.has_own_subject(v) && tree.deprel(v) == "xcomp" {
            let lender = tree
                .head(v)
                .map(|h| self.nodes(h, &Rel::Subj))
                .unwrap_or_default();
            if lender.iter().any(|&s| tree.upos(s) == "PRON") {
                return Vec::new();
            }
            return self.inherited_subject(v, TriggerPos::Verb);
        }
        named(Rel::Subj)
    }

    /// Whom a talk that is the purpose or the sequel of a meeting is held
    /// with: the meeting's partner ("met with Hurin to discuss …", "spoke
    /// by phone with Rohan and discussed …", "held talks with Dale to
    /// discuss …"): a consultation verb with no slot of its own filled
    /// takes the "with" phrase of the verb it is the infinitive of purpose
    /// of, or is coordinated with, or of that verb's meeting noun ("held
    /// talks with"). (Not the object of a verb of meeting: "received Hurin
    /// and discussed …" would add the host's side of a visit that row
    /// already codes the other way.)
    pub(super) fn meeting_partner(
        &self,
        t: usize,
        row: &TriggerRow,
        sources: &[usize],
    ) -> Vec<usize> {
        let tree = self.tree;
        if row.kind != PloverType::Consult || row.pos != TriggerPos::Verb || row.flags.notgt {
            return Vec::new();
        }
        let purpose = matches!(tree.deprel(t), "xcomp" | "advcl") && tree.case_of(t) == Some("to");
        // (a coordinated verb shares the meeting's subject only when it
        // has none of its own)
        let sequel = tree.deprel(t) == "conj" && !self.has_own_subject(t);
        let Some(h) = tree.head(t).filter(|_| purpose || sequel) else {
            return Vec::new();
        };
        if tree.upos(h) != "VERB" || self.slot_filled(t, row) {
            return Vec::new();
        }
        let with =
            |c: usize| matches!(tree.rel(c), "obl" | "nmod") && tree.case_of(c) == Some("with");
        let mut nodes: Vec<usize> = Vec::new();
        for &c in tree.children(h) {
            if c == t {
                continue;
            }
            if with(c) {
                nodes.push(c);
            } else if tree.deprel(c) == "obj" && self.nominals.trigger(c) {
                // ("held talks with Dale": the meeting noun's partner)
                nodes.extend(tree.children(c).iter().copied().filter(|&d| with(d)));
            }
        }
        let mut out = Vec::new();
        for n in nodes {
            for a in self.actors_at(n) {
                if !sources.contains(&a) && !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// Whether one of the row's target slots holds a phrase, an actor or
    /// not ("called on international actors to …" has its addressee,
    /// though no actor): a coordinated verb's object is then not shared.
    pub(super) fn slot_filled(&self, t: usize, row: &TriggerRow) -> bool {
        row.target
            .iter()
            .filter(|r| !matches!(r, Rel::Subj))
            .any(|rel| !self.nodes(t, rel).is_empty())
    }

    /// `found` without the states of towns that only locate a noun inside
    /// the trigger's phrase ("met with policymakers in Minas Tirith",
    /// "commended the results of the summit in Edoras"); a town the slot
    /// names itself is a destination ("travelled to Edoras"), and acts
    /// done to a place's people or things keep it (attacks, coercion,
    /// protests, aid, deployments, withdrawals, sanctions: see
    /// `Args::place_target`).
    pub(super) fn without_located_towns(
        &self,
        t: usize,
        row: &TriggerRow,
        found: Vec<usize>,
    ) -> Vec<usize> {
        let about_place = matches!(
            row.kind,
            PloverType::Assault
                | PloverType::Coerce
                | PloverType::Protest
                | PloverType::Aid
                | PloverType::Mobilize
                | PloverType::Retreat
                | PloverType::Sanction
        );
        if about_place || found.is_empty() {
            return found;
        }
        // (the trigger's whole phrase: a slot may hang on a further word,
        // "expressed concern about the situation in Edoras")
        let tokens = self.phrase_tokens(t);
        self.without_named_only(found, &tokens, |tok, located| {
            located && self.actors.is_town(tok)
        })
    }

    /// `found` without the actors every mention of which among `tokens`
    /// (token, flag) meets `only` (an actor not mentioned there stays).
    pub(super) fn without_named_only(
        &self,
        found: Vec<usize>,
        tokens: &[(usize, bool)],
        only: impl Fn(usize, bool) -> bool,
    ) -> Vec<usize> {
        found
            .into_iter()
            .filter(|&a| {
                let mut mentions = tokens
                    .iter()
                    .filter(|&&(tok, _)| self.actors.at(tok).contains(&a))
                    .peekable();
                mentions.peek().is_none() || !mentions.all(|&(tok, flag)| only(tok, flag))
            })
            .collect()
    }

    /// The tokens of the phrase headed by `n` (not into clauses), each
    /// with whether a locative phrase ("in", "at") below `n`'s own
    /// dependents lies on its way down.
    fn phrase_tokens(&self, n: usize) -> Vec<(usize, bool)> {
        let tree = self.tree;
        tree.flagged_phrase(n, LOCATED_DEPTH, |_, c, depth, located| {
            // (a listed name is a conjunct, not a clause: "in Edoras and
            // Fornost")
            let listed = tree.rel(c) == "conj" && tree.upos(c) != "VERB";
            if tree.is_clausal(c) && !listed {
                return None;
            }
            // (a town on the trigger itself is its slot or where it
            // happens, "arrived in Edoras": only one inside a noun's
            // phrase merely locates that noun)
            let here = depth > 0
                && matches!(tree.rel(c), "nmod" | "obl")
                && matches!(tree.case_of(c), Some("in" | "at"));
            Some(located || here)
        })
    }

    /// A nominal trigger's possessor that is the state of the person who
    /// performs the light verb, or who states the act as the object of
    /// another verb, gives way to the person ("the Minister of Rohan
    /// expressed Rohan's support", "Hurin underscored Gondor's support":
    /// the person).
    pub(super) fn speaker_for_own_side(
        &self,
        t: usize,
        (pos, kind): (TriggerPos, PloverType),
        own: Vec<usize>,
    ) -> Vec<usize> {
        if pos == TriggerPos::Verb {
            return own;
        }
        // (a statement the person makes for the state; a deed stays the
        // state's: "Hurin highlighted Gondor's aid to Dale" is Gondor's aid)
        let light = self.light_verb_of(t).is_some();
        if !light && !states(kind) {
            return own;
        }
        let performer = if light {
            self.inherited_subject(t, pos)
        } else {
            self.stater(t)
        };
        // (an official of no stated affiliation who reaffirms or offers
        // the author's side's stance speaks for it too)
        let lenient = self.readout
            && self
                .tree
                .head(t)
                .is_some_and(|v| super::speaker::is_speaker_verb(self.tree, self.classes, v));
        let speaks_for = |p: usize| {
            own.iter()
                .any(|&s| super::speaker::speaks_for_side(self.actors.doc, p, s, lenient))
        };
        if performer.len() == 1 && speaks_for(performer[0]) {
            performer
        } else {
            own
        }
    }

    /// The subject of the verb whose object nominal `t` is ("Hurin
    /// reaffirmed Gondor's commitment": Hurin).
    fn stater(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        let Some(h) = tree.head(t).filter(|_| tree.deprel(t) == "obj") else {
            return Vec::new();
        };
        if tree.upos(h) != "VERB" {
            return Vec::new();
        }
        let found = self.by_rels(h, &[Rel::Subj]);
        if found.is_empty() && !self.has_own_subject(h) {
            return self.inherited_subject(h, TriggerPos::Verb);
        }
        found
    }
}

/// Whether acts of this type are statements, which a person makes for a
/// state (support, commitments, criticism, requests, refusals, warnings),
/// rather than deeds the state performs.
pub(super) fn states(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Support
            | PloverType::Agree
            | PloverType::Accuse
            | PloverType::Request
            | PloverType::Reject
            | PloverType::Threaten
    )
}

#[cfg(test)]
#[path = "tests_targets.rs"]
mod tests_targets;
