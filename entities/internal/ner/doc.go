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
// gazetteer kinds) for models trained with them.
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
// repository's parent directory (or pass -train to cmd/nertrain).
package ner

//go:generate go run ./cmd/nertrain -train ../../../../shared/dev/conll2003-train.txt -o model.bin
