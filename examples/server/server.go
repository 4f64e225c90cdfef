package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/statecraft/statecraft"
	"github.com/statecraft/statecraft/entities"
	formats "github.com/statecraft/statecraft/format"
)

// config holds the server's limits.
type config struct {
	maxBody     int64         // bytes of a request body
	timeout     time.Duration // per request
	concurrency int           // requests analysed at once
	queue       int           // requests waiting for a slot
}

func defaultConfig() config {
	return config{maxBody: 8 << 20, timeout: 30 * time.Second, concurrency: 4, queue: 64}
}

// server is the HTTP handler.
type server struct {
	cfg config
	log *slog.Logger
	mux *http.ServeMux
	// slots holds a token per request being analysed; waiting counts the
	// requests waiting for one (bounded by cfg.queue).
	slots   chan struct{}
	mu      sync.Mutex
	waiting int
	// analyze and pipe run the pipeline; tests replace them.
	analyze func(ctx context.Context, in statecraft.Input) (*statecraft.Analysis, error)
	pipe    func(ctx context.Context, in iter.Seq[statecraft.Input]) iter.Seq2[*statecraft.Analysis, error]
}

func newServer(p *statecraft.Pipeline, cfg config, log *slog.Logger) (*server, error) {
	if cfg.concurrency < 1 || cfg.queue < 0 || cfg.maxBody < 1 || cfg.timeout <= 0 {
		return nil, fmt.Errorf("bad limits: concurrency %d, queue %d, max-body %d, timeout %v", cfg.concurrency, cfg.queue, cfg.maxBody, cfg.timeout)
	}
	s := &server{cfg: cfg, log: log, mux: http.NewServeMux(), slots: make(chan struct{}, cfg.concurrency),
		analyze: p.AnalyzeInput, pipe: p.Pipe}
	s.mux.HandleFunc("POST /v1/analyze", s.handleAnalyze)
	s.mux.HandleFunc("POST /v1/batch", s.handleBatch)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	return s, nil
}

// statusWriter records the status of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w}
	s.mux.ServeHTTP(sw, r)
	s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
		"bytes_in", r.ContentLength, "ms", float64(time.Since(start).Microseconds())/1000)
}

// errorJSON writes {"error": msg} with status code.
func errorJSON(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Write(append(b, '\n'))
}

// acquire takes an analysis slot, waiting in the bounded queue. It
// returns false (and has written 503) when the queue is full, or when ctx
// ends first (504).
func (s *server) acquire(ctx context.Context, w http.ResponseWriter) bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
	}
	s.mu.Lock()
	if s.waiting >= s.cfg.queue {
		s.mu.Unlock()
		w.Header().Set("Retry-After", "1")
		errorJSON(w, http.StatusServiceUnavailable, "server busy: too many requests waiting; retry later")
		return false
	}
	s.waiting++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.waiting--
		s.mu.Unlock()
	}()
	select {
	case s.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		errorJSON(w, http.StatusGatewayTimeout, "timed out waiting for a free slot")
		return false
	}
}

func (s *server) release() { <-s.slots }

// request is the JSON of one document.
type request struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Date string          `json:"date"`
}

// decodeRequest reads one document's JSON object. It returns the input,
// the raw id (for the output) and an error meant for the client.
func decodeRequest(b []byte) (statecraft.Input, json.RawMessage, error) {
	var req request
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&req); err != nil {
		return statecraft.Input{}, nil, fmt.Errorf("bad JSON: %v", err)
	}
	if dec.More() {
		return statecraft.Input{}, req.ID, errors.New("bad JSON: more than one value")
	}
	if req.Text == nil {
		return statecraft.Input{}, req.ID, errors.New(`no "text"`)
	}
	in := statecraft.Input{Text: *req.Text}
	if len(req.ID) > 0 {
		in.ID = formats.IDString(req.ID)
	}
	if req.Date != "" {
		d, err := time.Parse("2006-01-02", req.Date)
		if err != nil {
			return statecraft.Input{}, req.ID, fmt.Errorf("date %q: want YYYY-MM-DD", req.Date)
		}
		in.Date = d
	}
	return in, req.ID, nil
}

// clientError reports whether err is the client's fault (400) rather
// than the server's.
func clientError(err error) bool {
	return errors.Is(err, statecraft.ErrNotText) || errors.Is(err, entities.ErrTooLarge)
}

// writers are the formats of ?format=.
var writers = map[string]struct {
	contentType string
	write       func(io.Writer, *formats.Doc) error
}{
	"json":    {"application/json", formats.WriteJSON},
	"jsonl":   {"application/json", formats.WriteJSONL},
	"summary": {"text/plain; charset=utf-8", formats.WriteSummary},
	"brat":    {"text/plain; charset=utf-8", formats.WriteBrat},
	"conll":   {"text/plain; charset=utf-8", formats.WriteCoNLL},
	"conllu":  {"text/plain; charset=utf-8", formats.WriteCoNLLU},
	"dot":     {"text/vnd.graphviz; charset=utf-8", formats.WriteDOT},
	"html": {"text/html; charset=utf-8", func(w io.Writer, d *formats.Doc) error {
		return formats.WriteHTML(w, d)
	}},
}

