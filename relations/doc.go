// Package relations finds typed relations between the entities of a
// document analysed by package entities.
package relations
