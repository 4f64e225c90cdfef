package entities_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/statecraft/statecraft/entities"
)

// Extract finds typed mentions with byte offsets into the text, linked to
// the gazetteer where it knows the name. An unknown person named in full
// gets that full name as Name, and later uses of the surname share it.
func ExampleExtractor_Extract_mentions() {
	e, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Abkhazian Vice-President Vitaly Gabniya met Vladimir Putin in Moscow in December 2013. " +
		"Putin and Gabniya discussed the Collective Security Treaty Organization (CSTO)."
	doc, err := e.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range doc.Mentions {
		fmt.Printf("[%3d,%3d) %-8s %-40q id=%q name=%q", m.Start, m.End, m.Type, m.Text, m.ID, m.Name)
		if m.Adjectival {
			fmt.Print(" adjectival")
		}
		if m.Value != "" {
			fmt.Printf(" value=%s", m.Value)
		}
		fmt.Println()
	}
	// Output:
	// [  0,  9) STATE    "Abkhazian"                              id="state/abkhazia" name="Abkhazia" adjectival
	// [ 25, 39) PERSON   "Vitaly Gabniya"                         id="" name="Vitaly Gabniya"
	// [ 44, 58) PERSON   "Vladimir Putin"                         id="person/vladimir-putin" name="Vladimir Putin"
	// [ 62, 68) LOCATION "Moscow"                                 id="location/moscow" name="Moscow"
	// [ 72, 85) DATE     "December 2013"                          id="" name="December 2013" value=2013-12
	// [ 87, 92) PERSON   "Putin"                                  id="person/vladimir-putin" name="Vladimir Putin"
	// [ 97,104) PERSON   "Gabniya"                                id="" name="Vitaly Gabniya"
	// [119,158) ORG      "Collective Security Treaty Organization" id="org/csto" name="Collective Security Treaty Organization"
	// [160,164) ORG      "CSTO"                                   id="org/csto" name="Collective Security Treaty Organization"
}

// ExtractAt resolves relative dates against the document's date; Extract
// leaves their unknown parts as X.
func ExampleExtractor_ExtractAt() {
	e, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Talks held yesterday in Sukhumi will resume next week; a treaty may follow in late August or before the end of the year."
	published := time.Date(2014, time.September, 3, 0, 0, 0, 0, time.UTC)
	for _, date := range []time.Time{{}, published} {
		doc, err := e.ExtractAt(context.Background(), text, date)
		if err != nil {
			log.Fatal(err)
		}
		for _, m := range doc.Mentions {
			if m.Type == entities.Date {
				fmt.Printf("[%3d,%3d) %-21q value=%-10s mod=%s\n", m.Start, m.End, m.Text, m.Value, m.Mod)
			}
		}
		fmt.Println()
	}
	// Output:
	// [ 11, 20) "yesterday"           value=XXXX-XX-XX mod=
	// [ 44, 53) "next week"           value=XXXX-WXX   mod=
	// [ 78, 89) "late August"         value=XXXX-08    mod=LATE
	// [100,119) "the end of the year" value=XXXX-12    mod=END
	//
	// [ 11, 20) "yesterday"           value=2014-09-02 mod=
	// [ 44, 53) "next week"           value=2014-W37   mod=
	// [ 78, 89) "late August"         value=2014-08    mod=LATE
	// [100,119) "the end of the year" value=2014-12    mod=END
}
