// This file holds the document-level typing of the model's names
// (refineTypes): the votes of a name's mentions and the cues that outweigh
// them.

package entities

import (
	"context"
	"slices"

	"github.com/statecraft/statecraft/gazetteer"
)

// Document-level typing of names that the statistical model found.
//
// The model types a name from its sentence alone and often errs on
// names it never saw ("Debre Tabor" a person, "Goodooga" an
// organisation). refineTypes corrects the model's mentions, and adds
// mentions of names it missed, from evidence of the whole document:
//
//   - a definition: "Brigden is a community in ...", "X was a Canadian
//     politician", "X, a town in ...";
//   - a parenthesis of life dates: "Ferenc Puskás ( 1903–1952 )",
//     "X ( born 5 August 1997 )";
//   - a coordinated list whose other items have a sure type: "Lübeck,
//     Wismar and Schwerin", "Tiana and Naveen", "Troy, New York";
//   - the types given to the same name elsewhere in the document, by the
//     gazetteer and rules (sure), these cues, and the model (one vote
//     per mention).
//
// Mentions from the gazetteer, rules and dates are never changed.

// refineWeights: a sure type or a cue outweighs two model votes.
const (
	voteModel = 1
	voteSure  = 3
)

// docMention is a mention with its token range in the document.
type docMention struct {
	Mention
	ts, te int
	cue    Type // a type that the mention's context gives, "" for none
}

