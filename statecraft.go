package statecraft

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/gazetteer"
	"github.com/statecraft/statecraft/relations"
)

// Errors returned by the Pipeline, wrapped with details; test them with
// errors.Is. Errors of the stages (entities.ErrTooLarge, ...) come
// wrapped as they are.
var (
	// ErrNilContext: a nil context was passed.
	ErrNilContext = errors.New("statecraft: nil context")
	// ErrNotText: the input is not text (see [Pipeline.Analyze]).
	ErrNotText = errors.New("statecraft: input is not text")
)

// An Option configures a [Pipeline]; pass options to [New].
type Option func(*config)

type config struct {
	gaz          *gazetteer.Gazetteer
	maxBytes     int
	threshold    float64
	thresholdSet bool
	noModel      bool
	parse        entities.ParseMode
	relOpts      []relations.Option
	workers      int
	errs         []error
}

// WithGazetteer makes both stages use g instead of the default gazetteer
// (build g with gazetteer.New, for example with gazetteer.WithFile for
// your own entries on top of the default data).
func WithGazetteer(g *gazetteer.Gazetteer) Option {
	return func(c *config) {
		if g == nil {
			c.errs = append(c.errs, errors.New("statecraft: WithGazetteer(nil)"))
		}
		c.gaz = g
	}
}

// WithMaxBytes sets the largest text accepted (entities.DefaultMaxBytes
// by default); a longer one gives an error wrapping entities.ErrTooLarge.
func WithMaxBytes(n int) Option { return func(c *config) { c.maxBytes = n } }

// WithThreshold sets the confidence that relations found by the learned
// model alone must reach (see relations.WithThreshold).
func WithThreshold(t float64) Option {
	return func(c *config) { c.threshold, c.thresholdSet = t, true }
}

// WithoutRelationModel runs the relation rules alone (see
// relations.WithoutModel).
func WithoutRelationModel() Option { return func(c *config) { c.noModel = true } }

// WithRelationOptions passes more options to the relation stage: extra
// triggers, types and rules (relations.WithTriggers, WithType, WithRule).
func WithRelationOptions(opts ...relations.Option) Option {
	return func(c *config) { c.relOpts = append(c.relOpts, opts...) }
}

// WithParse sets which sentences get a dependency parse (Token.Head and
// Token.Dep; see entities.WithParse); without it, entities.DefaultParse
// applies (no parsing).
func WithParse(m entities.ParseMode) Option { return func(c *config) { c.parse = m } }

// WithConcurrency sets how many documents [Pipeline.Pipe] analyses at
// once (at least 1; runtime.GOMAXPROCS(0) by default).
func WithConcurrency(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.errs = append(c.errs, fmt.Errorf("statecraft: WithConcurrency(%d): want at least 1", n))
		}
		c.workers = n
	}
}

// Pipeline runs every stage of statecraft on a text: tokens, sentences,
// part-of-speech tags, mentions linked to the gazetteer, dates, and
// relations. It is immutable after [New] and safe for concurrent use;
// build one per process and share it.
type Pipeline struct {
	ent      *entities.Extractor
	rel      *relations.Extractor
	workers  int
	maxBytes int
}

// New builds every stage once, with one set of options: the models and
// the gazetteer are loaded here, not per call. It returns the first
// option's or stage's error.
func New(opts ...Option) (*Pipeline, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	var eo []entities.Option
	var ro []relations.Option
	if c.gaz != nil {
		eo = append(eo, entities.WithGazetteer(c.gaz))
		ro = append(ro, relations.WithGazetteer(c.gaz))
	}
	if c.maxBytes != 0 {
		eo = append(eo, entities.WithMaxBytes(c.maxBytes))
	}
	if c.parse != 0 {
		eo = append(eo, entities.WithParse(c.parse))
	}
	if c.noModel {
		ro = append(ro, relations.WithoutModel())
	}
	if c.thresholdSet {
		ro = append(ro, relations.WithThreshold(c.threshold))
	}
	ro = append(ro, c.relOpts...)
	ent, err := entities.New(eo...)
	if err != nil {
		return nil, err
	}
	rel, err := relations.New(ro...)
	if err != nil {
		return nil, err
	}
	maxBytes := c.maxBytes
	if maxBytes == 0 {
		maxBytes = entities.DefaultMaxBytes
	}
	return &Pipeline{ent: ent, rel: rel, workers: c.workers, maxBytes: maxBytes}, nil
}

