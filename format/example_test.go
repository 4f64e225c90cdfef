package format_test

import (
	"context"
	"log"
	"os"

	"github.com/statecraft/statecraft"
	"github.com/statecraft/statecraft/entities"
	"github.com/statecraft/statecraft/format"
)

func ExampleWriteSummary() {
	p, err := statecraft.New()
	if err != nil {
		log.Fatal(err)
	}
	a, err := p.Analyze(context.Background(), "Armenia is a member of the Collective Security Treaty Organization.")
	if err != nil {
		log.Fatal(err)
	}
	doc := format.FromAnalysis("doc-1", a)
	if err := format.WriteSummary(os.Stdout, &doc); err != nil {
		log.Fatal(err)
	}
	// Output:
	// == doc-1: 2 mentions of 2 entities, 1 relation ==
	//
	// STATE     Armenia ×1 (state/armenia)
	// ORG       Collective Security Treaty Organization ×1 (org/csto)
	//
	// Armenia —member-of→ Collective Security Treaty Organization (asserted, rule 0.87)
}

// WriteCoNLLU writes the tokens, tags and dependency parse of each
// sentence; the pipeline parses when asked to (statecraft.WithParse).
func ExampleWriteCoNLLU() {
	p, err := statecraft.New(statecraft.WithParse(entities.ParseAll))
	if err != nil {
		log.Fatal(err)
	}
	a, err := p.Analyze(context.Background(), "Abkhazia was recognized by Russia.")
	if err != nil {
		log.Fatal(err)
	}
	doc := format.FromAnalysis("doc-1", a)
	if err := format.WriteCoNLLU(os.Stdout, &doc); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # newdoc id = doc-1
	// # sent_id = 1
	// # text = Abkhazia was recognized by Russia.
	// 1	Abkhazia	_	PROPN	NNP	_	3	nsubj:pass	_	Start=0|End=8|Entity=B-STATE
	// 2	was	_	AUX	VBD	_	3	aux:pass	_	Start=9|End=12
	// 3	recognized	_	VERB	VBN	_	0	root	_	Start=13|End=23
	// 4	by	_	ADP	IN	_	5	case	_	Start=24|End=26
	// 5	Russia	_	PROPN	NNP	_	3	obl:agent	_	Start=27|End=33|Entity=B-STATE|SpaceAfter=No
	// 6	.	_	PUNCT	.	_	3	punct	_	Start=33|End=34
}
