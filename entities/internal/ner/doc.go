// Package ner is a self-contained statistical named-entity tagger for
// English news: an averaged structured perceptron over hashed lexical
// features with first-order Viterbi decoding over the nine BIO labels of
// the CoNLL-2003 scheme (PER, LOC, ORG, MISC).
//
// The features of a token are its word, lower-cased word, word shapes
// (Xxxx, XXXX, dd-dd, runs capped or collapsed), prefixes and suffixes of
// up to four runes, orthographic flags, the words and shapes of the two
// tokens on each side and conjunctions of them, the capitalised run the
// token belongs to (its first and last word and the words around it), and
// whether the sentence is a headline in capitals. They use neither
// part-of-speech tags nor the gazetteer, so the model is independent of
// both; [Model.LabelExt] accepts caller-supplied per-token bits (such as
// prose's analysis, [ProseExt], or gazetteer kinds) for models trained
// with them.
//
// Use: obtain a [Model] once ([Default] for the shipped model, or [Load]),
// then call [Model.Label] per sentence with a [Scratch] owned by the
// calling goroutine. A Model is immutable and safe for concurrent use; a
// Scratch is not. Label returns one [Label] per word; [AppendSpans] turns
// labels into token spans. Words must be tokenised as CoNLL-2003 or
// statecraft's tokenizer do; the caller maps spans back to byte offsets.
//
// The shipped model.bin is trained on the CoNLL-2003 English training set
// only, with the fixed seed and epoch count of cmd/nertrain; the number of
// epochs was chosen on the CoNLL-2003 validation set. Regenerate it with
// go generate, which needs the development data in ../shared/dev of the
// repository's parent directory (or pass -train to cmd/nertrain), and
// which then runs cmd/nertables: the package embeds model.tables, the
// model with its feature lookup table laid out as it is used, and
// [Default] reads it in place (a checksum and bounds checks, nothing
// built; TestTablesUpToDate fails when it is not what model.bin gives).
//
// # Stacking prose's analysis
//
// [ProseExt] turns the part-of-speech tag and named-entity label that
// prose's models give a token (Token.Tag and Token.Label of package
// entities) into external bits: five for prose's entity type (PERSON, GPE,
// LOCATION, ORGANIZATION, other), two for its B-/I- prefix and twelve for
// a coarse part-of-speech class. cmd/nertrain -stack trains with them,
// computing them for every CoNLL-2003 sentence by joining its words with
// spaces, running entities.Extractor.Extract and aligning the tokens by
// byte offset. The shipped model is trained without them, because they do
// not help: on the validation set, with seeds 1 to 4 and 16 epochs, the
// PER/LOC/ORG F1 is 91.17, 91.06, 91.09, 91.05 without the bits and
// 90.99, 90.93, 90.98, 91.17 with them (entity bits alone: 91.01, 90.91,
// 91.12, 91.16; part-of-speech bits alone: 90.84, 91.01, 91.15, 91.23).
// prose's own labels score 41.20 F1 there. Document-level strict recall
// on Re-DocRED dev (seed 1) moves from 79.45 to 79.85 for PER, 58.14 to
// 58.93 for LOC and 53.28 to 51.59 for ORG. Reproduce with
//
//	go run ./cmd/nertrain -eval [-seed n] [-redocred ../../../../shared/dev/redocred-dev.json]
//	go run ./cmd/nertrain -eval -stack [-extmask 0x7f|0x7ff80] [-seed n] [-redocred ...]
//
// A model trained with -stack expects the bits at labelling time
// ([Model.LabelExt] with ProseExt of each token); passing them to the
// shipped model is harmless, as it has no weights for them.
package ner

//go:generate go run ./cmd/nertrain -train ../../../../shared/dev/conll2003-train.txt -o model.bin
