// Command server is statecraft as an HTTP JSON service:
//
//	go run ./examples/server -addr :8080
//
// Endpoints:
//
//	POST /v1/analyze   {"text": "...", "date"?: "YYYY-MM-DD", "id"?: "..."} in;
//	                   the JSON contract object of docs/contract.md out, or
//	                   another format with ?format=summary|brat|conll|conllu|html|dot|jsonl
//	POST /v1/batch     JSON Lines in (one such object per line), JSON Lines
//	                   out, streamed in input order; a line that fails gives
//	                   {"id": ..., "line": N, "error": "..."} and the batch goes on
//	GET  /healthz      200 "ok" once the models are loaded
//
// Limits (flags): -max-body (bytes of a request body; 413 above it),
// -timeout (per request; 504 when reached), -concurrency (requests
// analysed at once) and -queue (requests waiting for a slot; 503 with
// Retry-After when full). -parse none|arguments|all (default none) sets
// which sentences get a dependency parse, which ?format=conllu and the HTML
// view show. SIGTERM or SIGINT shut the server down
// gracefully: it stops accepting connections and finishes the requests
// it has, within -grace. Logs are structured (log/slog, JSON on stderr).
//
// Errors are JSON: {"error": "..."} with status 400 (bad JSON, missing
// text, a date that is not YYYY-MM-DD, input that is not text), 404,
// 405, 413, 503 or 504.
//
//	curl -s localhost:8080/v1/analyze -d '{"text":"Russia recognized Abkhazia in 2008."}'
//	curl -s 'localhost:8080/v1/analyze?format=summary' -d '{"text":"Putin met Erdogan in Sochi."}'
//	curl -s localhost:8080/v1/batch --data-binary @news.jsonl
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/statecraft/statecraft"
	"github.com/statecraft/statecraft/entities"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	addr := fs.String("addr", ":8080", "address to listen on")
	cfg := defaultConfig()
	fs.Int64Var(&cfg.maxBody, "max-body", cfg.maxBody, "largest request body in bytes (413 above)")
	fs.DurationVar(&cfg.timeout, "timeout", cfg.timeout, "time allowed to one request (504 when reached)")
	fs.IntVar(&cfg.concurrency, "concurrency", cfg.concurrency, "requests analysed at once")
	fs.IntVar(&cfg.queue, "queue", cfg.queue, "requests waiting for a slot (503 when full)")
	grace := fs.Duration("grace", 30*time.Second, "time to finish running requests on shutdown")
	parse := fs.String("parse", "none", "sentences to parse (heads and relations in ?format=conllu and the HTML view): none, arguments or all")
	if err := fs.Parse(args); err != nil {
		return err
	}
	modes := map[string]entities.ParseMode{"none": entities.ParseNone, "arguments": entities.ParseArguments, "all": entities.ParseAll}
	mode, ok := modes[*parse]
	if !ok {
		return fmt.Errorf("-parse %q: want none, arguments or all", *parse)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	start := time.Now()
	p, err := statecraft.New(statecraft.WithConcurrency(max(1, cfg.concurrency)), statecraft.WithParse(mode))
	if err != nil {
		return err
	}
	logger.Info("models loaded", "ms", time.Since(start).Milliseconds())
	s, err := newServer(p, cfg, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	// A request has -timeout for its analysis; reading and writing get
	// as long again, so that a slow client cannot hold a connection for
	// ever.
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2*cfg.timeout + 10*time.Second,
		WriteTimeout: 2*cfg.timeout + 10*time.Second, IdleTimeout: 2 * time.Minute}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
