package relations

import (
	"strings"
	"unicode/utf8"
)

// lower returns the lower-case form of a token with typographic
// apostrophes replaced by ASCII ones; it allocates only when it must.
func lower(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	return strings.ReplaceAll(strings.ToLower(s), "\u2019", "'")
}

// irregular maps irregular verb forms to their base form.
var irregular = map[string]string{
	"met": "meet", "sought": "seek", "struck": "strike", "stricken": "strike", "held": "hold",
	"began": "begin", "begun": "begin", "led": "lead", "fought": "fight", "became": "become",
	"broke": "break", "broken": "break", "won": "win", "withdrew": "withdraw", "withdrawn": "withdraw",
	"stood": "stand", "brought": "bring", "shot": "shoot", "overran": "overrun", "took": "take",
	"taken": "take", "chose": "choose", "chosen": "choose", "spoke": "speak", "spoken": "speak",
	"told": "tell", "said": "say", "ran": "run", "rose": "rise", "threw": "throw", "thrown": "throw",
	"undertook": "undertake", "undertaken": "undertake", "forged": "forge", "saw": "see", "seen": "see",
	"gave": "give", "given": "give", "got": "get", "gotten": "get", "made": "make", "went": "go",
	"gone": "go", "came": "come", "had": "have", "has": "have", "was": "be", "were": "be",
	"is": "be", "are": "be", "been": "be", "am": "be", "did": "do", "does": "do", "done": "do",
	"sent": "send", "kept": "keep", "left": "leave", "hit": "hit", "set": "set", "put": "put",
	"sat": "sit", "bid": "bid", "bade": "bid", "wrote": "write", "written": "write", "drove": "drive",
	"driven": "drive", "seized": "seize", "inked": "ink", "news": "news", "press": "press",
	"overtook": "overtake", "overtaken": "overtake", "rode": "ride", "lay": "lie", "laid": "lay",
	"froze": "freeze", "frozen": "freeze",
}

// stem returns a crude stem of a lower-case word, the same for the
// inflections of a verb or noun and for British and American spellings:
// "recognised", "recognizes" and "recognize" all give "recogniz"; "met"
// and "meeting" give "meet"; "allies", "allied" and "ally" give "ally".
// Trigger words and document words are compared by their stems.
func stem(w string) string {
	if b, ok := irregular[w]; ok {
		w = b
	}
	// British -ise/-isation spellings.
	for _, suf := range [...]string{"isations", "isation", "ising", "ised", "ises", "ise"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)] + "iz" + suf[2:]
			break
		}
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "eed"):
		return w[:n-1]
	case n > 4 && (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return undouble(dropE(w[:n-3]))
	case n > 4 && strings.HasSuffix(w, "ed"):
		return undouble(dropE(w[:n-2]))
	case n > 4 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w[:n-2], "sh") || strings.HasSuffix(w[:n-2], "ch") || strings.HasSuffix(w[:n-2], "ss") || strings.HasSuffix(w[:n-2], "x")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return undoubleL(dropE(w[:n-1]))
	}
	return undoubleL(dropE(w))
}

// dropE removes a final silent e: "include" → "includ", so that it meets
// "included" → "includ".
func dropE(w string) string {
	if len(w) > 3 && w[len(w)-1] == 'e' && w[len(w)-2] != 'e' {
		return w[:len(w)-1]
	}
	return w
}

// undouble turns a doubled final consonant into a single one ("plann" →
// "plan"), except for s, f and z, which English doubles in base forms, and
// for l after a single syllable ("shell", "kill", but "expell" → "expel").
func undouble(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == w[n-2] && strings.IndexByte("bdgkmnprt", w[n-1]) >= 0 {
		return w[:n-1]
	}
	return undoubleL(w)
}

// undoubleL turns a final "ll" after two or more syllables into "l", so
// that "expelled", "cancelled", "expel" and "cancel" meet.
func undoubleL(w string) string {
	n := len(w)
	if n < 5 || w[n-1] != 'l' || w[n-2] != 'l' {
		return w
	}
	groups, prev := 0, false
	for i := 0; i < n-2; i++ {
		v := strings.IndexByte("aeiouy", w[i]) >= 0
		if v && !prev {
			groups++
		}
		prev = v
	}
	if groups >= 2 {
		return w[:n-1]
	}
	return w
}

// set builds a set of words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// stemSet builds a set of stems of words.
func stemSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[stem(w)] = true
	}
	return m
}

var (
	// beForms are the forms of "be" (and "get" of the get-passive).
	beForms = set(words("beForms")...)
	// auxWords may stand between a subject and its verb.
	auxWords = set(words("auxWords")...)
	// controlVerbs take an infinitive whose subject is their own subject:
	// "Russia plans to recognize ...".
	controlVerbs = stemSet(words("controlVerbs")...)
	// relPronouns introduce relative clauses.
	relPronouns = set(words("relPronouns")...)
	// personPronouns are the subject pronouns resolved to a PERSON.
	personPronouns = set(words("personPronouns")...)
	// roleNouns are definite descriptions resolved to a PERSON: "the
	// diplomat", "the Abkhazian official".
	roleNouns = set(words("roleNouns")...)
	// clauseBreak words end the scope of modality cues and times.
	clauseBreak = set(words("clauseBreak")...)
	// possibleCues make a relation possible when they precede its trigger
	// in the same clause, or modify a nominal trigger.
	possibleCues = set(words("possibleCues")...)
	// negationCues make a relation negated.
	negationCues = set(words("negationCues")...)
	// determiners and similar words skipped before a noun phrase's head.
	determiners = set(words("determiners")...)
	// forceNouns turn an adjectival state into the state itself when it
	// modifies them ("Russian troops" stands for Russia as attacker or
	// target).
	forceNouns = set(words("forceNouns")...)
	// collectiveNouns name groupings whose members are the parties of the
	// sentence's subject: "Russia, Abkhazia and South Ossetia may ... form
	// a bloc that would oppose NATO".
	collectiveNouns = set(words("collectiveNouns")...)
	// membershipNouns name membership: "NATO entry", "EU membership".
	membershipNouns = stemSet(words("membershipNouns")...)
	// tailNouns end coordinations such as "Russia and a few other
	// countries".
	tailNouns = set(words("tailNouns")...)
	// independenceNouns may stand between "recognize" and its object:
	// "recognized the independence of Kosovo".
	independenceNouns = set(words("independenceNouns")...)
)

// isVerbTag reports whether a Penn tag is a verb tag.
func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }

// isNounTag reports whether a Penn tag is a common or proper noun tag.
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }

// isAdjTag reports whether a Penn tag is an adjective tag.
func isAdjTag(t string) bool { return strings.HasPrefix(t, "JJ") }

// isFiniteTag reports whether a Penn tag marks a verb that can head a
// clause.
func isFiniteTag(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" }

// isPunct reports whether a lower-case token is a punctuation token.
func isPunct(w string) bool {
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return strings.ContainsRune(",.;:!?()[]{}\"'“”‘’–—-…/", r) && len(w) <= 3
}
