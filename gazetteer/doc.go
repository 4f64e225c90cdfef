// Package gazetteer holds statecraft's curated list of states,
// organisations, people and locations, and finds their names in text.
//
// # Scope
//
// The data lives in JSON Lines files under gazetteer/data/ (one entry per
// line, sorted by id, described in gazetteer/README.md) and is embedded in
// the binary: the package reads nothing from disk unless asked to. An
// [Entry] has an id ("state/south-ossetia", "org/csto",
// "person/vladimir-putin", "location/moscow"), a canonical name, aliases
// (official names, acronyms, transliterations, short forms), adjectives and
// demonyms, and attributes: ISO codes, status, capital, country, category,
// validity dates and, for people, [Role]s with date ranges.
//
// The matcher reports where names occur ([Match]: byte offsets into the
// caller's text, the entry, how the name matched, a score and the other
// entries the same words could name). It does not decide what a mention
// means in context: the entities package does that, using the matches.
// This package imports nothing from the rest of statecraft.
//
// # Phases
//
//  1. Load once: [New] reads the embedded data and any user files
//     ([WithFile], [WithReader], [WithEntries]), validates everything,
//     merges entries that share an id, and precomputes the exact and fuzzy
//     indexes. Any problem fails the whole load with an [ErrorList] of
//     "file:line: reason" errors; nothing is half-loaded. The embedded data
//     alone is also shipped compiled (data/compiled.tables, written by
//     cmd/gengaz through go generate and checked against the JSON Lines
//     files by TestCompiledUpToDate): New without sources, and [Default],
//     which builds it once per process for every caller, open those tables
//     in place in about a millisecond instead of parsing and indexing the
//     files (about 45 ms). [Gazetteer.MarshalBinary] and [Compiled] do the
//     same for a caller's own data.
//  2. Match many times: [Gazetteer.Match] with the caller's tokens, or
//     [Gazetteer.MatchText] with the package's own [Tokenize];
//     [Gazetteer.Lookup] for one name; [Gazetteer.Entry] and
//     [Gazetteer.Entries] for attributes.
//
// A *Gazetteer is immutable and safe for concurrent use by any number of
// goroutines; matching keeps its scratch memory in an internal pool and
// allocates only for the matches it returns.
//
// # Rules for callers
//
//   - Offsets are UTF-8 byte offsets into the string passed in, half-open:
//     text[m.Start:m.End] is the matched text. Tokens passed to Match must
//     be in text order and must not overlap; tokens that break this are
//     skipped.
//   - A match may lie inside a token ("Moscow" in "Moscow-led"); TokenStart
//     and TokenEnd then name the enclosing token(s).
//   - Alternatives are real ambiguities ("Georgia" the state and the US
//     state): the first entry is the one a library about states prefers
//     (names before aliases before adjectives, then states, orgs, people,
//     locations, then entries still valid — for people, holding a role
//     without an end date — before past ones, then by id), not a resolved
//     reading.
//   - Fuzzy matches (How == [ByFuzzy]) are guesses; their Score is lower.
//     Callers that need precision can drop them.
//   - Entries returned by the Gazetteer are copies.
//   - Text in capitals (headlines) matches names case-insensitively, but an
//     acronym cannot be told from a capitalised word there: "HELP US"
//     matches US. Callers that know a line is a headline can weigh acronym
//     matches (Match.Acronym) in it accordingly.
//
// # Matching rules
//
// Names are compared word by word on normalised keys (lower case, Latin
// diacritics removed, ’ = ', hyphens optional: "Guinea-Bissau" = "Guinea
// Bissau"), so multi-word names match across line breaks and extra
// spaces, "NATO’s" matches NATO (the possessive is a unit of its own), and
// the parts of hyphenated words match ("post-Soviet" gives the adjective
// Soviet with the byte span of "Soviet"). Case matters in two ways:
// acronyms (names written in capitals with at most six letters and digits:
// NATO, CIS, EU, G20, U.S.) match only with the same capitals, so "cis"
// never matches; other names match in any case as long as each word that
// starts with a capital in the name starts with a capital in the text (or
// the text is in capitals, as in headlines): "RUSSIA" matches Russia,
// "russia" does not. At each position the longest exact name wins; matches
// do not overlap and are reported left to right.
//
// # Fuzzy matching
//
// Where no exact name starts, the plural of an adjective or demonym is
// tried first ("Russians", "Iraqis", "South Ossetians": reported as
// [ByFuzzy] at distance 1, Adjectival). Then windows of one to four
// capitalised words are compared with the names under the Levenshtein
// distance (github.com/agnivade/levenshtein): Tadjikistan, Saakashvilli and
// Kirgizstan find Tajikistan, Saakashvili and Kyrgyzstan. The bound depends
// on the letters of the shorter of window and name: no fuzzy matching under
// 7 letters (the design allowed 5, but on news 5- and 6-letter near misses
// were almost all other names: Boxing/Boeing, Arafat/Ararat, Nigel/Niger),
// distance 1 for 7 and 8 letters, 2 from 9. The first letter must agree;
// a window of several words needs as many words as the name, each within
// the bound of its own length; and a window and a name that differ only
// by their endings or their last letter (Albert/Alberta, Holland/Hollande,
// Alberto/Alberta) are other words, not misspellings.
//
// A window is never matched fuzzily when it is itself a name of some
// entry (whatever the case), when it consists of common English words (an
// embedded list of about 3,900 words: "States", "Union", "Nation"), or
// when two different entries are about as close (within one edit of each
// other: "Austrlia" could be Australia or Austria). Names of a few known
// confusable groups (Iran/Iraq, Austria/Australia, Niger/Nigeria,
// Sudan/South Sudan, the Guineas, Dominica/Dominican Republic,
// Slovakia/Slovenia, ...) are never matched fuzzily when another of the
// group is within reach.
//
// Edited news has few misspellings, so fuzzy matches are often other
// names: on the CoNLL-2003 training half (14,041 sentences), besides 96
// plurals of demonyms (nearly all right), 52 windows were matched fuzzily, 14 of
// them real variants (Liechenstein, Novorossiisk, Scandanavia,
// Suleimaniya, Zaporizhya) and the rest other names (Arminia the football
// club, Warrington, Vitoria). Treat ByFuzzy matches as candidates to be
// confirmed, for instance by a named-entity tagger.
//
// Candidates come from a symmetric-deletion index (the SymSpell method),
// not from a scan. Each name is stored under the hashes of the strings
// obtained by deleting up to two runes from a short signature of it (its
// first or its last 7 runes, or 9 for names that allow two edits,
// whichever signature fewer names share); a query hashes its own deletion
// variants of both signatures, at most about a hundred hashes, and verifies
// only the names it finds with a real Levenshtein distance. The cost of a
// query depends on the length of the window, not on the number of names.
// Most windows find nothing, so a Bloom filter of the same deletion
// variants, keyed also by the name's first rune (and, for windows of
// several words, of the short words at their place in names) turns most
// of them away first, at a few additions per variant, without ever
// turning away one that finds a name.
// The alternatives were weighed as follows:
//
//   - A BK-tree needs no extra memory, but a query with radius 2 over short
//     strings of similar lengths visits a large share of the tree: search
//     cost grows with the gazetteer.
//   - An n-gram (trigram) index with count filtering is compact, but its
//     filter is weak exactly where the matcher works: a 6-letter word has 4
//     trigrams and one edit can destroy 3 of them, and posting lists of
//     common grams ("ist", "ian", "rep") are long.
//   - The deletion index costs memory (8 bytes for each of up to 46 hashes
//     of each name: a few MB for the default data) and load time (a few
//     ms), and answers in microseconds. On a synthetic gazetteer of 100,000
//     entries it is more than a thousand times faster than a Levenshtein
//     scan of every name (BenchmarkFuzzyVsScan100k).
//
// # Limits
//
// Files are read line by line. A line longer than [MaxLineLength] is an
// error; a load stops with [ErrTooManyEntries] beyond [WithMaxEntries]
// entries ([DefaultMaxEntries] by default), and the error list stops at
// 1,000 problems, so that memory stays bounded whatever the input. A
// loaded entry costs roughly 0.7 to 1 KB with its indexes.
package gazetteer