// refineTypes applies the document-level evidence to ms and returns the
// mentions, in text order and non-overlapping.
func (r *recognizer) refineTypes(ctx context.Context, doc *Document, ms []Mention) ([]Mention, error) {
	dms := make([]docMention, len(ms))
	ti := 0
	for i, m := range ms {
		for ti < len(doc.Tokens) && doc.Tokens[ti].End <= m.Start {
			ti++
		}
		te := ti
		for te < len(doc.Tokens) && doc.Tokens[te].Start < m.End {
			te++
		}
		dms[i] = docMention{Mention: m, ts: ti, te: te}
	}
	var added []docMention
	mi := 0
	for si, st := range doc.Sentences {
		if every(si, checkSentences) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := doc.Tokens[st.TokenStart:st.TokenEnd]
		if len(toks) == 0 {
			continue
		}
		for mi < len(dms) && dms[mi].ts < st.TokenStart {
			mi++
		}
		mj := mi
		for mj < len(dms) && dms[mj].ts < st.TokenEnd {
			mj++
		}
		sent := dms[mi:mj]
		if isDebrisLine(toks) {
			continue
		}
		added = r.definitionCue(doc, si, st, sent, added)
		for k := range sent {
			m := &sent[k]
			if m.cue != "" || m.Source != FromModel {
				continue
			}
			if lifeDatesAfter(doc.Tokens, m.te) {
				m.cue = Person
			} else if m.te-m.ts <= 3 && r.personShaped(doc.Tokens, m.ts, m.te) {
				// "Chandragupta 's wife", "written by Shellback"; an
				// organisation "said" too, so only kin and agents count.
				switch h := humanContext(doc.Tokens[:st.TokenEnd], m.ts, m.te); {
				case h == humanKin, h == humanSpeech && m.Type == Location:
					m.cue = Person
				}
			}
		}
		added = r.listCues(doc, si, st, sent, added)
	}
	// Votes by name across the document.
	votes := map[string]map[Type]int{}
	vote := func(text string, t Type, w int) {
		if t == State {
			t = Location
		}
		v := votes[text]
		if v == nil {
			v = map[Type]int{}
			votes[text] = v
		}
		v[t] += w
	}
	for _, list := range [][]docMention{dms, added} {
		for i, m := range list {
			if every(i, checkMentions) {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			switch {
			case m.Type == Date || m.Adjectival:
			case m.cue != "":
				vote(m.Text, m.cue, voteSure)
			case m.Source != FromModel || r.headTyped(doc, m):
				vote(m.Text, m.Type, voteSure)
			default:
				vote(m.Text, m.Type, voteModel)
			}
		}
	}
	best := func(text string) Type {
		var bt Type
		bw, tie := 0, false
		for _, t := range [...]Type{Person, Location, Org} {
			switch w := votes[text][t]; {
			case w > bw:
				bt, bw, tie = t, w, false
			case w == bw && w > 0:
				tie = true
			}
		}
		if tie {
			return ""
		}
		return bt
	}
	changed := false
	for i := range dms {
		if every(i, checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := &dms[i]
		if m.Source != FromModel || m.Adjectival || r.headTyped(doc, *m) {
			continue
		}
		t := best(m.Text)
		if m.Type == Org && r.isPlaceName(m.Text) {
			// A known place that the model calls an organisation from its
			// context is a team or a company ("NEW YORK AT TORONTO"),
			// whatever the rest of the document says.
			t = ""
		}
		if m.cue != "" {
			t = m.cue
		}
		if t != "" && t != m.Type && !(t == Location && m.Type == State) {
			m.Type = t
			changed = true
		}
	}
	if len(added) == 0 && !changed {
		return ms, nil
	}
	out := ms[:0]
	for _, m := range dms {
		out = append(out, m.Mention)
	}
	inOrder := len(out)
	for _, m := range added {
		if t := best(m.Text); t != "" {
			m.Type = t
		}
		if m.cue != "" {
			m.Type = m.cue
		}
		out = append(out, m.Mention)
	}
	sortByStart(out, inOrder)
	// Mentions stay non-overlapping: a name that two cues added twice is
	// kept once.
	kept := out[:0]
	for _, m := range out {
		if len(kept) > 0 && kept[len(kept)-1].End > m.Start {
			continue
		}
		kept = append(kept, m)
	}
	return kept, nil
}

// sortByStart sorts ms by Start as slices.SortStableFunc does (equal
// starts keep their order). When ms[:n] is in order already, as the
// document's mentions are, it sorts only ms[n:] (the few that a pass
// added) and merges them in: on a text of megabytes, sorting the whole
// list of large structs would take longer than a cancellation may wait.
func sortByStart(ms []Mention, n int) {
	byStart := func(a, b Mention) int { return a.Start - b.Start }
	if n < 0 || n > len(ms) || !slices.IsSortedFunc(ms[:n], byStart) {
		slices.SortStableFunc(ms, byStart)
		return
	}
	tail := slices.Clone(ms[n:])
	slices.SortStableFunc(tail, byStart)
	// Merge from the back; on equal starts the added mention goes after.
	i, k := n-1, len(ms)-1
	for j := len(tail) - 1; j >= 0; k-- {
		if i >= 0 && ms[i].Start > tail[j].Start {
			ms[k] = ms[i]
			i--
		} else {
			ms[k] = tail[j]
			j--
		}
	}
}

// isPlaceName reports whether the gazetteer knows text as the name of a
// place or state.
func (r *recognizer) isPlaceName(text string) bool {
	g, ok := r.gaz.Lookup(text)
	return ok && g.How != gazetteer.ByFuzzy && (g.Kind == gazetteer.Location || g.Kind == gazetteer.State)
}

// headTyped reports whether a model mention's type comes from a head word
// ("Lake Tana"), which is as sure as a rule.
func (r *recognizer) headTyped(doc *Document, m docMention) bool {
	if m.Source != FromModel || m.te <= m.ts {
		return false
	}
	h := retypeByHead(doc.Tokens[m.ts:m.te], "")
	return h != "" && h == m.Type
}

// newDocMention makes a mention of tokens [ts, te) of the document, found
// by a cue of type t.
func newDocMention(doc *Document, si, ts, te int, t Type) docMention {
	a, b := doc.Tokens[ts], doc.Tokens[te-1]
	text := doc.Text[a.Start:b.End]
	return docMention{
		Mention: Mention{Type: t, Text: text, Start: a.Start, End: b.End, Sentence: si, Name: text, Source: FromModel, Score: 0.6},
		ts:      ts, te: te, cue: t,
	}
}
