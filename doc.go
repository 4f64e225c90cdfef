// Package statecraft reads news about states, alliances and the people who
// run them. Given an article, it returns every PERSON, STATE (including
// partially recognised ones such as Abkhazia), ORG, DATE and LOCATION
// mentioned, with exact byte offsets and links to a curated gazetteer, and
// the typed relations between them, each with a modality, a time, evidence
// and a calibrated confidence.
//
// # Phases of use
//
//  1. Build one [Pipeline] with [New] when the program starts: it loads
//     the models and the gazetteer once (options: [WithGazetteer] for
//     your own entries, [WithThreshold] to trade recall for precision,
//     [WithMaxBytes], [WithRelationOptions] for extra triggers, types and
//     rules). A Pipeline is immutable and safe for concurrent use.
//  2. Call [Pipeline.Analyze] (or [Pipeline.AnalyzeInput] with a document
//     date, which resolves "yesterday" and "last week") for each text, or
//     [Pipeline.Pipe] for a stream of documents: results in input order,
//     bounded concurrency, one error per bad document.
//  3. Read the [Analysis]: Mentions (entities.Mention: type, offsets,
//     gazetteer id and canonical name, TIMEX3 value of a date) and
//     Relations (relations.Relation: type, arguments, modality, time,
//     trigger and evidence spans, attributes, confidence, source). For a
//     relation, use r.Args(): a directed type has a Subject and an
//     Object, a symmetric one (treaty-between, allied-with, met-with) its
//     Parties, and the other fields are nil.
//
// # Taxonomy
//
// Entity types: PERSON, STATE (sovereign, partially recognised and
// historical states, also named by a demonym), ORG (international
// organisations, alliances, government bodies, parties, armed groups,
// companies, media), DATE, LOCATION (cities, regions, territories).
//
// Relation types (directed: subject → object; symmetric: parties):
//
//	member-of         STATE/ORG/PERSON → ORG     "the CSTO, which includes Armenia"
//	observer-of       STATE/ORG → ORG            "Serbia ... holding an observer status"
//	seeks-membership  STATE/ORG → ORG            "Georgia that still pursues NATO entry"
//	recognized-by     STATE → STATE/ORG          "Russia recognized Abkhazia"
//	treaty-between    parties STATE/ORG          "the treaty between Abkhazia and Russia"
//	allied-with       parties STATE/ORG          "Armenia is allied with Russia"
//	official-of       PERSON → STATE/ORG         "Russian President Vladimir Putin"
//	met-with          parties PERSON/STATE/ORG   "Putin and Khadzhinba met in Moscow"
//	opposes           any → any                  "a bloc that would oppose NATO"
//	attacked          STATE/ORG/PERSON → any     "Georgia attacked South Ossetia"
//
// Modality: asserted, negated ("did not recognise") or possible ("may
// join", "plans to meet"). Time: the TIMEX3-style value of the date the
// relation is anchored to ("2008", "XXXX-08"). Guarantees, the rules and
// the learned model are described in the documentation of packages
// entities and relations.
package statecraft
