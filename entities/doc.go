// Package entities finds who and what a news text mentions. It holds the
// document model ([Document], [Token], [Sentence], [Mention]), the
// tokenizer ([Tokenize]), the sentence splitter ([SplitSentences]),
// part-of-speech tagging and named-entity labelling with the trained
// English models of prose (github.com/jdkato/prose/v2 v2.0.0), entity
// recognition and date normalisation. Relation extraction over a Document
// lives in package relations.
//
// # Phases of use
//
//  1. Build an [Extractor] once with [New]. The first New in a process
//     opens prose's tagging models, the gazetteer and statecraft's entity
//     model (and the parser's, when asked to parse) from tables generated
//     at build time and embedded in the binary, which are used where they
//     lie: a checksum and bounds checks, about 15 ms on one core and a few
//     MiB of heap in all; every Extractor shares them read-only. Options
//     ([WithMaxBytes], [WithParse] and the others) fix its limits, data and
//     stages.
//  2. Call [Extractor.Extract] for each text, from as many goroutines as
//     you like: an Extractor is immutable and safe for concurrent use.
//     Extract tokenizes the text, splits it into sentences, tags every
//     token sentence by sentence, finds the mentions, and parses the
//     sentences that [WithParse] asks for.
//  3. Read the returned [Document]. It is a plain value owned by the
//     caller; the Extractor keeps no reference to it and documents share
//     no mutable state.
//
// # Rules
//
//   - Offsets are UTF-8 byte offsets into the caller's string, half-open:
//     text[t.Start:t.End] == t.Text for every token, and likewise for
//     sentences and mentions. The text is never rewritten; normalised
//     forms (lower case, prose's quote replacement) are lookup copies only.
//   - Any string is valid input, including invalid UTF-8 and NUL bytes;
//     time and memory grow linearly with its size. Texts longer than the
//     limit (8 MiB unless [WithMaxBytes] says otherwise) are refused with
//     an error wrapping [ErrTooLarge]; test it with errors.Is.
//   - Extract honours its context between sentences and then returns
//     ctx.Err() and no document.
//   - Nothing in the package panics on input text or model data; failures
//     are returned as errors.
//
// # Tags and labels
//
// Token.Tag is the Penn Treebank tag and Token.Label the BIO entity label
// (B-GPE, I-PERSON, B-ORGANIZATION, B-LOCATION, B-FACILITY, B-GSP, O, ...)
// that prose's averaged perceptron and maximum-entropy models assign,
// computed here with prose's features and weights rather than by calling
// prose. On a one-sentence text they equal prose's. Over the 1,784
// sentences without repeated words of the CoNLL-2003 validation file, all
// tags and labels agree when both taggers see prose's tokens (on the
// training file: 7,822 sentences, one tag differs, on an exact tie).
// Through Extract, on the sentences whose tokens equal prose's, 99.9 % of
// tags and 99.99 % of labels agree; the differences all come from texts
// that the splitter cuts into several sentences. Reproduce with
//
//	go test ./entities -run Equivalence -v
//
// Results differ from prose.NewDocument by design where prose is wrong or
// random:
//
//   - Tagging is per sentence; prose tags a whole text as one sequence.
//   - prose's tokenizer shares one token between repeated words, which all
//     get the tags of the last occurrence; here each word is tagged alone
//     ("The project will project growth." gives NN and VB, prose VB twice).
//   - prose replaces curly quotes and "&rsquo;" in the text before
//     tokenizing; here the replacement applies to a lookup copy of each
//     token, so a "&rsquo;" split by the tokenizer is not replaced.
//   - Exact ties between scores go to the class or label that prose's
//     model files list first; prose resolves them by Go's random map order.
//     None occurred on the CoNLL-2003 validation file.
//
// # Dependency parsing
//
// With [WithParse], Extract gives the tokens of the chosen sentences a
// head and a Universal Dependencies relation (Token.Head, Token.Dep; the
// relations and subtypes of UD English EWT: nsubj, nsubj:pass, obj, obl,
// obl:agent, nmod:poss, appos, conj, acl:relcl, xcomp, ...). The parser
// is transition-based (arc-hybrid, greedy) with an averaged perceptron
// and its own part-of-speech tagger, which reads Token.Tag among its
// features; both are trained on UD English EWT (CC BY-SA 4.0, which their
// weights carry); see entities/internal/depparse. On EWT test, with gold
// words, it scores 83.6 UAS and 79.9 LAS (dev 83.2 and 79.4:
// go run ./examples/evaluate -conllu FILE). It parses 150,000 to
// 200,000 tokens per second on one core, its tagger included, yet in the
// pipeline, its tables competing for the caches with the other stages',
// ParseArguments still brings the whole pipeline (relations included)
// from about 28 to about 18 times prose.NewDocument's speed on the
// project's benchmark corpus (GOMAXPROCS=1 go run ./examples/bench
// -parse arguments), which is why it is off by default ([DefaultParse]):
// ParseArguments parses the sentences with at least two PERSON, STATE,
// ORG or LOCATION mentions (the only ones whose parse package relations
// reads), ParseAll every sentence, and [Extractor.TagWords]
// parses its sentence in either mode. Its model (5.8 MB) is opened only
// by an Extractor that parses, in about 10 ms.
//
// # Time expressions
//
// Mentions of type [Date] are the time expressions of TIMEX3, as the
// TempEval-3 evaluation counts them: dates and periods ("5 May 2014",
// "third-quarter", "the 1990s"), times of day ("10:35 a.m.", "Friday
// morning"), durations ("three weeks", "10-year", "the past two years")
// and sets ("every day", "weekly"), and the vague references "now",
// "recently" and "the future". Mention.Timex gives the TIMEX3 type,
// Mention.Value the TIMEX3 value, Mention.Mod, Mention.Quant and
// Mention.Freq its qualifiers. [Extractor.ExtractAt] resolves relative
// expressions against the document's date ("yesterday", "Tuesday", "the
// quarter", "a year ago") and names in Mention.Anchor the value they were
// computed from. Weekdays and months without a year are placed by the
// tense of their clause, the nearest reading when it has none. Measured on
// TimeBank and AQUAINT (TempEval-3's training data, 256 news documents,
// 1,822 expressions; not in the repository), with
//
//	GOMAXPROCS=1 go run ./examples/evaluate -timeml ../shared/dev/timebank
//
// relaxed F1 0.931, strict F1 0.858, value F1 0.802, type accuracy 0.955
// (before: 0.815, 0.703, 0.654 and 0.919, every expression typed DATE).
//
// # Speed
//
// Tokenizing, splitting and tagging run at about 600,000 tokens per second
// on one core, about 50 times prose.NewDocument with a reused model (which
// does the same stages), with about one heap allocation per thousand
// tokens; the whole of Extract, mention recognition included, at about
// 190,000 tokens per second with 0.8 allocations per token. Reproduce with
//
//	GOMAXPROCS=1 go test ./entities -run '^$' -bench 'Tagger|Extract|Prose|SpeedRatio' -benchmem
//
// on one news text of about 74 KB from internal/corpus (LongText): the
// first documents of the CoNLL-2003 validation file when the development
// data is in ../shared/dev, otherwise the first documents of the
// project's written corpus, testdata/news/written.jsonl; each benchmark
// logs which. The figures above were measured on 74 KB of CoNLL-2003
// validation text; prose handles long texts faster per token than short
// ones. The whole pipeline with relations, on the benchmark corpus of
// internal/corpus (416 documents with ../shared/dev, else the 360 written
// ones), is measured by examples/bench.
//
// The tagger and statecraft's NER model keep, per goroutine, a cache of
// the model rows or weights of the features that depend on one word alone
// (about 2 MB each, see tagwords.go and internal/ner/cache.go); results are
// exactly those of looking every feature up.
package entities
