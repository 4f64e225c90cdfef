package statecraft

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
)

// ItemError is the error of one document of [Pipeline.Pipe]: its index in
// the input sequence, its ID and the error of its analysis (which
// errors.Is and errors.As see through).
type ItemError struct {
	Index int
	ID    string
	Err   error
}

func (e *ItemError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("document %d (%s): %v", e.Index, e.ID, e.Err)
	}
	return fmt.Sprintf("document %d: %v", e.Index, e.Err)
}

// Unwrap returns the error of the analysis.
func (e *ItemError) Unwrap() error { return e.Err }

// Pipe analyses the documents of in concurrently (see [WithConcurrency])
// and yields their results in input order: for each document either its
// Analysis and a nil error, or a nil Analysis and an [*ItemError]; a bad
// document does not stop the others. At most twice the concurrency of
// documents (plus two) are read ahead of the one being yielded, so memory stays
// bounded on an endless input. Stopping the loop early (break) stops the
// work. When ctx is done, the documents in flight end with its error and
// the sequence ends with one more (nil, ctx.Err()); a nil ctx gives only
// (nil, ErrNilContext). The input sequence itself must not block for
// ever.
//
//	for a, err := range p.Pipe(ctx, inputs) {
//		if err != nil {
//			log.Print(err) // one document failed; the others go on
//			continue
//		}
//		use(a)
//	}
func (p *Pipeline) Pipe(ctx context.Context, in iter.Seq[Input]) iter.Seq2[*Analysis, error] {
	return func(yield func(*Analysis, error) bool) {
		if ctx == nil {
			yield(nil, ErrNilContext)
			return
		}
		workers := p.workers
		if workers < 1 {
			workers = runtime.GOMAXPROCS(0)
		}
		parent := ctx
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()

		type result struct {
			a   *Analysis
			err error
		}
		type job struct {
			index int
			in    Input
			out   chan result
		}
		jobs := make(chan job)
		// pending holds each document's result channel in input order; its
		// capacity bounds the documents in flight.
		pending := make(chan chan result, 2*workers)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					a, err := p.analyzeSafe(ctx, j.in)
					if err != nil {
						err = &ItemError{Index: j.index, ID: j.in.ID, Err: err}
						a = nil
					}
					j.out <- result{a, err}
				}
			}()
		}
		// The feeder reads the input in order and hands out the jobs.
		feederDone := make(chan struct{})
		go func() {
			defer close(feederDone)
			defer close(pending)
			defer close(jobs)
			i := 0
			for doc := range in {
				if ctx.Err() != nil {
					return
				}
				out := make(chan result, 1)
				select {
				case pending <- out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{i, doc, out}:
				case <-ctx.Done():
					out <- result{nil, &ItemError{Index: i, ID: doc.ID, Err: ctx.Err()}}
					return
				}
				i++
			}
		}()
		defer func() {
			cancel()
			for range pending { // let the feeder finish
			}
			<-feederDone
			wg.Wait()
		}()
		for out := range pending {
			r := <-out
			if !yield(r.a, r.err) {
				return
			}
		}
		if err := parent.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// ErrPanic is wrapped by the error of a document whose analysis panicked
// (a bug: please report it with the document). Pipe recovers such a panic
// so that one document cannot bring down a service.
var ErrPanic = errors.New("statecraft: internal error (panic)")

// analyzeSafe is AnalyzeInput with a panic turned into an error wrapping
// ErrPanic.
func (p *Pipeline) analyzeSafe(ctx context.Context, in Input) (a *Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("%w: %v", ErrPanic, r)
		}
	}()
	return p.AnalyzeInput(ctx, in)
}
