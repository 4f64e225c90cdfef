package entities

import (
	"testing"
)

// CheckTokenInvariants reports, through tb, every violation of the contracts
// of [Tokenize] and [SplitSentences] by tokens and sentences of text:
//
//   - every token is non-empty, in bounds and text[Start:End] == Text;
//   - tokens are in text order and do not overlap;
//   - no token is longer than maxTokenBytes;
//   - sentences are non-empty, cover all tokens in order without gaps or
//     overlap, and Start and End are their first token's Start and last
//     token's End;
//   - no sentence has more than maxSentenceTokens tokens.
//
// It is exported only to the tests of this package (including the external
// entities_test package), so that other stages can check their documents.
// It stops after the first few violations.
func CheckTokenInvariants(tb testing.TB, text string, tokens []Token, sentences []Sentence) {
	tb.Helper()
	errs := 0
	fail := func(format string, args ...any) bool {
		tb.Helper()
		tb.Errorf(format, args...)
		errs++
		return errs >= 5
	}
	prevEnd := 0
	for i, tok := range tokens {
		switch {
		case tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End:
			if fail("token %d %q: bad span [%d,%d) in text of %d bytes", i, tok.Text, tok.Start, tok.End, len(text)) {
				return
			}
			continue
		case text[tok.Start:tok.End] != tok.Text:
			if fail("token %d: text[%d:%d] = %q, Text = %q", i, tok.Start, tok.End, text[tok.Start:tok.End], tok.Text) {
				return
			}
		case tok.Start < prevEnd:
			if fail("token %d %q at %d overlaps or precedes the previous token ending at %d", i, tok.Text, tok.Start, prevEnd) {
				return
			}
		case tok.End-tok.Start > maxTokenBytes:
			if fail("token %d is %d bytes long, more than %d", i, tok.End-tok.Start, maxTokenBytes) {
				return
			}
		}
		prevEnd = tok.End
	}
	if len(tokens) == 0 {
		if len(sentences) != 0 {
			fail("%d sentences without tokens", len(sentences))
		}
		return
	}
	next := 0 // the first token not yet covered
	for i, s := range sentences {
		switch {
		case s.TokenStart != next:
			if fail("sentence %d starts at token %d, want %d", i, s.TokenStart, next) {
				return
			}
		case s.TokenEnd <= s.TokenStart || s.TokenEnd > len(tokens):
			if fail("sentence %d: bad token range [%d,%d) of %d tokens", i, s.TokenStart, s.TokenEnd, len(tokens)) {
				return
			}
			continue
		case s.Start != tokens[s.TokenStart].Start || s.End != tokens[s.TokenEnd-1].End:
			if fail("sentence %d: span [%d,%d), want [%d,%d) from its tokens", i, s.Start, s.End,
				tokens[s.TokenStart].Start, tokens[s.TokenEnd-1].End) {
				return
			}
		case s.TokenEnd-s.TokenStart > maxSentenceTokens:
			if fail("sentence %d has %d tokens, more than %d", i, s.TokenEnd-s.TokenStart, maxSentenceTokens) {
				return
			}
		}
		if s.TokenEnd > next {
			next = s.TokenEnd
		}
	}
	if next != len(tokens) {
		fail("sentences cover %d of %d tokens", next, len(tokens))
	}
}

// checkText tokenizes and splits text and checks the invariants.
func checkText(tb testing.TB, text string) ([]Token, []Sentence) {
	tb.Helper()
	toks := Tokenize(text)
	sents := SplitSentences(text, toks)
	CheckTokenInvariants(tb, text, toks, sents)
	return toks, sents
}
