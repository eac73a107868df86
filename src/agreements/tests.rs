//! Table-driven tests of the agreement recogniser. Every sentence is
//! invented for these tests.

use crate::doc::{Doc, DocInfo};
use crate::pipeline::{Dicts, Pipeline};

fn run(doc_date: Option<&str>, text: &str) -> Doc {
    crate::pipeline::testing::run(crate::dates::DateOrder::Dmy, doc_date, text)
}

const D: Option<&str> = Some("2023-06-03");

/// (text, expected records as (name, kind, date))
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>)],
);

const CASES: &[Case] = &[
    // alias table
    ("Iran must return to the JCPOA.", &[("Joint Comprehensive Plan of Action", "agreement", None)]),
    ("The parties recalled the Joint Comprehensive Plan of Action.", &[("Joint Comprehensive Plan of Action", "agreement", None)]),
    ("Both states are parties to the NPT.", &[("Treaty on the Non-Proliferation of Nuclear Weapons", "treaty", None)]),
    ("Russia suspended New START in February.", &[("New START Treaty", "treaty", None)]),
    ("The Minsk agreements were never implemented.", &[("Minsk agreements", "agreement", None)]),
    ("The Dayton Agreement ended the war.", &[("Dayton Peace Agreement", "agreement", None)]),
    ("The Oslo Accords created the Palestinian Authority.", &[("Oslo Accords", "agreement", None)]),
    ("The Good Friday Agreement must be protected.", &[("Good Friday Agreement", "agreement", None)]),
    ("The Helsinki Final Act set out ten principles.", &[("Helsinki Final Act", "other", None)]),
    ("This is a violation of the UN Charter.", &[("Charter of the United Nations", "charter", None)]),
    ("Attacks on civilians breach the Geneva Conventions.", &[("Geneva Conventions", "convention", None)]),
    ("The court applies the Rome Statute.", &[("Rome Statute of the International Criminal Court", "treaty", None)]),
    ("The arrest violates the Vienna Convention on Diplomatic Relations.", &[("Vienna Convention on Diplomatic Relations", "convention", None)]),
    ("The Alma-Ata Declaration recognised the borders.", &[("Alma-Ata Declaration", "declaration", None)]),
    ("Both countries joined the Paris Agreement.", &[("Paris Agreement", "agreement", None)]),
    ("The ministers discussed UNCLOS and the NPT.", &[("United Nations Convention on the Law of the Sea", "convention", None), ("Treaty on the Non-Proliferation of Nuclear Weapons", "treaty", None)]),
    ("The npt clause was quoted.", &[]),
    // a body named after an instrument is no reference to it
    ("Armenia appealed to the Collective Security Treaty Organization.", &[]),
    ("The North Atlantic Treaty Organization met in Brussels.", &[]),
    // named instruments
    ("The two ministers signed the Agreement on Visa Facilitation on 12 May 2023.", &[("Agreement on Visa Facilitation", "agreement", Some("2023-05-12"))]),
    ("They recalled the Trilateral Statement of 9 November 2020.", &[("Trilateral Statement", "statement", Some("2020-11-09"))]),
    ("They recalled the Trilateral Statement of 9 November 2020 and warned that the 2020 Trilateral Statement is binding.", &[("Trilateral Statement", "statement", Some("2020-11-09"))]),
    ("A Free Trade Agreement between Arnor and Gondor was signed today.", &[("Free Trade Agreement between Arnor and Gondor", "agreement", Some("2023-06-03"))]),
    ("The sides signed a Memorandum of Understanding on Political Consultations.", &[("Memorandum of Understanding on Political Consultations", "memorandum", None)]),
    ("The Joint Declaration on Strategic Partnership was adopted in 2019.", &[("Joint Declaration on Strategic Partnership", "declaration", Some("2019"))]),
    ("The Joint Communiqué was issued after the talks.", &[("Joint Communiqué", "statement", None)]),
    ("The Treaty of Friendship guides relations.", &[("Treaty of Friendship", "treaty", None)]),
    ("The Framework Convention on Water remains in force.", &[("Framework Convention on Water", "convention", None)]),
    ("The Energy Charter Protocol was cited.", &[("Energy Charter Protocol", "treaty", None)]),
    ("The Memorandum of Cooperation was signed today. The Memorandum covers health.", &[("Memorandum of Cooperation", "memorandum", Some("2023-06-03"))]),
    ("Gondor and Arnor Sign Memorandum of Cooperation", &[("Memorandum of Cooperation", "memorandum", None)]),
    ("The Agreement between the Kingdom of Arnor and the Republic of Gondor on Cultural Cooperation was signed yesterday.", &[("Agreement between the Kingdom of Arnor and the Republic of Gondor on Cultural Cooperation", "agreement", Some("2023-06-02"))]),
    ("The Nuclear Cooperation Memorandum of Understanding will help. The MOU runs for five years.", &[("Nuclear Cooperation Memorandum of Understanding", "memorandum", None)]),
    ("An MOU signed on 4 November 2015 set up the mechanism.", &[("MOU", "memorandum", Some("2015-11-04"))]),
    ("The FTA was signed on 3 February 2022. The FTA removes duties.", &[("FTA", "agreement", Some("2022-02-03"))]),
    ("The ministers recalled the Roadmap for Peace.", &[("Roadmap for Peace", "other", None)]),
    // joint statements: need a modifier
    ("Statement by the Spokesperson on the elections", &[]),
    ("The text of the following statement was released by both governments.", &[]),
    ("Joint Statement on the Visit of the President\n\nThe two presidents met on 1 June 2023.", &[("Joint Statement on the Visit of the President", "statement", Some("2023-06-01"))]),
    ("Joint Statement on the Visit of the President\n\nThe presidents talked about trade.", &[("Joint Statement on the Visit of the President", "statement", Some("2023-06-03"))]),
    ("The leaders adopted a joint statement on climate today.", &[("joint statement on climate", "statement", Some("2023-06-03"))]),
    // resolutions
    ("The Council recalled resolution 2334 (2016).", &[("resolution 2334", "resolution", Some("2016"))]),
    ("Armenia cited Security Council resolutions 822, 853, 874 and 884.", &[("UN Security Council resolution 822", "resolution", None), ("UN Security Council resolution 853", "resolution", None), ("UN Security Council resolution 874", "resolution", None), ("UN Security Council resolution 884", "resolution", None)]),
    ("Iran violates United Nations Security Council Resolution 2231.", &[("UN Security Council resolution 2231", "resolution", None)]),
    ("The UNGA resolution 68/262 was quoted.", &[("UN General Assembly resolution 68/262", "resolution", None)]),
    ("Yesterday the UN Security Council passed a resolution demanding an end to the attacks.", &[("UN Security Council resolution demanding an end to the attacks", "resolution", Some("2023-06-02"))]),
    ("The General Assembly adopted resolution 377 (1950) in Paris.", &[("UN General Assembly resolution 377", "resolution", Some("1950"))]),
    ("The Human Rights Council adopted a resolution on Gondor.", &[("UN Human Rights Council resolution on Gondor", "resolution", None)]),
    ("The conflict needs a peaceful resolution.", &[]),
    ("Regional Conflict Resolution", &[]),
    // court rulings
    ("Arnor ignores the order of the International Court of Justice of 22 February 2023.", &[("Order of the International Court of Justice", "court_order", Some("2023-02-22"))]),
    ("The centre will close following the decision of the Supreme Court of Gondor. He welcomed the ruling of the Supreme Court of Gondor.", &[("Ruling of the Supreme Court of Gondor", "judgment", None)]),
    ("The judgment of the European Court of Human Rights was delivered.", &[("Judgment of the European Court of Human Rights", "judgment", None)]),
    ("The advisory opinion of the International Court of Justice is clear.", &[("Advisory opinion of the International Court of Justice", "judgment", None)]),
    ("It is their decision to stay.", &[]),
    ("In order to help, the ministry sent aid.", &[]),
    ("The Executive Order 13382 applies.", &[]),
    // generic references
    ("Today our countries signed an agreement on a free trade area.", &[("agreement on a free trade area", "agreement", Some("2023-06-03"))]),
    ("They signed two joint action plans on border control and customs reform.", &[("joint action plan on border control", "other", None), ("joint action plan on customs reform", "other", None)]),
    ("The government drew on earlier agreements signed by the two governments.", &[("agreements signed by the two governments", "agreement", None)]),
    ("An agreement was not reached.", &[]),
    ("The ministers were in agreement with the proposal.", &[]),
    ("The ministers were in full agreement.", &[]),
    ("The two sides agreed to continue the talks.", &[]),
    ("The agreement will enter into force soon.", &[]),
    ("A solid package of agreements was discussed.", &[]),
    ("He said the statement was false.", &[]),
    ("The two sides signed a memorandum. The aforementioned memorandum covers trade.", &[("memorandum", "memorandum", None)]),
    ("Talks on an agreement between Arnor and Gondor continue.", &[("agreement between Arnor and Gondor", "agreement", None)]),
    ("The protocol of the meeting was read out.", &[]),
    ("The two presidents discussed a convention on migrants.", &[]),
    // capitalised-only heads: named arrangements, frameworks, plans, consensus
    ("Both states adhere to the Rivendell Arrangement on export controls.", &[("Rivendell Arrangement", "agreement", None)]),
    ("The ministers launched the Northern Economic Framework for Prosperity.", &[("Northern Economic Framework for Prosperity", "agreement", None)]),
    ("The Council backed the Seven-Point Consensus on Gondor.", &[("Seven-Point Consensus on Gondor", "agreement", None)]),
    ("THE NEW DETENTION ARRANGEMENTS APPLY.", &[]),
    ("The Recovery Plan was presented.", &[]),
    ("The Northern Economic Framework Supply Chain Agreement was signed.", &[("Northern Economic Framework Supply Chain Agreement", "agreement", None)]),
    ("Security arrangements for the visit were discussed.", &[]),
    // a lower-case capital-only head that names its parties or is signed
    ("The arrangement between Gondor and Rohan will stay in force.", &[("arrangement between Gondor and Rohan", "agreement", None)]),
    ("The agencies signed an arrangement on the exchange of customs data.", &[("arrangement on the exchange of customs data", "agreement", None)]),
    ("The visit took place within the framework of the partnership.", &[]),
    // a capitalised declaration or statement with a capitalised of-complement
    ("The ministers adopted a Declaration of Principles on Maritime Safety.", &[("Declaration of Principles on Maritime Safety", "declaration", None)]),
    ("The two agencies signed a Statement of Intent on research cooperation.", &[("Statement of Intent", "statement", None)]),
    ("Statement of President Ana Ruiz on the Passing of a Friend", &[]),
    // programmes of action
    ("The Lothlorien Programme of Action guides the work of the conference.", &[("Lothlorien Programme of Action", "other", None)]),
    ("A new framework for talks is needed.", &[]),
    ("There is a broad consensus on climate.", &[]),
    ("They adopted a Joint Plan of Action between Arnor and Gondor for 2024–2026.", &[("Joint Plan of Action between Arnor and Gondor", "other", None)]),
    // a lower-case modifier before a capitalised head
    ("The two presidents signed a joint Declaration on the Future of Gondor today.", &[("Declaration on the Future of Gondor", "declaration", Some("2023-06-03"))]),
    // asides inside a name: an acronym in brackets, the other party
    ("On 2 June I signed a Memorandum of Understanding (MOU) with Gondor's President Aragorn on Cooperation in Border Management.", &[("Memorandum of Understanding on Cooperation in Border Management", "memorandum", Some("2023-06-02"))]),
    ("The Treaty on a Common Market of Arnor and Gondor entered into force.", &[("Treaty on a Common Market of Arnor and Gondor", "treaty", None)]),
    // an agreement with a named party
    ("Gondor will suspend the trade agreement with Arnor.", &[("trade agreement", "agreement", None)]),
    ("Gondor seeks agreement with Arnor on the agenda.", &[]),
    ("Gondor wants cooperation agreements with African countries.", &[]),
    // coordinated complements of a plural head
    ("The ministers signed memorandums of understanding on cooperation in space research, and on technical cooperation between the customs services.", &[("memorandum of understanding on cooperation in space research", "memorandum", None), ("memorandum of understanding on technical cooperation between the customs services", "memorandum", None)]),
    ("Memorandums on trade were discussed.", &[]),
    // a resolution adopted, whoever adopted it
    ("In a resolution adopted on 1 June, the assembly condemned the attack.", &[("resolution", "resolution", Some("2023-06-01"))]),
    ("The resolution of the dispute was not adopted.", &[]),
    ("Gondor must implement UNSCR 2417 in full.", &[("UN Security Council resolution 2417", "resolution", None)]),
    ("Gondor acts in line with the relevant UNSCR provisions.", &[]),
    // a definite head with a noun modifier is specific at its first mention
    ("Both sides must respect the ceasefire agreement.", &[("ceasefire agreement", "agreement", None)]),
    ("The Free Trade Agreement was signed. The trade agreement removes duties.", &[("Free Trade Agreement", "agreement", None)]),
    ("The two sides discussed the agreement.", &[]),
    ("The ministers reviewed the new agreement.", &[]),
    // a headline joint statement of two or more parties is the document
    // (named by the document's own title, dev README)
    ("Joint statement by the Presidents of Chile and Norway\n\nThe presidents met on 1 June 2023.", &[("Joint statement by the Presidents of Chile and Norway", "statement", Some("2023-06-01"))]),
    ("Joint statement by the Spokesperson\n\nThe spokesperson spoke on 1 June 2023.", &[]),
    ("Arnor-Gondor Joint Communiqué on Energy Security\n\nThe ministers talked.", &[("Arnor-Gondor Joint Communiqué on Energy Security", "statement", Some("2023-06-03"))]),
    // another party's joint statement named in a headline is specific too
    ("Gondor welcomes the joint statement by Arnor and Rohan\n\nThe minister spoke.", &[("joint statement", "statement", Some("2023-06-03"))]),
    // a defining participle or relative clause (issue 13, item 4)
    ("The two ministers recalled the ceasefire agreed in Arnor last month.", &[("ceasefire agreed in Arnor", "ceasefire", Some("2023-05"))]),
    ("The deal reached in Rivendell remains the basis for relations.", &[("deal reached in Rivendell", "agreement", None)]),
    ("Both sides pledged to implement the roadmap agreed in March.", &[("roadmap agreed in March", "other", Some("2023-03"))]),
    ("The truce that was brokered by Gondor last week still holds.", &[("truce brokered by Gondor", "ceasefire", None)]),
    ("The ceasefire that Gondor and Arnor agreed in May still holds.", &[("ceasefire that Gondor and Arnor agreed in May", "ceasefire", Some("2023-05"))]),
    ("Arnor welcomed the deal struck with Gondor on grain exports.", &[("deal struck with Gondor on grain exports", "agreement", None)]),
    ("The minister hailed the landmark accord signed by Arnor and Gondor on 2 May 2023.", &[("accord signed by Arnor and Gondor on 2 May 2023", "agreement", Some("2023-05-02"))]),
    // a year or party premodifier, a place
    ("They welcomed the 2015 framework agreement.", &[("2015 framework agreement", "agreement", Some("2015"))]),
    ("They recalled the 2019 peace agreement between Arnor and Gondor.", &[("2019 peace agreement between Arnor and Gondor", "agreement", Some("2019"))]),
    ("The 2022 agreements on grain exports expire in July.", &[("2022 agreements on grain exports", "agreement", Some("2022"))]),
    ("The ministers discussed the Chile trade deal.", &[("Chile trade deal", "agreement", None)]),
    ("Gondor and Arnor honour the agreement in Minas Tirith.", &[("agreement in Minas Tirith", "agreement", None)]),
    // coordinated instruments are separate records
    ("They signed a memorandum of understanding on energy cooperation and two joint action plans on trade and education.", &[("memorandum of understanding on energy cooperation", "memorandum", None), ("joint action plan on trade", "other", None), ("joint action plan on education", "other", None)]),
    ("Arnor and Gondor signed two agreements on visas and on fisheries.", &[("agreement on visas", "agreement", None), ("agreement on fisheries", "agreement", None)]),
    // a court that issues a ruling, a lower-case tribunal
    ("The International Court of Justice issued an order on provisional measures.", &[("Order of the International Court of Justice", "court_order", None)]),
    ("The Constitutional Court delivered a judgment on the electoral law.", &[("Judgment of the Constitutional Court", "judgment", None)]),
    ("The Supreme Court's ruling on the election was welcomed.", &[("Ruling of the Supreme Court", "judgment", None)]),
    ("They noted the ruling of the arbitral tribunal.", &[("Ruling of the arbitral tribunal", "judgment", None)]),
    ("The decision of the court was expected.", &[]),
    // general references, idioms, verbs, modifiers and mass uses are none
    ("Relevant agreements were signed in the past.", &[]),
    ("Such agreements signed in haste rarely last.", &[]),
    ("Any deal signed without Gondor is void.", &[]),
    ("We must deal with the crisis together.", &[]),
    ("A great deal of progress was achieved.", &[]),
    ("GOOD DEAL FOR FARMERS", &[]),
    ("Multiple ceasefire violations were reported.", &[]),
    ("The agreement in principle was welcomed.", &[]),
    ("The deal will help both sides.", &[]),
    ("There is broad agreement in Chile that reform is needed.", &[]),
    ("The talks ended. The leaders reached agreement on the agenda of the next round.", &[]),
    ("The ministers also discussed the 2024 budget.", &[]),
    // a manner phrase is no describing complement; a called-for instrument
    // that is specific stays one (dev README: "negotiated ceasefire … (called for)")
    ("Both sides will strive for a mutually beneficial agreement on the basis of mutual respect.", &[]),
    ("The council called for an immediate ceasefire in Gondor.", &[("immediate ceasefire in Gondor", "ceasefire", None)]),
    // a definite ceasefire is the one in force
    ("Arnor reported new violations of the ceasefire by Gondor.", &[("ceasefire", "ceasefire", None)]),
    ("The two sides discussed the agreement.", &[]),
    ("A resolution was approved to admit Rohan as a member.", &[("resolution", "resolution", None)]),
    // "deal with" is a verb's idiom; after an article the head is a noun
    ("The nuclear deal with Gondor shows that diplomacy works.", &[("nuclear deal", "agreement", None)]),
    ("Both governments must deal with the floods.", &[]),
    // "between" inside a complement names the parties; no trailing "in"
    ("The ministers discussed the agreement on fisheries between Gondor and Arnor.", &[("agreement on fisheries between Gondor and Arnor", "agreement", None)]),
    ("The presidents signed a treaty on good-neighbourly relations in 2001.", &[("treaty on good-neighbourly relations", "treaty", Some("2001"))]),
    // a passive predicate makes a head specific; a plural needs a placing complement
    ("A new agreement was negotiated in secret.", &[("agreement", "agreement", None)]),
    ("At the meeting, agreements were reached on energy transit.", &[("agreements", "agreement", None)]),
    ("Good agreements have been reached.", &[]),
    ("No agreement was reached on the text.", &[]),
    // a described resolution in a sentence that adopts one
    ("Most states voted for a resolution condemning the blockade of Gondor.", &[("resolution condemning the blockade of Gondor", "resolution", None)]),
    ("The commission adopted a Resolution on the protection of journalists.", &[("Resolution on the protection of journalists", "resolution", None)]),
    ("Gondor opposes any resolution condemning Arnor.", &[]),
    // a capitalised declaration with an on/to complement or a collective author
    ("The leaders adopted the Declaration on Coastal Fisheries.", &[("Declaration on Coastal Fisheries", "declaration", None)]),
    ("Twenty states launched the Declaration to Triple Solar Energy.", &[("Declaration to Triple Solar Energy", "declaration", None)]),
    ("They endorsed the Declaration of the Heads of State of the Northern Alliance.", &[("Declaration of the Heads of State of the Northern Alliance", "declaration", None)]),
];

