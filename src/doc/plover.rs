//! PLOVER's sixteen event types, as the record contract names them. The
//! CAMEO → PLOVER table that maps codes to them is data
//! (`models/events/cameo_plover.tsv`).

/// A PLOVER event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PloverType {
    /// Agree to, sign or settle.
    Agree,
    /// Meet, talk, visit.
    Consult,
    /// Praise, endorse, express support.
    Support,
    /// Yield, ease, apologise.
    Concede,
    /// Cooperate, share, recognise.
    Cooperate,
    /// Give aid.
    Aid,
    /// Withdraw, release, de-escalate.
    Retreat,
    /// Ask, demand, call for.
    Request,
    /// Criticise, blame, protest formally.
    Accuse,
    /// Refuse, deny.
    Reject,
    /// Threaten.
    Threaten,
    /// Demonstrate, rally, strike.
    Protest,
    /// Impose sanctions, break relations.
    Sanction,
    /// Mobilise, deploy, test weapons.
    Mobilize,
    /// Arrest, repress, seize.
    Coerce,
    /// Attack.
    Assault,
}

impl PloverType {
    /// Every type, in the codebook's order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The name in records and data files ("AGREE").
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// The type with this name.
    pub fn parse(name: &str) -> Option<PloverType> {
        PloverType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl std::fmt::Display for PloverType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in PloverType::ALL {
            assert_eq!(PloverType::parse(t.as_str()), Some(t));
        }
        assert_eq!(PloverType::parse("DEMAND"), None);
    }
}