func (s *server) handleAnalyze(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("format")
	if name == "" {
		name = "json"
	}
	out, ok := writers[name]
	if !ok {
		errorJSON(w, http.StatusBadRequest, fmt.Sprintf("unknown format %q: want json, jsonl, summary, brat, conll, conllu, html or dot", name))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			errorJSON(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", s.cfg.maxBody))
			return
		}
		errorJSON(w, http.StatusBadRequest, "reading the body: "+err.Error())
		return
	}
	in, rawID, err := decodeRequest(body)
	if err != nil {
		errorJSON(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	if !s.acquire(ctx, w) {
		return
	}
	a, err := func() (*statecraft.Analysis, error) {
		defer s.release()
		return s.analyze(ctx, in)
	}()
	switch {
	case err == nil:
	case clientError(err):
		errorJSON(w, http.StatusBadRequest, err.Error())
		return
	case errors.Is(err, context.DeadlineExceeded):
		errorJSON(w, http.StatusGatewayTimeout, fmt.Sprintf("analysis took longer than %v", s.cfg.timeout))
		return
	case errors.Is(err, context.Canceled):
		return // the client went away
	default:
		s.log.Error("analyze", "err", err)
		errorJSON(w, http.StatusInternalServerError, "internal error")
		return
	}
	doc := formats.FromAnalysis(in.ID, a)
	doc.RawID = rawID
	var buf bytes.Buffer
	if err := out.write(&buf, &doc); err != nil {
		s.log.Error("write", "format", name, "err", err)
		errorJSON(w, http.StatusInternalServerError, "internal error")
		return
	}
	w.Header().Set("Content-Type", out.contentType)
	w.Write(buf.Bytes())
}

// handleBatch analyses JSON Lines and streams JSON Lines back in order.
// The whole request shares one slot and the request timeout.
func (s *server) handleBatch(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	if !s.acquire(ctx, w) {
		return
	}
	defer s.release()
	// Results stream back while the request is still being read; when the
	// request's time is up, reads and writes that wait on a slow client
	// end at once.
	rc := http.NewResponseController(w)
	if err := rc.EnableFullDuplex(); err != nil {
		s.log.Warn("full duplex", "err", err)
	}
	stopDeadlines := context.AfterFunc(ctx, func() {
		now := time.Now()
		rc.SetReadDeadline(now)
		rc.SetWriteDeadline(now)
	})
	defer stopDeadlines()
	body := http.MaxBytesReader(w, r.Body, s.cfg.maxBody)
	type lineInfo struct {
		n     int
		rawID json.RawMessage
		err   error
	}
	var (
		mu      sync.Mutex
		lines   []lineInfo // lines read and not yet answered, in order
		readErr error
	)
	inputs := func(yield func(statecraft.Input) bool) {
		sc := bufio.NewScanner(body)
		sc.Buffer(make([]byte, 64<<10), int(min(s.cfg.maxBody, 1<<30))+1)
		n := 0
		for sc.Scan() {
			n++
			b := bytes.TrimSpace(sc.Bytes())
			if len(b) == 0 {
				continue
			}
			in, rawID, err := decodeRequest(b)
			if len(rawID) == 0 {
				rawID = formats.RecoverID(b)
				if len(rawID) == 0 {
					rawID = formats.LineID(n)
				}
			}
			if err != nil {
				in = statecraft.Input{ID: in.ID} // analysed as empty; its error is reported
			}
			mu.Lock()
			lines = append(lines, lineInfo{n, rawID, err})
			mu.Unlock()
			if !yield(in) {
				return
			}
		}
		mu.Lock()
		readErr = sc.Err()
		mu.Unlock()
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	bw := bufio.NewWriter(w)
	flush := func() {
		bw.Flush()
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	for a, err := range s.pipe(ctx, inputs) {
		var ie *statecraft.ItemError
		if a == nil && !errors.As(err, &ie) { // the sequence's closing context error
			formats.WriteErrorJSONL(bw, formats.ErrorOutput{ID: formats.LineID(0), Error: "the batch stopped: " + err.Error()})
			break
		}
		mu.Lock()
		li := lines[0]
		lines = lines[1:]
		mu.Unlock()
		switch {
		case li.err != nil:
			formats.WriteErrorJSONL(bw, formats.ErrorOutput{ID: li.rawID, Line: li.n, Error: li.err.Error()})
		case err != nil:
			formats.WriteErrorJSONL(bw, formats.ErrorOutput{ID: li.rawID, Line: li.n, Error: ie.Err.Error()})
		default:
			doc := formats.FromAnalysis(a.ID, a)
			doc.RawID = li.rawID
			formats.WriteJSONL(bw, &doc)
		}
		if bw.Buffered() > 32<<10 {
			flush()
		}
	}
	mu.Lock()
	rerr := readErr
	mu.Unlock()
	if rerr != nil {
		msg := "reading the body: " + rerr.Error()
		var mb *http.MaxBytesError
		if errors.As(rerr, &mb) {
			msg = fmt.Sprintf("body over %d bytes: the batch stops here", s.cfg.maxBody)
		}
		formats.WriteErrorJSONL(bw, formats.ErrorOutput{ID: formats.LineID(0), Error: msg})
	}
	flush()
}
