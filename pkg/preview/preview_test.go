package preview

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestPreviewServesAndReloads serves two renders and a broken one: the
// pages carry the reload script (only here), the index marks the private
// pages, an open events stream hears each update, and a broken render
// shows its problems above the last good pages.
func TestPreviewServesAndReloads(t *testing.T) {
	var mu sync.Mutex
	text, fail := "First version", false
	s := &Server{Title: "proposal.yaml", Render: func() ([]Page, error) {
		mu.Lock()
		defer mu.Unlock()
		if fail {
			return nil, errors.New("p.yaml:3:1: version: is 0 (write `version: 1`)")
		}
		return []Page{
			{Name: "proposal.html", Data: []byte("<html><body><p>" + text + "</p></body></html>")},
			{Name: "proposal.pdf", Data: []byte("%PDF-1.7")},
			{Name: "private/prep.html", Data: []byte("<html><body><p>private</p></body></html>"), Private: true},
		}, nil
	}}
	s.Update()
	ts := httptest.NewServer(s)
	defer ts.Close()
	get := func(p string) string {
		t.Helper()
		res, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	index := get("/")
	if !strings.Contains(index, `href="/proposal.html"`) || !strings.Contains(index, `href="/proposal.pdf"`) {
		t.Errorf("the index lacks the documents:\n%s", index)
	}
	if i, j := strings.Index(index, "PRIVATE"), strings.Index(index, "private/prep.html"); i < 0 || j < i {
		t.Errorf("the private page is not listed under the private heading:\n%s", index)
	}
	page := get("/proposal.html")
	if !strings.Contains(page, "First version") || !strings.Contains(page, `new EventSource("/events")`) {
		t.Errorf("the page lacks its text or the reload script:\n%s", page)
	}
	if get("/proposal.pdf") != "%PDF-1.7" {
		t.Error("the PDF is not served as it is")
	}

	res, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	lines := bufio.NewReader(res.Body)
	reloaded := make(chan bool, 4)
	go func() {
		for {
			l, err := lines.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(l, "event: reload") {
				reloaded <- true
			}
		}
	}()
	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	text = "Second version"
	mu.Unlock()
	s.Update()
	select {
	case <-reloaded:
	case <-time.After(3 * time.Second):
		t.Fatal("the open page was not told to reload")
	}
	if !strings.Contains(get("/proposal.html"), "Second version") {
		t.Error("the page does not show the new render")
	}

	mu.Lock()
	fail = true
	mu.Unlock()
	s.Update()
	page = get("/proposal.html")
	if !strings.Contains(page, "Second version") || !strings.Contains(page, "this is the last good version") ||
		!strings.Contains(page, "version: is 0") {
		t.Errorf("a broken render should show its problem above the last good page:\n%s", page)
	}
	if strings.Contains(get("/missing.html"), "Second") {
		t.Error("an unknown page was served")
	}
	// A screen reader reads a page by its landmarks: the problems are one
	// of their own, and the index's content is the page's main.
	if !strings.Contains(page, `<aside aria-label="Problems in the file"`) {
		t.Error("the problems are not a landmark")
	}
	if index := get("/"); !strings.Contains(index, "<main>") || strings.Index(index, "<main>") > strings.Index(index, "<h1>") {
		t.Errorf("the index has no main landmark around its content:\n%s", index)
	}
}
