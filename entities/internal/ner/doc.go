// Package ner is a self-contained statistical named-entity tagger for
// English news: an averaged structured perceptron over hashed lexical
// features with first-order Viterbi decoding over the nine BIO labels of
// the CoNLL-2003 scheme (PER, LOC, ORG, MISC).
//
// The features of a token are its word, lower-cased word, word shapes
// (Xxxx, XXXX, dd-dd, runs capped or collapsed), prefixes and suffixes of
// up to four runes, orthographic flags, the words and shapes of the two
// tokens on each side and conjunctions of them, the capitalised run the
// token belongs to (its first and last word and the words around it),
// whether the sentence is a headline in capitals, and the Brown cluster of
// the token and of the two tokens on each side (see Word clusters). They
// use neither
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
// without its last 94 documents (of 946: [HeldOut] with a tenth), which
// are kept aside as an untouched check that nothing is trained or tuned
// on; the seed and epoch count are fixed in cmd/nertrain, and the number
// of epochs was chosen on the CoNLL-2003 validation set. CoNLL-2003 is
// Reuters news of 1996 licensed for research; the repository holds only
// weights and word forms derived from it, never its text. Regenerate
// everything with one command,
//
//	go generate ./entities/internal/ner
//
// which needs the development data in ../shared/dev of the repository's
// parent directory and runs, in order, cmd/nerclusters (the clusters,
// 8 to 11 minutes on one core), cmd/nertables -only clusters,
// cmd/nertrain (under a minute) and cmd/nertables: the package embeds
// model.tables, the model with its feature lookup table laid out as it is
// used, and [Default] reads it in place (a checksum and bounds checks,
// nothing built; TestTablesUpToDate fails when it is not what model.bin
// gives).
//
// # Word clusters
//
// clusters.txt holds Brown clusters (Brown et al. 1992) of the 36,495
// words that occur five times or more in 8.8 million tokens of unlabeled
// text: the 10,890 world-affairs articles of 2012-2020 in
// ../shared/dev/news-text/abp-world.jsonl (from the Article-Bias-Prediction
// data set of Baly et al. 2020: Reuters, AP, BBC, CNN, NPR, Al Jazeera,
// the New York Times, Fox, Politico and others; the articles remain their
// publishers', and only word forms, counts and cluster paths are
// committed), cut by statecraft's tokenizer, and the sentences of the
// CoNLL-2003 training set without its held-out part. cmd/nerclusters
// learns them with package brown (Liang's windowed algorithm, 256
// clusters; the same text gives the same bytes). It keeps case: in news,
// case separates names from words ("May", "may"; "Turkey", "turkey";
// "US", "us"), and the shape features already see the case of a word, so
// lower-casing would lose information for little gain in coverage. A word
// in capitals without a cluster of its own (in a headline) takes that of
// its capitalised form, and a capitalised word without one that of its
// lower-cased form. cmd/nertables compiles the list (0.77 MB) into
// clusters.tables, an open-addressing table from a word's hash to its
// path, read in place (1 MB): a lookup is one probe, once per token, and
// the cluster features of a word are cached with its other word-only
// features.
//
// The features (as in Ratinov and Roth 2009) are the prefixes of 4, 6, 10
// and 20 bits of the path and the whole path of the token, an indicator
// for a token without a cluster, and the 4-, 6-, 10- and 20-bit prefixes of
// the tokens at offsets -2 to +2. Models trained with them record feature
// version 2; a model trained without them ([WithClusters](false), or
// cmd/nertrain -clusters=false) records version 1 and labels without them.
// With seeds 1, 2 and 3 the model alone scores, on validation (PER/LOC/ORG
// strict F1; tuned on), 90.85, 90.29, 90.73 without the clusters and
// 91.26, 91.24, 91.19 with them, and on the held-out part of the training
// set 84.38, 84.66, 85.10 without and 85.43, 85.63, 84.46 with them
// (means 84.71 and 85.17):
//
//	go run ./cmd/nertrain -eval [-seed n] [-clusters=false]
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
// not help: on the validation set, with seeds 1 to 4 and 16 epochs (a
// model of the whole training set without clusters, before issue 18), the
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
