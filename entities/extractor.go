package entities

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/statecraft/statecraft/entities/internal/depparse"
	"github.com/statecraft/statecraft/entities/internal/ner"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/internal/pool"
	"github.com/statecraft/statecraft/internal/titles"
)

// DefaultMaxBytes is the size limit of [Extractor.Extract] unless
// [WithMaxBytes] sets another: 8 MiB.
const DefaultMaxBytes = 8 << 20

// ErrTooLarge is returned, wrapped with the sizes, by [Extractor.Extract]
// for a text longer than the limit set by [WithMaxBytes]. Test for it with
// errors.Is.
var ErrTooLarge = errors.New("entities: text exceeds the size limit")

// ErrNilContext is returned by [Extractor.Extract], [Extractor.ExtractAt],
// [Extractor.Tag] and [Extractor.TagWords] for a nil context.
var ErrNilContext = errors.New("entities: nil context")

// An Option configures an [Extractor]; pass options to [New].
type Option func(*config)

type config struct {
	maxBytes int
	gaz      *gazetteer.Gazetteer
	noModel  bool
	parse    ParseMode
}

// WithGazetteer makes the Extractor link names to g instead of the default
// gazetteer (gazetteer.New() with the embedded data). Build g with
// gazetteer.WithFile to add your own entries. A nil g restores the default.
func WithGazetteer(g *gazetteer.Gazetteer) Option {
	return func(c *config) { c.gaz = g }
}

// WithoutNERModel makes the Extractor find unknown names with prose's NER
// labels alone instead of statecraft's own NER model (see the package
// documentation). It is much less accurate and exists for comparison.
func WithoutNERModel() Option {
	return func(c *config) { c.noModel = true }
}

// sharedGazetteer is the default gazetteer, built once per process and
// shared with the other stages (see gazetteer.Default).
var sharedGazetteer = gazetteer.Default

// WithMaxBytes sets the largest text, in bytes, that [Extractor.Extract]
// accepts; longer texts yield an error wrapping [ErrTooLarge]. A limit of
// zero or less restores [DefaultMaxBytes]. Time and memory of Extract grow
// linearly with the size of the text: a [Document] holds 64 bytes per
// token besides the text, with about one token per 5 bytes of news and at
// most one per byte.
func WithMaxBytes(n int) Option {
	return func(c *config) {
		if n <= 0 {
			n = DefaultMaxBytes
		}
		c.maxBytes = n
	}
}

// An Extractor turns text into a [Document]: tokens with byte offsets,
// sentences, part-of-speech tags and named-entity labels.
//
// An Extractor is immutable after [New] and safe for concurrent use by
// multiple goroutines; build one and share it.
type Extractor struct {
	cfg     config
	tagger  *tagger
	rec     recognizer
	parser  *depparse.Model // nil with ParseNone
	scratch pool.Pool[tagScratch]
	recs    pool.Pool[recScratch]
	parses  pool.Pool[parseScratch]
}

// New returns an Extractor configured by opts.
//
// The trained models (prose's tagging models, statecraft's NER model, the
// parser's when the Extractor parses) and the default gazetteer are opened
// on the first call in a process that needs them, from tables embedded in
// the binary that are read in place (about 15 ms on one core, a few MiB of
// heap); later calls share the same read-only models and return at once.
// An error means a model's tables are damaged; it is returned again by
// every later call.
func New(opts ...Option) (*Extractor, error) {
	if err := titles.Err(); err != nil {
		return nil, fmt.Errorf("entities: the title list: %w", err)
	}
	cfg := config{maxBytes: DefaultMaxBytes, parse: DefaultParse}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	// The first New in a process opens prose's models, the gazetteer,
	// statecraft's NER model and the parser's; they do not depend on each
	// other, so they load in parallel.
	var (
		wg          sync.WaitGroup
		gaz         = cfg.gaz
		nm          *ner.Model
		gerr, nmErr error
	)
	if gaz == nil {
		wg.Go(func() { gaz, gerr = sharedGazetteer() })
	}
	if !cfg.noModel {
		wg.Go(func() { nm, nmErr = ner.Default() })
	}
	var (
		parser *depparse.Model
		pErr   error
	)
	if cfg.parse != ParseNone {
		wg.Go(func() { parser, pErr = depparse.Default() })
	}
	t, err := sharedTagger()
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("entities: loading prose's models: %w", err)
	}
	if gerr != nil {
		return nil, fmt.Errorf("entities: loading the gazetteer: %w", gerr)
	}
	if nmErr != nil {
		return nil, fmt.Errorf("entities: loading the NER model: %w", nmErr)
	}
	if pErr != nil {
		return nil, fmt.Errorf("entities: loading the parser's model: %w", pErr)
	}
	e := &Extractor{cfg: cfg, tagger: t, rec: recognizer{gaz: gaz, ner: nm, lazy: new(lazyBodies)}, parser: parser}
	return e, nil
}

// maxPooledScratch is the largest arena kept for reuse after a call.
const maxPooledScratch = 1 << 20

