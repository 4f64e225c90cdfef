package entities

import "context"

// How often the long loops of [Extractor.Extract] look at their context.
// Checking costs a few nanoseconds; these intervals keep the time between
// two checks under a millisecond on one core, so that a cancellation is
// honoured within milliseconds at any point of a text of any size.
const (
	checkBytes     = 64 << 10 // tokenizing: text bytes between checks
	checkTokens    = 16 << 10 // splitting sentences: tokens between checks
	checkSentences = 16       // document-level passes: sentences between checks
	checkMentions  = 256      // document-level passes: mentions between checks
)

// tokenizeContext is [Tokenize] that stops with ctx's error once ctx is
// done, looking at it every checkBytes bytes of text.
func tokenizeContext(ctx context.Context, text string) ([]Token, error) {
	if text == "" {
		return nil, nil
	}
	toks, err := appendTokensContext(ctx, nil, text)
	if err != nil || len(toks) == 0 {
		return nil, err
	}
	return toks, nil
}

// splitSentencesContext is [SplitSentences] that stops with ctx's error
// once ctx is done, looking at it every checkTokens tokens.
func splitSentencesContext(ctx context.Context, text string, tokens []Token) ([]Sentence, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	return appendSentencesContext(ctx, make([]Sentence, 0, len(tokens)/16+1), text, tokens)
}

// every reports whether a loop at step i should look at its context: once
// every n steps.
func every(i, n int) bool { return i%n == 0 }

// mergeMentions returns the mentions of a and b, each sorted by Start, in
// one list sorted by Start, those of a first at equal Start: what a stable
// sort of a followed by b gives, in linear time. It looks at ctx every
// checkMentions mentions.
func mergeMentions(ctx context.Context, a, b []Mention) ([]Mention, error) {
	out := make([]Mention, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if every(len(out), checkMentions) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if b[0].Start < a[0].Start {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...), nil
}
