// Package depparse is a dependency parser for English news: given a
// sentence's words and their Penn Treebank tags (as package entities
// tags them), it finds each word's head and its Universal Dependencies
// relation, with the subtypes of UD English EWT (nsubj:pass, aux:pass,
// nmod:poss, obl:agent, obl:unmarked, compound:prt, acl:relcl, ...).
//
// The parser first tags the words with its own tagger, a greedy averaged
// perceptron trained on UD English EWT's XPOS that reads the caller's
// tags as features ([Model.Tag]). It is transition-based and greedy:
// the arc-hybrid system, with the root at the end of the buffer and
// allowed one dependent, so that every parse is a tree with one root. An
// averaged perceptron over hashed features (a hash kernel: no keys
// stored), those of Zhang and Nivre (2011) adapted to the arc-hybrid
// stack (words, tags, coarse tags, suffixes, shapes, distances,
// valencies, the labels and label sets of the dependents found so far,
// third-order tags), chooses each transition, and another, over the
// arc's two words and their context, its label; it was trained with
// Goldberg and Nivre's dynamic oracle and exploration, on trees made
// projective by lifting. See [Train].
//
// # Use
//
// Obtain a [Model] once ([Default] for the shipped model, or [Load]), then
// call [Model.Parse] per sentence with a [Scratch] owned by the calling
// goroutine. A Model is immutable and safe for concurrent use; a Scratch
// is not. Parse writes, for word i, heads[i] (the index of the head, -1
// for the root) and rels[i] (a [Rel], named by [Model.Label]). It runs in
// time linear in the sentence, never panics, and allocates nothing once
// the Scratch has grown to the longest sentence. The tags must be
// entities' (Token.Tag): the tagger learnt to read them, errors included.
//
// # The shipped model
//
// data/parser.model is trained on the training part of UD English EWT
// v2.15 (CC BY-SA 4.0; the model file, derived from it, carries that
// licence): the tagger on the treebank's XPOS, with the tags that
// entities.Extractor.TagWords predicts as features, the parser on
// jackknifed tags of the tagger, by
//
//	go run ./entities/internal/depparse/cmd/deptrain -o entities/internal/depparse/data/parser.model
//
// from the module root, with the treebank in ../shared/dev/ud-english-ewt.
// See README.md for its scores, speed and size and how to reproduce them.
package depparse

//go:generate go run ./cmd/deptrain -o data/parser.model