// Extract analyses text: it splits it into tokens ([Tokenize]) and
// sentences ([SplitSentences]), sets each token's part-of-speech Tag and
// named-entity Label, sentence by sentence, as prose's models assign them
// (see the package documentation for where the results differ from prose),
// and finds the document's [Mention]s. Relative dates ("yesterday") keep
// their unknown parts as X; use [Extractor.ExtractAt] to resolve them.
//
// Any string is accepted, including invalid UTF-8 and NUL bytes; text is
// never modified, and every token satisfies text[Start:End] == Text. The
// empty string yields a Document without tokens. A text longer than the
// limit (see [WithMaxBytes]) yields an error wrapping [ErrTooLarge].
// Extract checks ctx between sentences and returns ctx.Err() once it is
// done; the partial document is then discarded.
func (e *Extractor) Extract(ctx context.Context, text string) (*Document, error) {
	return e.ExtractAt(ctx, text, time.Time{})
}

// ExtractAt is [Extractor.Extract] with the document's date, against which
// relative dates are resolved: with a date of 2014-09-03, "yesterday" is
// 2014-09-02 and "last week" 2014-W35. The zero time means no date.
func (e *Extractor) ExtractAt(ctx context.Context, text string, date time.Time) (*Document, error) {
	doc, err := e.analyze(ctx, text)
	if err != nil {
		return nil, err
	}
	doc.Date = date
	rs := e.recs.Get()
	defer func() {
		rs.release()
		e.recs.Put(rs)
	}()
	ms, err := e.rec.mentions(ctx, doc, refDate{date, !date.IsZero()}, rs)
	if err != nil {
		return nil, err
	}
	doc.Mentions = ms
	if err := e.parse(ctx, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// Tag is [Extractor.Extract] without mention recognition: it returns the
// Document's tokens, sentences, part-of-speech tags and prose's entity
// labels, and no Mentions. It is for callers that need only the tags (as
// prose.NewDocument with prose.WithExtraction(false)) and costs about a
// third of Extract. Limits, errors and the context are handled as in
// Extract.
func (e *Extractor) Tag(ctx context.Context, text string) (*Document, error) {
	return e.analyze(ctx, text)
}

// TagWords tags one sentence given as words, for text that is already
// tokenized (a treebank's sentence, a caller's own tokenizer): the
// returned Document's Text is the words joined by single spaces, with one
// Token per word at its offsets in that text and one Sentence, tagged as
// [Extractor.Tag] tags a sentence, and parsed unless the Extractor's parse
// mode is ParseNone (see [WithParse]); there are no Mentions. A word may
// hold any bytes, spaces included; an empty word is an error, since a
// token covers at least one byte. The size limit of [WithMaxBytes]
// applies to the joined text.
func (e *Extractor) TagWords(ctx context.Context, words []string) (*Document, error) {
	if ctx == nil {
		return nil, ErrNilContext
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := max(len(words)-1, 0)
	for i, w := range words {
		if w == "" {
			return nil, fmt.Errorf("entities: TagWords: word %d is empty", i)
		}
		n += len(w)
	}
	if n > e.cfg.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, n, e.cfg.maxBytes)
	}
	var b strings.Builder
	b.Grow(n)
	toks := make([]Token, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		toks[i] = Token{Start: b.Len(), End: b.Len() + len(w)}
		b.WriteString(w)
	}
	text := b.String()
	for i := range toks {
		toks[i].Text = text[toks[i].Start:toks[i].End]
	}
	var sents []Sentence
	if len(toks) > 0 {
		sents = []Sentence{{Start: 0, End: len(text), TokenStart: 0, TokenEnd: len(toks)}}
		s := e.scratch.Get()
		e.tagger.tag(toks, s)
		if cap(s.arena) <= maxPooledScratch {
			s.release()
			e.scratch.Put(s)
		}
		if e.parser != nil {
			ps := e.parses.Get()
			err := e.parseSentence(toks, 0, ps)
			e.parses.Put(ps)
			if err != nil {
				return nil, err
			}
		}
	}
	return &Document{Text: text, Tokens: toks, Sentences: sents}, nil
}

// analyze runs the stages before mention recognition: tokens, sentences,
// part-of-speech tags and prose's entity labels.
func (e *Extractor) analyze(ctx context.Context, text string) (*Document, error) {
	if ctx == nil {
		return nil, ErrNilContext
	}
	if len(text) > e.cfg.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), e.cfg.maxBytes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	toks, err := tokenizeContext(ctx, text)
	if err != nil {
		return nil, err
	}
	sents, err := splitSentencesContext(ctx, text, toks)
	if err != nil {
		return nil, err
	}
	s := e.scratch.Get()
	defer func() {
		if cap(s.arena) <= maxPooledScratch {
			s.release()
			e.scratch.Put(s)
		}
	}()
	for _, st := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if st.TokenStart < 0 || st.TokenStart > st.TokenEnd || st.TokenEnd > len(toks) {
			return nil, fmt.Errorf("entities: internal error: sentence token range [%d, %d) of %d tokens", st.TokenStart, st.TokenEnd, len(toks))
		}
		e.tagger.tag(toks[st.TokenStart:st.TokenEnd], s)
	}
	return &Document{Text: text, Tokens: toks, Sentences: sents}, nil
}
