package format_test

import (
	"context"
	"log"
	"os"

	"github.com/statecraft/statecraft"
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
	// Armenia —member-of→ Collective Security Treaty Organization (asserted, rule 0.72)
}
