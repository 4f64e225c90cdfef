// This file holds the recognizer: its types, the pipeline that runs the
// candidate passes over each sentence and the document-level passes after
// them (the overview below says which file holds each stage), and the
// resolution of overlapping candidates by priority.

package entities

import (
	"context"
	"slices"
	"strings"

	"github.com/statecraft/statecraft/entities/internal/ner"
	"github.com/statecraft/statecraft/gazetteer"
)

// Mention recognition skips web-page debris (isDebrisLine) and furniture
// (isBoilerplate in boilerplate.go: photo credits, share and follow
// lines) and combines, sentence by sentence (mentions, in this file):
//
//  1. gazetteer matches (exact names, aliases, adjectives, then fuzzy),
//     each given its sense in its sentence (gazetteerCandidates in
//     recognize_gazetteer.go, disambiguate in recognize_senses.go);
//  2. rules: titles and roles before names, and acronyms defined earlier
//     in the document (ruleCandidates in recognize_rules.go),
//     organisations named by a head word ("Progress Party", "Department
//     of Labor") or a noun after them ("the Likud party"), airlines
//     ("Air France") (orgNameCandidates, orgNounCandidates and
//     airlineCandidates in recognize_orgs.go), dates (findDates in
//     dates.go);
//  3. the statistical labels of the NER models, corrected for their known
//     failure modes (a title or demonym glued to a name, a capitalised
//     common word taken for a person) (modelCandidates in
//     recognize_model.go);
//
// then resolves overlaps by priority (resolve, in this file; see the prio
// constants) and learns the acronyms that the sentence defines, both
// "Full Name (ACR)" and "ACR (Full Name)" (learnAcronyms in
// recognize_acronyms.go). Word tests and tables that several passes share
// are in recognize_words.go. Over the whole document it then
//
//  0. drops the names that only the statistical model found in headlines
//     written in title case, unless the rest of the document names them
//     (dropTitleCaseGuesses in recognize_headlines.go);
//  4. corrects the types of the model's names from document evidence
//     (refineTypes in recognize_refine.go: definitions, life dates,
//     coordinated lists (their cues in recognize_cues.go), contexts said
//     of people, votes of the same name);
//  5. makes a surname alone a person after its full name (addSurnames in
//     recognize_surnames.go);
//  6. links name variants of one person (linkNameVariants in
//     recognize_surnames.go);
//  7. gives an ambiguous name one sense per document
//     (oneSensePerDocument in recognize_senses.go: "Georgia" the US state
//     throughout an article that says "Atlanta, Georgia");
//  8. gives an ambiguous organisation, person or place the sense that
//     belongs to a state the document names (byDocumentCountry in
//     recognize_senses.go: "Congress" is the US Congress beside
//     "Washington");
//  9. finds the institutions of states ("the Iraqi parliament", "China's
//     Foreign Ministry", "the Foreign Ministry" under a Beijing dateline)
//     and armed groups named by a demonym ("Chechen rebels")
//     (stateBodies in recognize_bodies.go);
// 10. finds parties named by a modifier before a role ("Republican
//     Senator", "Labour leader") (partyModifiers in recognize_parties.go).

// Candidate priorities: when two candidates overlap, the higher wins; on
// a tie, the longer, then the earlier.
const (
	prioModel     = 50 // statistical NER label
	prioFuzzy     = 60 // gazetteer name within an edit distance
	prioAdjective = 70 // gazetteer demonym ("Russian")
	prioDate      = 75
	prioTitle     = 80 // a name after a title ("President Vitaly Gabniya")
	prioOrgName   = 85 // a name with an organisation's head word ("Progress Party")
	prioGazetteer = 90 // gazetteer name or alias
	prioModelWide = 95 // an ORG/PERSON label that strictly contains a known name ("University of Georgia")
	prioAcronym   = 97 // an acronym defined in the document, over the gazetteer's reading
)

// candidate is a possible mention of one sentence; tokens [ts, te) are
// indices into the document's tokens.
type candidate struct {
	m      Mention
	ts, te int
	prio   int
}

// recognizer finds the mentions of a document. It is immutable.
type recognizer struct {
	gaz  *gazetteer.Gazetteer
	ner  *ner.Model  // statecraft's NER model; nil to use prose's labels only
	lazy *lazyBodies // the indexes of institutions of states and of parties, built on first use; nil to build them per call
}

// recScratch is per-call working memory of the recognizer.
type recScratch struct {
	spans  []gazetteer.Span
	words  []string
	labels []ner.Label
	nspans []ner.Span
	ner    ner.Scratch
	cands  []candidate
	acros  map[string]Mention
	adjs   []int     // token indices of adjectives (orgNameCandidates)
	kept   []Mention // a sentence's mentions (resolve)

	// A second model scratch to label a name alone (isolatedPerson).
	iso       ner.Scratch
	isoWords  []string
	isoLabels []ner.Label
	isoSpans  []ner.Span
}

// release drops the scratch's references to a document's text, so that a
// pooled scratch does not keep it alive.
func (s *recScratch) release() {
	clear(s.words)
	clear(s.isoWords)
	clear(s.cands)
	clear(s.kept[:cap(s.kept)])
	s.kept = s.kept[:0]
	s.words, s.isoWords, s.cands, s.acros = s.words[:0], s.isoWords[:0], s.cands[:0], nil
}

