package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/statecraft/statecraft"
)

var shared = sync.OnceValues(func() (*statecraft.Pipeline, error) { return statecraft.New() })

// testServer returns a server with cfg over the shared pipeline, logging
// nowhere.
func testServer(t testing.TB, cfg config) *server {
	t.Helper()
	p, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	s, err := newServer(p, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func post(t testing.TB, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestAnalyze(t *testing.T) {
	ts := httptest.NewServer(testServer(t, defaultConfig()))
	defer ts.Close()
	code, body := post(t, ts.URL+"/v1/analyze", `{"id": 7, "text": "Russia recognized Abkhazia in 2008.", "date": "2014-09-03"}`)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	var out struct {
		ID        int    `json:"id"`
		Date      string `json:"date"`
		Relations []struct {
			Type    string `json:"type"`
			Subject struct{ Name string }
			Object  struct{ Name string }
		} `json:"relations"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != 7 || out.Date != "2014-09-03" || len(out.Relations) != 1 || out.Relations[0].Type != "recognized-by" ||
		out.Relations[0].Subject.Name != "Abkhazia" || out.Relations[0].Object.Name != "Russia" {
		t.Errorf("unexpected output: %s", body)
	}
	code, body = post(t, ts.URL+"/v1/analyze?format=summary", `{"text": "Russia recognized Abkhazia in 2008."}`)
	if code != 200 || !strings.Contains(body, "Abkhazia —recognized-by→ Russia") {
		t.Errorf("summary: %d %s", code, body)
	}
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
}

func TestBadRequests(t *testing.T) {
	cfg := defaultConfig()
	cfg.maxBody = 1000
	ts := httptest.NewServer(testServer(t, cfg))
	defer ts.Close()
	for _, c := range []struct {
		name, path, body string
		code             int
		want             string
	}{
		{"bad JSON", "/v1/analyze", `{"text": "Russia`, 400, "bad JSON"},
		{"two values", "/v1/analyze", `{"text": "a"} {"text": "b"}`, 400, "more than one value"},
		{"no text", "/v1/analyze", `{"id": "x"}`, 400, `no \"text\"`},
		{"bad date", "/v1/analyze", `{"text": "x", "date": "3 Sept"}`, 400, "want YYYY-MM-DD"},
		{"not text", "/v1/analyze", `{"text": "` + strings.Repeat(`\u0000\u0001`, 40) + `"}`, 400, "not text"},
		{"oversized body", "/v1/analyze", `{"text": "` + strings.Repeat("Russia ", 200) + `"}`, 413, "body over 1000 bytes"},
		{"unknown format", "/v1/analyze?format=xml", `{"text": "x"}`, 400, "unknown format"},
		{"wrong method", "/v1/analyze", "", 405, ""},
		{"no such path", "/v2/analyze", `{"text": "x"}`, 404, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var code int
			var body string
			if c.code == 405 {
				resp, err := http.Get(ts.URL + c.path)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				code = resp.StatusCode
			} else {
				code, body = post(t, ts.URL+c.path, c.body)
			}
			if code != c.code || !strings.Contains(body, c.want) {
				t.Errorf("status %d, body %q; want %d and %q", code, body, c.code, c.want)
			}
		})
	}
}

// TestBatch: JSON Lines in, JSON Lines out in order, one error line per
// bad line, ids preserved.
func TestBatch(t *testing.T) {
	ts := httptest.NewServer(testServer(t, defaultConfig()))
	defer ts.Close()
	var in strings.Builder
	n := 60
	for i := range n {
		switch i % 10 {
		case 3:
			fmt.Fprintf(&in, "{\"id\": \"d%d\", \"text\": \"broken\n", i)
		case 7:
			fmt.Fprintf(&in, "{\"id\": %d, \"text\": \"%s\"}\n", i, strings.Repeat(`\u0000\u0007`, 40))
		default:
			fmt.Fprintf(&in, "{\"id\": \"d%d\", \"text\": \"Putin met Erdogan in Sochi on day %d.\"}\n", i, i)
		}
	}
	code, body := post(t, ts.URL+"/v1/batch", in.String())
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		var line struct {
			ID        any               `json:"id"`
			Error     string            `json:"error"`
			Line      int               `json:"line"`
			Relations []json.RawMessage `json:"relations"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, sc.Text())
		}
		switch i % 10 {
		case 3:
			if line.Error == "" || line.ID != fmt.Sprintf("d%d", i) || line.Line != i+1 {
				t.Errorf("line %d: want a JSON error with id d%d, got %s", i+1, i, sc.Text())
			}
		case 7:
			if !strings.Contains(line.Error, "not text") || line.ID != float64(i) {
				t.Errorf("line %d: want a not-text error with id %d, got %s", i+1, i, sc.Text())
			}
		default:
			if line.Error != "" || line.ID != fmt.Sprintf("d%d", i) || len(line.Relations) == 0 {
				t.Errorf("line %d: %s", i+1, sc.Text())
			}
		}
		i++
	}
	if i != n {
		t.Errorf("%d lines out for %d in", i, n)
	}
}

// blocking replaces the server's analysis with one that waits for
// release (or its context) before running the real one.
func blocking(s *server) (started chan struct{}, release func()) {
	real := s.analyze
	started = make(chan struct{}, 100)
	gate := make(chan struct{})
	s.analyze = func(ctx context.Context, in statecraft.Input) (*statecraft.Analysis, error) {
		started <- struct{}{}
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return real(ctx, in)
	}
	var once sync.Once
	return started, func() { once.Do(func() { close(gate) }) }
}

// TestFullQueue: with one slot and one place in the queue, a third
// concurrent request gets 503 at once; the first two finish with 200.
func TestFullQueue(t *testing.T) {
	cfg := defaultConfig()
	cfg.concurrency, cfg.queue = 1, 1
	s := testServer(t, cfg)
	started, release := blocking(s)
	ts := httptest.NewServer(s)
	defer ts.Close()
	codes := make(chan int, 2)
	for range 2 {
		go func() {
			code, _ := post(t, ts.URL+"/v1/analyze", `{"text": "Russia recognized Abkhazia."}`)
			codes <- code
		}()
	}
	<-started // one runs
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		w := s.waiting
		s.mu.Unlock()
		if w == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	code, body := post(t, ts.URL+"/v1/analyze", `{"text": "Russia recognized Abkhazia."}`)
	if code != 503 || !strings.Contains(body, "busy") {
		t.Errorf("third request: %d %s; want 503", code, body)
	}
	release()
	for range 2 {
		if c := <-codes; c != 200 {
			t.Errorf("a queued request got %d, want 200", c)
		}
	}
}

// TestTimeout: a request that takes longer than -timeout gets 504.
func TestTimeout(t *testing.T) {
	cfg := defaultConfig()
	cfg.timeout = 50 * time.Millisecond
	s := testServer(t, cfg)
	_, release := blocking(s)
	defer release()
	ts := httptest.NewServer(s)
	defer ts.Close()
	start := time.Now()
	code, body := post(t, ts.URL+"/v1/analyze", `{"text": "Russia recognized Abkhazia."}`)
	if code != 504 || time.Since(start) > 5*time.Second {
		t.Errorf("status %d after %v: %s; want 504 soon after 50ms", code, time.Since(start), body)
	}
}

// TestShutdownLosesNothing: requests running when the server is shut
// down all finish with 200; new connections are refused.
func TestShutdownLosesNothing(t *testing.T) {
	s := testServer(t, defaultConfig())
	started, release := blocking(s)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	url := "http://" + ln.Addr().String()
	const n = 4
	codes := make(chan int, n)
	for range n {
		go func() {
			code, _ := post(t, url+"/v1/analyze", `{"text": "Putin met Erdogan in Sochi."}`)
			codes <- code
		}()
	}
	for range n {
		<-started
	}
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(context.Background()) }()
	time.Sleep(50 * time.Millisecond) // Shutdown is now waiting for the requests
	release()
	for range n {
		if c := <-codes; c != 200 {
			t.Errorf("a request running at shutdown got %d, want 200", c)
		}
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if _, err := http.Post(url+"/v1/analyze", "application/json", strings.NewReader(`{"text":"x"}`)); err == nil {
		t.Error("a request after shutdown was served")
	}
}

// TestConcurrentRequests: 32 concurrent clients each get the result a
// single request gets.
func TestConcurrentRequests(t *testing.T) {
	ts := httptest.NewServer(testServer(t, defaultConfig()))
	defer ts.Close()
	texts := []string{"Russia recognized Abkhazia in 2008.", "Putin met Erdogan in Sochi.", "Georgia wants to join NATO.", "Armenia is a member of the CSTO."}
	want := map[string]string{}
	for _, x := range texts {
		_, want[x] = post(t, ts.URL+"/v1/analyze", `{"text": "`+x+`"}`)
	}
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := texts[i%len(texts)]
			code, body := post(t, ts.URL+"/v1/analyze", `{"text": "`+x+`"}`)
			if code != 200 || body != want[x] {
				t.Errorf("client %d: %d, output differs from a single request's", i, code)
			}
		}()
	}
	wg.Wait()
}

func FuzzDecodeRequest(f *testing.F) {
	for _, s := range []string{`{"text": "Russia"}`, `{"id": 3, "text": "x", "date": "2014-09-03"}`, `{"text": null}`, `[]`, `{"text": "a"} 1`, "\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, _, err := decodeRequest(b)
		if err == nil && !json.Valid(bytes.TrimSpace(b)) {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		if err == nil && in.Date.IsZero() && bytes.Contains(b, []byte(`"date":"2`)) {
			t.Fatalf("lost the date of %q", b)
		}
	})
}

// BenchmarkLoad is a bounded load run on loopback: 8 clients send short
// news paragraphs for the benchmark's duration; it reports requests per
// second and the 50th and 99th percentile latencies.
//
//	go test ./examples/server -run '^$' -bench Load -benchtime 2000x
func BenchmarkLoad(b *testing.B) {
	s := testServer(b, defaultConfig())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	defer srv.Close()
	seed, err := os.ReadFile("../../testdata/rt-caucasus-security-outline.txt")
	if err != nil {
		b.Fatal(err)
	}
	var bodies [][]byte
	for _, p := range strings.Split(string(seed), "\n") {
		if len(p) > 80 {
			body, _ := json.Marshal(map[string]string{"text": p})
			bodies = append(bodies, body)
		}
	}
	url := "http://" + ln.Addr().String() + "/v1/analyze"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	var mu sync.Mutex
	var lat []time.Duration
	next := make(chan int)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t0 := time.Now()
				resp, err := client.Post(url, "application/json", bytes.NewReader(bodies[i%len(bodies)]))
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Errorf("status %d", resp.StatusCode)
				}
				mu.Lock()
				lat = append(lat, time.Since(t0))
				mu.Unlock()
			}
		}()
	}
	for i := range b.N {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
	}
}

// TestStalledBatchClient: a batch client that stops sending in the middle
// of a line loses its slot when the request's time is up, so that other
// requests are served again.
func TestStalledBatchClient(t *testing.T) {
	cfg := defaultConfig()
	cfg.concurrency, cfg.queue, cfg.timeout = 1, 0, 200*time.Millisecond
	ts := httptest.NewServer(testServer(t, cfg))
	defer ts.Close()
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"id\": 1, \"text\": \"Russia rec")
	time.Sleep(50 * time.Millisecond)            // the batch holds the only slot
	deadline := time.Now().Add(30 * time.Second) // loaded machines, -race
	for {
		code, body := post(t, ts.URL+"/v1/analyze", `{"text": "Russia recognized Abkhazia."}`)
		if code == 200 {
			break
		}
		if code != 503 || time.Now().After(deadline) {
			t.Fatalf("status %d (%s) while a stalled batch should have been cut off", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
