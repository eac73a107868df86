#!/usr/bin/env python3
"""Writes the validation cases (*.jsonl) from hand-written sentence frames.

Each frame is a sentence with {A} and {B} (and {C}) slots and the events it must yield, as
(type, cameo, source slot, target slot or None, status). Every frame is filled with several actor
pairs: invented states and persons from actors.tsv (Arnor, Gondor ...) and real ones from the
embedded gazetteers. Run: python3 eval/validation/frames.py (rewrites the .jsonl files here).
"""
import json, os

INVENTED = [("Gondor", "Arnor", "Rohan"), ("Rohan", "Mordor", "Dale"), ("Harad", "Lindon", "Rhun")]
REAL = [("Armenia", "Azerbaijan", "France"), ("Ukraine", "Russia", "Poland")]

A, B, C = "A", "B", "C"
AS, RE, NE, CF, HY = "asserted", "reported", "negated", "called_for", "hypothetical"

FRAMES = {
 "consult": [
  ("{A} held talks with {B} on Tuesday.", [("CONSULT", "046", A, B, AS)]),
  ("The foreign ministers of {A} met with {B} officials.", [("CONSULT", "040", A, B, AS)]),
  ("{A} and {B} held consultations on regional security.", [("CONSULT", "046", A, B, AS), ("CONSULT", "046", B, A, AS)]),
  ("{A} had a telephone conversation with {B}.", [("CONSULT", "041", A, B, AS)]),
  ("A delegation from {A} visited {B} last week.", [("CONSULT", "042", A, B, AS)]),
  ("{A} hosted {B} for a round of negotiations.", [("CONSULT", "043", B, A, AS)]),
  ("{A} did not meet with {B} during the summit.", [("CONSULT", "040", A, B, NE)]),
  ("{A} will hold talks with {B} next month.", [("CONSULT", "046", A, B, HY)]),
 ],
 "agree": [
  ("{A} agreed to resume trade with {B}.", [("AGREE", "030", A, B, AS)]),
  ("{A} reaffirmed its commitment to the partnership with {B}.", [("AGREE", "030", A, B, AS)]),
  ("{A} and {B} reiterated their commitment to a lasting peace.", [("AGREE", "030", A, B, AS), ("AGREE", "030", B, A, AS)]),
  ("{A} pledged to support the reconstruction of {B}.", [("AGREE", "030", A, B, AS)]),
  ("{A} expressed readiness to work with {B}.", [("AGREE", "030", A, B, AS)]),
 ],
 "support": [
  ("{A} welcomed the decision of {B}.", [("SUPPORT", "051", A, B, AS)]),
  ("{A} praised {B} for its restraint.", [("SUPPORT", "051", A, B, AS)]),
  ("{A} and {B} signed a memorandum on energy cooperation.", [("SUPPORT", "057", A, B, AS), ("SUPPORT", "057", B, A, AS)]),
  ("{A} recognised the independence of {B}.", [("SUPPORT", "054", A, B, AS)]),
  ("{A} expressed support for {B}.", [("SUPPORT", "052", A, B, AS)]),
  ("{A} thanked {B} for its hospitality.", [("SUPPORT", "051", A, B, AS)]),
 ],
 "cooperate": [
  ("{A} cooperated with {B} on border management.", [("COOPERATE", "060", A, B, AS)]),
  ("{A} shared intelligence with {B} about the smugglers.", [("COOPERATE", "064", A, B, AS)]),
  ("{A} and {B} held joint military exercises.", [("COOPERATE", "062", A, B, AS), ("COOPERATE", "062", B, A, AS)]),
 ],
 "aid": [
  ("{A} provided humanitarian aid to {B}.", [("AID", "073", A, B, AS)]),
  ("{A} delivered medical assistance to {B}.", [("AID", "073", A, B, AS)]),
  ("{A} granted asylum to refugees from {B}.", [("AID", "075", A, B, AS)]),
  ("{A} could provide financial assistance to {B}.", [("AID", "071", A, B, HY)]),
 ],
 "concede": [
  ("{A} eased restrictions on traders from {B}.", [("CONCEDE", "081", A, B, AS)]),
  ("{A} agreed to withdraw its objections to {B}.", [("CONCEDE", "080", A, B, AS)]),
 ],
 "retreat": [
  ("{A} withdrew its troops from {B}.", [("RETREAT", "0874", A, B, AS)]),
  ("{A} released prisoners from {B}.", [("RETREAT", "0841", A, B, AS)]),
  ("{A} urged {B} to withdraw its forces.", [("REQUEST", "020", A, B, AS), ("RETREAT", "0874", B, None, CF)]),
  ("{A} has not withdrawn its forces from {B}.", [("RETREAT", "0874", A, B, NE)]),
 ],
 "request": [
  ("{A} called on {B} to release the detainees.", [("REQUEST", "020", A, B, AS), ("RETREAT", "0841", B, None, CF)]),
  ("{A} urged {B} to refrain from the further use of force.", [("REQUEST", "020", A, B, AS)]),
  ("{A} demanded that {B} end attacks on civilians.", [("REQUEST", "100", A, B, AS), ("RETREAT", "087", B, None, CF)]),
  ("{A} asked {B} to resume the talks.", [("REQUEST", "020", A, B, AS), ("CONSULT", "046", B, None, CF)]),
  ("{A} appealed to {B} for calm.", [("REQUEST", "020", A, B, AS)]),
  ("{A} urged {B} to hold talks with {C}.", [("REQUEST", "020", A, B, AS), ("CONSULT", "046", B, C, CF)]),
 ],
 "accuse": [
  ("{A} condemned {B} for the violence.", [("ACCUSE", "111", A, B, AS)]),
  ("{A} accused {B} of violating the ceasefire.", [("ACCUSE", "112", A, B, AS)]),
  ("{A} strongly criticised {B}.", [("ACCUSE", "111", A, B, AS)]),
  ("{A} denounced the policies of {B}.", [("ACCUSE", "111", A, B, AS)]),
  ("{A} blamed {B} for the crisis.", [("ACCUSE", "112", A, B, AS)]),
  ("{A} did not condemn {B}.", [("ACCUSE", "111", A, B, NE)]),
 ],
 "reject": [
  ("{A} rejected the proposal of {B}.", [("REJECT", "120", A, B, AS)]),
  ("{A} denied the allegations made by {B}.", [("REJECT", "120", A, B, AS), ("ACCUSE", "112", B, A, AS)]),
  ("{A} vetoed the plan of {B}.", [("REJECT", "129", A, B, AS)]),
 ],
 "threaten": [
  ("{A} threatened {B} with new tariffs.", [("THREATEN", "130", A, B, AS)]),
  ("{A} warned {B} against any provocation.", [("THREATEN", "130", A, B, AS)]),
  ("{A} issued an ultimatum to {B}.", [("THREATEN", "139", A, B, AS)]),
 ],
 "protest": [
  ("{A} protested against the policies of {B}.", [("PROTEST", "141", A, B, AS)]),
  ("{A} boycotted the conference in {B}.", [("PROTEST", "143", A, B, AS)]),
 ],
 "sanction": [
  ("{A} imposed sanctions on {B}.", [("SANCTION", "163", A, B, AS)]),
  ("{A} expelled diplomats of {B}.", [("SANCTION", "166", A, B, AS)]),
  ("{A} severed diplomatic relations with {B}.", [("SANCTION", "161", A, B, AS)]),
  ("{A} may impose sanctions on {B}.", [("SANCTION", "163", A, B, HY)]),
 ],
 "mobilize": [
  ("{A} deployed troops along the border with {B}.", [("MOBILIZE", "154", A, B, AS)]),
  ("{A} mobilized its reserves near {B}.", [("MOBILIZE", "154", A, B, AS)]),
  ("According to {C}, {A} deployed thousands of soldiers near {B}.", [("MOBILIZE", "154", A, B, RE)]),
 ],
 "coerce": [
  ("{A} blockaded the ports of {B}.", [("COERCE", "191", A, B, AS)]),
  ("{A} arrested citizens of {B}.", [("COERCE", "173", A, B, AS)]),
  ("{A} annexed the border districts of {B}.", [("COERCE", "192", A, B, AS)]),
  ("{A} allegedly blockaded the ports of {B}.", [("COERCE", "191", A, B, RE)]),
 ],
 "assault": [
  ("{A} shelled villages in {B}.", [("ASSAULT", "194", A, B, AS)]),
  ("{A} attacked {B} on Monday.", [("ASSAULT", "190", A, B, AS)]),
  ("{A} never attacked {B}.", [("ASSAULT", "190", A, B, NE)]),
  ("If {A} attacks {B}, the region will suffer.", [("ASSAULT", "190", A, B, HY)]),
  ("{A} condemned the attack by {B} on {C}.", [("ACCUSE", "111", A, B, AS), ("ASSAULT", "190", B, C, AS)]),
  ("{A} fired on positions of {B}.", [("ASSAULT", "193", A, B, AS)]),
 ],
}