// mentions returns the mentions of doc, in text order, non-overlapping. It
// checks ctx between sentences.
func (r *recognizer) mentions(ctx context.Context, doc *Document, ref refDate, s *recScratch) ([]Mention, error) {
	var out []Mention
	var dates dateState  // carried from sentence to sentence
	var furniture []span // byte ranges of debris and page furniture, where no mention may be, in text order
	s.acros = nil
	for si, st := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		if len(toks) == 0 {
			continue
		}
		if isDebrisLine(toks) || isBoilerplate(doc.Text[st.Start:st.End]) {
			furniture = append(furniture, span{st.Start, st.End})
			continue
		}
		furniture = appendFurnitureLines(furniture, doc.Text, st)
		s.cands = s.cands[:0]
		r.labelSentence(toks, s)
		r.gazetteerCandidates(doc.Text, toks, st.TokenStart, si, s)
		r.ruleCandidates(doc.Text, toks, st.TokenStart, si, s)
		r.orgNameCandidates(doc.Text, toks, st.TokenStart, si, s)
		r.orgNounCandidates(doc.Text, toks, st.TokenStart, si, s)
		airlineCandidates(doc.Text, toks, st.TokenStart, si, s)
		for _, d := range findDatesIn(toks, ref, &dates) {
			a, b := toks[d.start], toks[d.end-1]
			s.cands = append(s.cands, candidate{
				m:  Mention{Type: Date, Text: doc.Text[a.Start:b.End], Start: a.Start, End: b.End, Sentence: si, Source: FromRule, Score: 0.9, Timex: d.typ, Value: d.value, Mod: d.mod, Anchor: d.anchor, Quant: d.quant, Freq: d.freq, Name: doc.Text[a.Start:b.End]},
				ts: st.TokenStart + d.start, te: st.TokenStart + d.end, prio: prioDate,
			})
		}
		r.modelCandidates(doc.Text, toks, st.TokenStart, si, s)
		from := len(out)
		s.kept = resolve(s.cands, s.kept[:0])
		out = append(out, s.kept...)
		out = r.learnAcronyms(doc, out, from, s)
	}
	// The document-level passes look at ctx too: on a text of megabytes
	// each takes longer than a cancellation may wait.
	out, err := r.dropTitleCaseGuesses(ctx, doc, out)
	if err != nil {
		return nil, err
	}
	if out, err = r.refineTypes(ctx, doc, out); err != nil {
		return nil, err
	}
	if out, err = r.addSurnames(ctx, doc, out); err != nil {
		return nil, err
	}
	if err := linkNameVariants(ctx, doc, out); err != nil {
		return nil, err
	}
	r.oneSensePerDocument(out)
	r.byDocumentCountry(out)
	if out, err = r.stateBodies(ctx, doc, out); err != nil {
		return nil, err
	}
	if out, err = r.partyModifiers(ctx, doc, out); err != nil {
		return nil, err
	}
	if err := r.localParties(ctx, doc, out); err != nil {
		return nil, err
	}
	out = slices.DeleteFunc(out, func(m Mention) bool { return isNewsDesk(doc.Text, &m) })
	if furniture != nil {
		// The candidates of a sentence that holds a line of furniture, and
		// the document-level passes ("Putin" after "Vladimir Putin"), may
		// have put mentions there.
		out = slices.DeleteFunc(out, func(m Mention) bool { return inSpans(furniture, m.Start) })
	}
	return out, nil
}

// resolve picks non-overlapping candidates by priority, then length, then
// position, and returns them as mentions in text order, appended to kept
// (which must be empty; its array is reused).
func resolve(cands []candidate, kept []Mention) []Mention {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.prio != b.prio {
			return b.prio - a.prio
		}
		if la, lb := a.m.End-a.m.Start, b.m.End-b.m.Start; la != lb {
			return lb - la
		}
		return a.m.Start - b.m.Start
	})
	for _, c := range cands {
		at, found := slices.BinarySearchFunc(kept, c.m.Start, func(m Mention, start int) int { return m.Start - start })
		if found || (at > 0 && kept[at-1].End > c.m.Start) || (at < len(kept) && kept[at].Start < c.m.End) {
			continue
		}
		kept = slices.Insert(kept, at, c.m)
	}
	return kept
}

// isDebrisLine reports whether a sentence is web-page debris rather than
// prose: a long run of words without any capital, punctuation or verb, such
// as a line of icon names.
func isDebrisLine(toks []Token) bool {
	if len(toks) < 12 {
		return false
	}
	lower := 0
	for _, t := range toks {
		if startsLower(t.Text) {
			lower++
		}
		if isTerminalText(t.Text) || t.Text == "," {
			return false
		}
	}
	return lower*10 >= len(toks)*9
}

// isNewsDesk reports whether m names the desk of a news agency in its
// contact line ("-- Sydney Newsroom 61-2 9373-1800", "-- Oliver Ludwig,
// New York Energy Desk +1 212 859 1633"): a unit of the agency that
// wrote the story, not an organisation the story is about. The reporter's
// name on the line stays.
func isNewsDesk(text string, m *Mention) bool {
	if m.Type != Org || m.ID != "" {
		return false
	}
	if strings.HasSuffix(m.Text, " Newsroom") || strings.HasSuffix(m.Text, " Newsdesk") {
		return true
	}
	if !strings.HasSuffix(m.Text, " Desk") {
		return false
	}
	line := text[strings.LastIndexByte(text[:m.Start], '\n')+1 : m.Start]
	return strings.HasPrefix(strings.TrimSpace(line), "--")
}
