package entities

import "time"

// Token is one word or punctuation mark of a [Document].
//
// Start and End are UTF-8 byte offsets into the document's original text,
// half-open, so that text[Start:End] == Text always holds.
type Token struct {
	Text  string // the token exactly as it appears in the input
	Start int    // byte offset of the first byte
	End   int    // byte offset just past the last byte
	Tag   string // Penn Treebank part-of-speech tag from prose's perceptron model
	Label string // prose's NER label in BIO form ("B-GPE", "I-PERSON", "O")

	// Head and Dep are the token's dependency parse, for the sentences
	// the Extractor parses (see [WithParse]): Head is the index in the
	// document's Tokens of the token's head, in the same sentence, or -1
	// for the sentence's root, and Dep the Universal Dependencies
	// relation to it ("nsubj", "obj", "nmod:poss", "root", ...). In a
	// sentence that was not parsed Dep is "" and Head is 0, which then
	// means nothing: test Dep != "" before reading Head.
	Head int
	Dep  string
}

// Sentence is a run of tokens. Start and End are byte offsets into the
// document's text (half-open); Tokens[TokenStart:TokenEnd] are its tokens.
type Sentence struct {
	Start      int
	End        int
	TokenStart int
	TokenEnd   int
}

// Document is the analysis of one text. It is a plain value: the extractor
// that built it keeps no reference to it, and it shares no mutable state
// with other documents.
type Document struct {
	Text      string     // the caller's text, never rewritten
	Tokens    []Token    // in text order, non-overlapping
	Sentences []Sentence // in text order; each covers its tokens
	Mentions  []Mention  // in text order, non-overlapping

	// Date is the document's date given to [Extractor.ExtractAt], against
	// which relative dates were resolved; zero when none was given.
	Date time.Time
}