# Frames that need titles, persons and authors: written out in full.
SINGLES = [
 ("person-title-1", "Gondor's Foreign Minister Faramir Hurin met with Eomer Eorling.", None,
  [("CONSULT", "040", "Faramir Hurin", "Eomer Eorling", AS)]),
 ("person-title-2", "The Foreign Minister of Arnor Denethor Ecthelion condemned Mordor.", None,
  [("ACCUSE", "111", "Denethor Ecthelion", "Mordor", AS)]),
 ("person-title-3", "Rohirric Prime Minister Eomer Eorling urged Harad to release the hostages.", None,
  [("REQUEST", "020", "Eomer Eorling", "Harad", AS), ("RETREAT", "0841", "Harad", None, CF)]),
 ("person-variant", "Faramir Hurin arrived in Edoras. Mr Hurin met with Eomer Eorling.", None,
  [("CONSULT", "042", "Faramir Hurin", "Rohan", AS), ("CONSULT", "040", "Faramir Hurin", "Eomer Eorling", AS)]),
 ("author-ministry", "The Ministry strongly condemns the shelling of Fornost by Mordor.", "Ministry of Foreign Affairs of Arnor",
  [("ACCUSE", "111", "Arnor", "Mordor", AS), ("ASSAULT", "194", "Mordor", "Arnor", AS)]),
 ("author-we", "We welcome the decision of Rohan.", "Embassy of Gondor",
  [("SUPPORT", "051", "Gondor", "Rohan", AS)]),
 ("author-body-side", "The Gondorian side rejected the claims of Harad.", None,
  [("REJECT", "120", "Gondor", "Harad", AS)]),
 ("body-government-of", "The Government of Rohan imposed sanctions on Mordor.", None,
  [("SANCTION", "163", "Rohan", "Mordor", AS)]),
 ("org-1", "The White Council called on Mordor to withdraw its troops.", None,
  [("REQUEST", "020", "White Council", "Mordor", AS), ("RETREAT", "0874", "Mordor", None, CF)]),
 ("org-2", "The Orc Legion attacked Minas Tirith.", None,
  [("ASSAULT", "190", "Orc Legion", "Gondor", AS)]),
 ("group-np", "Arnor called on international partners to condemn Mordor.", None,
  [("REQUEST", "020", "Arnor", "international partners", AS), ("ACCUSE", "111", "international partners", "Mordor", CF)]),
 ("passive-by", "The agreement was signed by Gondor and Rohan.", None,
  [("SUPPORT", "057", "Gondor", "Rohan", AS), ("SUPPORT", "057", "Rohan", "Gondor", AS)]),
 ("nominal-possessive", "Harad condemned Mordor's attack on Dale.", None,
  [("ACCUSE", "111", "Harad", "Mordor", AS), ("ASSAULT", "190", "Mordor", "Dale", AS)]),
 ("nominal-modifier", "Gondor condemned Haradric attacks on Rohan.", None,
  [("ACCUSE", "111", "Gondor", "Harad", AS), ("ASSAULT", "190", "Harad", "Rohan", AS)]),
 ("real-seed-like", "Armenia urged Azerbaijan to refrain from the further use of force.", None,
  [("REQUEST", "020", "Armenia", "Azerbaijan", AS)]),
 ("real-org", "The OSCE welcomed the ceasefire agreed by Armenia and Azerbaijan.", None,
  [("SUPPORT", "051", "Organization for Security and Co-operation in Europe", "Armenia", AS),
   ("SUPPORT", "051", "Organization for Security and Co-operation in Europe", "Azerbaijan", AS)]),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = {}
    for group, frames in FRAMES.items():
        lines = []
        for fi, (frame, events) in enumerate(frames, 1):
            for pi, slots in enumerate(INVENTED + REAL, 1):
                names = dict(zip((A, B, C), slots))
                text = frame.format(**names)
                expect = [{"type": t, "cameo": c, "source": names[s], "target": names[g] if g else None,
                           "status": st} for (t, c, s, g, st) in events]
                kind = "invented" if pi <= len(INVENTED) else "real"
                lines.append({"id": f"{group}-{fi:02d}-{kind}-{pi}", "text": text, "expect": expect})
        out[group] = lines
    out["context"] = [{"id": i, "text": t, "author": au,
                       "expect": [{"type": ty, "cameo": c, "source": s, "target": g, "status": st}
                                  for (ty, c, s, g, st) in ev]} for (i, t, au, ev) in SINGLES]
    # only the generated groups are rewritten: the individually written cases (written-*, constructions-*,
    # coder-rules) are not generated here and are kept
    for f in os.listdir(here):
        if f.endswith(".jsonl") and f[: -len(".jsonl")] in out:
            os.remove(os.path.join(here, f))
    n = 0
    for group, lines in out.items():
        with open(os.path.join(here, f"{group}.jsonl"), "w", encoding="utf-8") as fh:
            for l in lines:
                if l.get("author") is None:
                    l.pop("author", None)
                fh.write(json.dumps(l, ensure_ascii=False) + "\n")
                n += 1
    print(n, "cases")


if __name__ == "__main__":
    main()