// Analysis is what statecraft finds in one text. Offsets everywhere are
// UTF-8 byte offsets into Text, half-open: Text[m.Start:m.End] == m.Text.
type Analysis struct {
	// ID is the Input's ID ("" for [Pipeline.Analyze]).
	ID string
	// Text is the caller's text, never rewritten.
	Text string
	// Date is the document's date, against which relative dates were
	// resolved; zero when none was given.
	Date time.Time
	// Tokens and Sentences carry the tokens (with Penn Treebank
	// part-of-speech tags) and sentences.
	Tokens    []entities.Token
	Sentences []entities.Sentence
	// Mentions are the PERSON, STATE, ORG, DATE and LOCATION mentions in
	// text order; a relation's arguments index this list.
	Mentions []entities.Mention
	// Relations are the typed relations between the mentions, sorted by
	// the start of their evidence.
	Relations []relations.Relation
}

// Document returns the analysis as the entities.Document the relation
// stage read.
func (a *Analysis) Document() *entities.Document {
	return &entities.Document{Text: a.Text, Tokens: a.Tokens, Sentences: a.Sentences, Mentions: a.Mentions, Date: a.Date}
}

// Input is one document for [Pipeline.Pipe] or [Pipeline.AnalyzeInput]:
// an ID of the caller's choosing, the text, and an optional date.
type Input struct {
	ID   string
	Text string
	Date time.Time
}

// Analyze runs every stage on text. It returns an error wrapping
// [ErrNilContext] for a nil context, [ErrNotText] for input that is not
// text (see below), entities.ErrTooLarge for a text over the size limit,
// or ctx.Err() once ctx is done.
//
// Not text: of a text of 64 bytes or more, over 10 % of its bytes are NUL,
// other control characters than tab, line feed, carriage return and form
// feed, or bytes of invalid UTF-8. Ordinary text with a few bad bytes is
// analysed as it is.
func (p *Pipeline) Analyze(ctx context.Context, text string) (*Analysis, error) {
	return p.AnalyzeInput(ctx, Input{Text: text})
}

// AnalyzeInput is [Pipeline.Analyze] for an Input: its date resolves
// relative dates ("yesterday", "last week"), its ID is the Analysis's.
func (p *Pipeline) AnalyzeInput(ctx context.Context, in Input) (*Analysis, error) {
	if ctx == nil {
		return nil, ErrNilContext
	}
	if len(in.Text) > p.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", entities.ErrTooLarge, len(in.Text), p.maxBytes)
	}
	if err := checkText(in.Text); err != nil {
		return nil, err
	}
	doc, err := p.ent.ExtractAt(ctx, in.Text, in.Date)
	if err != nil {
		return nil, err
	}
	rs, err := p.rel.Extract(ctx, doc)
	if err != nil {
		return nil, err
	}
	return &Analysis{ID: in.ID, Text: doc.Text, Date: doc.Date, Tokens: doc.Tokens, Sentences: doc.Sentences,
		Mentions: doc.Mentions, Relations: rs}, nil
}

// Limits of checkText.
const (
	notTextMinBytes = 64
	notTextShare    = 0.10
)

// checkText refuses input that is not text (see Analyze).
func checkText(s string) error {
	if len(s) < notTextMinBytes {
		return nil
	}
	bad := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	if float64(bad) > notTextShare*float64(len(s)) {
		return fmt.Errorf("%w: %d of %d bytes are NUL, control characters or invalid UTF-8", ErrNotText, bad, len(s))
	}
	return nil
}
