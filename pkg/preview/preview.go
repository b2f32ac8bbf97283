// Package preview serves the rendered documents to a browser on the
// loopback address and tells the open page to reload when they change. The
// reload script is added to the pages it serves only: the HTML files
// render writes stay free of scripts.
package preview

import (
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/palette"
	"html"
	"net/http"
	"path"
	"sort"
	"strings"
	"sync"
)

// Page is one rendered file the preview serves.
type Page struct {
	Name    string // its path in the output, such as "proposal.html" or "private/prep.pdf"
	Data    []byte
	Private bool // for the user alone: marked so in the index
}

// Server serves the latest good render, and the problems of the latest
// render when it failed.
type Server struct {
	// Render makes the pages from the file as it is now. Its error, when
	// the file has problems, is shown above the last good pages.
	Render func() ([]Page, error)
	Title  string

	mu       sync.Mutex
	pages    map[string]Page
	problems string
	version  int
	waiting  []chan int
}

// Update renders again and tells every open page to reload.
func (s *Server) Update() {
	pages, err := s.Render()
	s.mu.Lock()
	if err != nil {
		s.problems = err.Error()
	} else {
		s.problems = ""
		s.pages = map[string]Page{}
		for _, p := range pages {
			s.pages[p.Name] = p
		}
	}
	s.version++
	for _, w := range s.waiting {
		select {
		case w <- s.version:
		default:
		}
	}
	s.mu.Unlock()
}

// ServeHTTP serves the index at /, each page at its name, and the reload
// events at /events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	switch name {
	case "", ".":
		s.index(w)
	case "events":
		s.events(w, r)
	default:
		s.page(w, name)
	}
}

// reload is what the preview adds to each HTML page: a stream of events
// that reloads the page when the documents change.
const reload = `<script>new EventSource("/events").addEventListener("reload", function () { location.reload(); });</script>`

func (s *Server) banner() string {
	if s.problems == "" {
		return ""
	}
	// A landmark of its own, so that a screen reader, which reads a page
	// by its landmarks, finds it on every page it is put on.
	return `<aside aria-label="Problems in the file" style="background:#fff3cd;border:1px solid #e0c36c;padding:.8rem 1rem;margin:1rem;font:14px/1.4 sans-serif;white-space:pre-wrap">` +
		"<strong>The file has problems; this is the last good version.</strong>\n" + html.EscapeString(s.problems) + "</aside>"
}

func (s *Server) page(w http.ResponseWriter, name string) {
	s.mu.Lock()
	p, ok := s.pages[name]
	banner := s.banner()
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch path.Ext(name) {
	case ".html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data := p.Data
		if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
			data = append(append(append([]byte{}, data[:i]...), []byte(banner+reload)...), data[i:]...)
		}
		_, _ = w.Write(data)
	case ".pdf":
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write(p.Data)
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write(p.Data)
	}
}

func (s *Server) index(w http.ResponseWriter) {
	s.mu.Lock()
	var names []string
	for n := range s.pages {
		names = append(names, n)
	}
	sort.Strings(names)
	var shared, private strings.Builder
	for _, n := range names {
		p := s.pages[n]
		if path.Ext(n) != ".html" && path.Ext(n) != ".pdf" {
			continue
		}
		line := fmt.Sprintf("<li><a href=\"/%s\">%s</a></li>\n", html.EscapeString(n), html.EscapeString(n))
		if p.Private {
			private.WriteString(line)
		} else {
			shared.WriteString(line)
		}
	}
	banner := s.banner()
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Preview: %s</title>
<style>body{font:16px/1.5 sans-serif;max-width:40rem;margin:2rem auto;color:`+palette.Ink+`}h1{color:`+palette.Accent+`}.private{color:`+palette.Banner+`}</style>
</head><body>%s
<main>
<h1>Preview: %s</h1>
<h2>For your manager</h2><ul>
%s</ul>
<h2 class="private">For you alone: PRIVATE, never send</h2><ul>
%s</ul>
<p>This page and the documents reload when you save the file.</p>
</main>
%s</body></html>
`, html.EscapeString(s.Title), banner, html.EscapeString(s.Title), shared.String(), private.String(), reload)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan int, 1)
	s.mu.Lock()
	s.waiting = append(s.waiting, ch)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		for i, c := range s.waiting {
			if c == ch {
				s.waiting = append(s.waiting[:i], s.waiting[i+1:]...)
				break
			}
		}
		s.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			flusher.Flush()
		}
	}
}
