package htmlpage

import (
	"encoding/xml"
	"github.com/propose-cli/propose/pkg/docmeta"
	"io"
	"strings"
	"testing"
)

const chartFence = "```chart\ntitle: Median first response <to> stakeholders & \"others\"\nunit: minutes\nfrom: 2027-01-12\nto: 2027-03-12\n" +
	"baseline: 45\ntarget: 60\nbetter: lower\npoints: 2027-01-15 40; 2027-01-22 38; 2027-02-05 75; 2027-02-12 42\n```\n"

func TestChartIsAnInlineSVG(t *testing.T) {
	md := "# Review\n\n" + chartFence + "\n```go\nfmt.Println(\"<kept>\")\n```\n"
	page, err := Render([]byte(md), Page{Doc: docmeta.Doc{Title: "Review", Language: "en-US"}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`<figure class="chart">`, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 468 130"`, `role="img"`,
		"<title>Median first response &lt;to&gt; stakeholders &amp; &#34;others&#34;</title>",
		"<desc>Median first response &lt;to&gt; stakeholders &amp; &#34;others&#34;: 4 readings",
		`stroke-dasharray="3.5 2"`, "<polyline ", "<circle ", ">Target: 60 or less</text>", ">Baseline: 45</text>", ">42</text>",
		`<pre><code class="language-go">fmt.Println(&quot;&lt;kept&gt;&quot;)`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "title: Median", "points:", "<link", "src=", "href="} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// The SVG is well-formed XML.
	start, end := strings.Index(s, "<svg"), strings.Index(s, "</svg>")
	if start < 0 || end < start {
		t.Fatal("no svg element")
	}
	dec := xml.NewDecoder(strings.NewReader(s[start : end+len("</svg>")]))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the svg is not well-formed: %v", err)
		}
	}
}

func TestChartsRenderTheSameTwice(t *testing.T) {
	md := []byte(chartFence + "\n" + chartFence)
	a, err := Render(md, Page{Doc: docmeta.Doc{Title: "Review"}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(md, Page{Doc: docmeta.Doc{Title: "Review"}})
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) || strings.Count(string(a), "<svg") != 2 {
		t.Error("two renders differ, or the charts are not both drawn")
	}
}

func TestBadChartIsAnErrorAtItsLine(t *testing.T) {
	md := "# Review\n\n```chart\ntitle: T\nbetter: more\npoints: 2027-01-15 40\n```\n"
	_, err := Render([]byte(md), Page{})
	if err == nil || !strings.Contains(err.Error(), `chart at line 5: better: "more" is neither higher nor lower`) {
		t.Errorf("error %v", err)
	}
}

// TestChartTakesTheThemesAccent draws the readings in the theme's accent,
// as the PDF does, and leaves text that names the default colour alone.
func TestChartTakesTheThemesAccent(t *testing.T) {
	md := "The default accent is written `=\"" + defaultAccent + "\"` in the stylesheet.\n\n" + chartFence
	page, err := Render([]byte(md), Page{Doc: docmeta.Doc{Title: "Review", Accent: "#7A1F3D"}})
	if err != nil {
		t.Fatal(err)
	}
	svg := string(page[strings.Index(string(page), "<svg"):strings.Index(string(page), "</svg>")])
	if !strings.Contains(svg, `stroke="#7a1f3d"`) || !strings.Contains(svg, `fill="#7a1f3d"`) {
		t.Error("the chart's readings are not drawn in the theme's accent")
	}
	if strings.Contains(svg, defaultAccent) {
		t.Error("the chart still draws in the default accent")
	}
	if !strings.Contains(string(page), "=&#34;"+defaultAccent+"&#34;") && !strings.Contains(string(page), "=&quot;"+defaultAccent+"&quot;") {
		t.Error("the user's text naming the default colour was changed")
	}
}