#[test]
fn agreement_table() {
    let mut failures = Vec::new();
    for (n, (text, expected)) in CASES.iter().enumerate() {
        let doc = run(D, text);
        let got: Vec<(String, String, Option<String>)> = doc
            .agreements
            .iter()
            .map(|a| (a.name.clone(), a.kind.clone(), a.date.clone()))
            .collect();
        let want: Vec<(String, String, Option<String>)> = expected
            .iter()
            .map(|(n, k, d)| (n.to_string(), k.to_string(), d.map(str::to_string)))
            .collect();
        if got != want {
            failures.push(format!("#{n} {text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(CASES.len() >= 60, "{} agreement cases", CASES.len());
}

/// Constructions the rules do not handle yet (issue 13, item 4): a court
/// in lower case with a possessive, a court's date after a participle, the
/// court's full name when the tagger cuts it. Run with `--ignored`.
#[test]
#[ignore]
fn known_gaps() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("The tribunal's ruling of 12 July 2016 is final and binding.", "Ruling of the tribunal", Some("2016-07-12")),
        ("Gondor will comply with the ruling handed down by the Supreme Court of Arnor on 4 April 2023.", "Ruling of the Supreme Court of Arnor", Some("2023-04-04")),
    ];
    for (text, name, date) in cases {
        let doc = run(D, text);
        let got: Vec<_> = doc
            .agreements
            .iter()
            .map(|a| (a.name.as_str(), a.date.as_deref()))
            .collect();
        assert_eq!(got, vec![(*name, *date)], "{text}");
    }
}

#[test]
fn records_carry_issuer_parties_entries_and_mentions() {
    let doc = run(
        D,
        "Arnor ignores the order of the International Court of Justice of 22 February 2023. \
         A Free Trade Agreement between Arnor and Gondor was signed today. The FTA removes \
         duties. Both are parties to the JCPOA.",
    );
    let order = &doc.agreements[0];
    assert_eq!(
        order.issuer.as_deref(),
        Some("International Court of Justice")
    );
    assert!(!order.mentions[0].named);
    let fta = &doc.agreements[1];
    assert_eq!(fta.parties, vec!["Arnor".to_string(), "Gondor".to_string()]);
    assert_eq!(fta.mentions.len(), 2);
    assert!(fta.mentions.iter().all(|m| m.named));
    assert_eq!(doc.span_text(fta.mentions[1].span), "FTA");
    assert_eq!(doc.agreements[2].entry.as_deref(), Some("jcpoa"));
}

#[test]
fn user_alias_files_extend_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.tsv");
    std::fs::write(
        &path,
        "# format: attache-agreements/1\nrivendell\ttreaty\tTreaty of Rivendell\tRivendell Pact\t-\n",
    )
    .unwrap();
    let dicts = Dicts::load(&[path]).unwrap();
    let p = Pipeline::new(&dicts).unwrap();
    let mut doc = Doc::new(
        DocInfo::default(),
        "Both sides honour the Rivendell Pact.".into(),
    );
    p.process(&mut doc);
    assert_eq!(doc.agreements.len(), 1);
    assert_eq!(doc.agreements[0].name, "Treaty of Rivendell");
    assert_eq!(doc.agreements[0].entry.as_deref(), Some("rivendell"));
}

#[test]
fn embedded_table_is_large_and_ids_are_unique() {
    let ids: Vec<&str> = crate::lexicon::data_lines(super::EMBEDDED_ENTRIES)
        .filter_map(|l| l.fields.first().copied())
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    assert!(ids.len() >= 80, "{} entries", ids.len());
}

#[test]
fn parties_come_from_with_and_from_a_joint_headline() {
    let doc = run(
        D,
        "Joint statement of Chile and Norway on ocean research\n\nThe ministers met today.",
    );
    assert_eq!(doc.agreements.len(), 1, "{:?}", doc.agreements);
    assert_eq!(doc.agreements[0].parties, ["Chile", "Norway"]);
    // the subject of the clause is the other party
    let doc = run(D, "Chile will suspend the fisheries agreement with Norway.");
    assert_eq!(doc.agreements.len(), 1, "{:?}", doc.agreements);
    assert_eq!(doc.agreements[0].parties, ["Chile", "Norway"]);
}
