package hyphen

import (
	"fmt"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/hyphen/internal/packed"
)

// patterns is one language's loaded data: a trie of Liang patterns over a
// small alphabet, and the exceptions.
type patterns struct {
	// small maps runes below len(small) to their symbol; others are in big.
	// Symbol 0 is a rune the patterns never use: it matches nothing.
	small [0x250]uint8
	big   map[rune]uint8
	dot   uint8 // the symbol of '.', the word edge

	// nodes[0] is the root; root[s] is the root's child for symbol s and
	// second[s*nsym+t] that node's child for t: the two levels where nodes
	// have the most children are looked up, not searched.
	nodes  []node
	root   []int32
	second []int32
	nsym   int
	// values holds every pattern's values; a node's are
	// values[vstart : vstart+vlen], the first for the gap before the
	// pattern's first letter.
	values []uint8

	// exceptions maps a lower-case word to the letter counts before which
	// it may break ("ta-ble" → [2]).
	exceptions map[string][]uint8
}

// node is one trie node, laid out in preorder: its children are linked
// through next, in ascending symbol order.
type node struct {
	child  int32 // first child, 0 when none
	next   int32 // next sibling, 0 when none
	vstart int32
	vlen   uint8
	sym    uint8
}

// symbol returns r's symbol, 0 when the patterns never use r.
func (p *patterns) symbol(r rune) uint8 {
	if r >= 0 && int(r) < len(p.small) {
		return p.small[r]
	}
	return p.big[r]
}

// loadPatterns builds the trie from a packed table. Patterns come sorted
// by their letters, so the trie is built in one pass in preorder, with the
// counts in the header sizing every slice once.
func loadPatterns(data []byte) (*patterns, error) {
	rd, err := packed.NewReader(data)
	if err != nil {
		return nil, err
	}
	h := rd.Header()
	if len(h.Alphabet) > 254 {
		return nil, fmt.Errorf("loading %s patterns: %d letters, at most 254 fit", h.Lang, len(h.Alphabet))
	}
	nsym := len(h.Alphabet) + 1
	p := &patterns{
		nodes:  make([]node, 1, h.Nodes),
		root:   make([]int32, nsym),
		second: make([]int32, nsym*nsym),
		nsym:   nsym,
		values: make([]uint8, 0, h.Values),
	}
	for i, r := range h.Alphabet {
		sym := uint8(i + 1)
		if int(r) < len(p.small) {
			p.small[r] = sym
		} else {
			if p.big == nil {
				p.big = map[rune]uint8{}
			}
			p.big[r] = sym
		}
	}
	p.dot = p.symbol('.')

	// path[d] is the node at depth d on the path of the previous pattern,
	// last[d] the last child added under it so far, prev its runes.
	var pathBuf, lastBuf [64]int32
	var prevBuf, curBuf [64]rune
	path, last, prev := pathBuf[:1], lastBuf[:1], prevBuf[:0]
	for {
		letters, values, ok := rd.NextPattern()
		if !ok {
			break
		}
		cur := curBuf[:0]
		for rest := letters; len(rest) > 0; {
			r, size := utf8.DecodeRune(rest)
			cur = append(cur, r)
			rest = rest[size:]
		}
		depth := 0
		for depth < len(prev) && depth < len(cur) && prev[depth] == cur[depth] {
			depth++
		}
		path, last = path[:depth+1], last[:depth+1]
		for _, r := range cur[depth:] {
			sym := p.symbol(r)
			if sym == 0 {
				return nil, fmt.Errorf("loading %s patterns: %q uses %q, which is not in the alphabet", h.Lang, letters, r)
			}
			if len(p.nodes) == cap(p.nodes) {
				return nil, fmt.Errorf("loading %s patterns: more trie nodes than the %d the header counts", h.Lang, h.Nodes)
			}
			n := int32(len(p.nodes))
			p.nodes = append(p.nodes, node{sym: sym})
			parent := path[len(path)-1]
			if l := last[len(last)-1]; l == 0 {
				p.nodes[parent].child = n
			} else if p.nodes[l].sym < sym {
				p.nodes[l].next = n
			} else {
				return nil, fmt.Errorf("loading %s patterns: %q is out of order", h.Lang, letters)
			}
			if parent == 0 {
				p.root[sym] = n
			}
			last[len(last)-1] = n
			path = append(path, n)
			last = append(last, 0)
		}
		prev = append(prev[:0], cur...)
		leaf := &p.nodes[path[len(path)-1]]
		if len(path) == 1 || leaf.vlen != 0 || len(values) > len(path) || len(values) > 255 {
			return nil, fmt.Errorf("loading %s patterns: %q is repeated, empty or has too many values", h.Lang, letters)
		}
		leaf.vstart = int32(len(p.values))
		leaf.vlen = uint8(len(values))
		p.values = append(p.values, values...)
	}
	if err := rd.Err(); err != nil {
		return nil, fmt.Errorf("loading %s patterns: %w", h.Lang, err)
	}
	for a, n := range p.root {
		for c := p.nodes[n].child; n != 0 && c != 0; c = p.nodes[c].next {
			p.second[a*nsym+int(p.nodes[c].sym)] = c
		}
	}

	for {
		e, ok := rd.NextException()
		if !ok {
			break
		}
		if p.exceptions == nil {
			p.exceptions = map[string][]uint8{}
		}
		word := make([]byte, 0, len(e))
		var breaks []uint8
		letters := 0
		for _, r := range e {
			if r == '-' {
				breaks = append(breaks, uint8(letters))
				continue
			}
			word = utf8.AppendRune(word, r)
			letters++
		}
		p.exceptions[string(word)] = breaks
	}
	if err := rd.Done(); err != nil {
		return nil, fmt.Errorf("loading %s patterns: %w", h.Lang, err)
	}
	return p, nil
}

// gaps applies Liang's algorithm to the symbols of a word framed by the
// edge symbol: gaps[i] becomes the highest value any matching pattern gives
// the gap before syms[i]. gaps must be as long as syms plus one and zero.
func (p *patterns) gaps(syms []uint8, gaps []uint8) {
	for i := range syms {
		n := p.root[syms[i]]
		if n == 0 {
			continue
		}
		p.apply(n, gaps[i:])
		if i+1 == len(syms) {
			break
		}
		n = p.second[int(syms[i])*p.nsym+int(syms[i+1])]
		for j := i + 1; n != 0; {
			p.apply(n, gaps[i:])
			j++
			if j == len(syms) {
				break
			}
			sym := syms[j]
			c := p.nodes[n].child
			for c != 0 && p.nodes[c].sym < sym {
				c = p.nodes[c].next
			}
			if c == 0 || p.nodes[c].sym != sym {
				break
			}
			n = c
		}
	}
}

// apply raises gaps to the values of node n's pattern, gaps[0] being the
// gap before the pattern's first letter.
func (p *patterns) apply(n int32, gaps []uint8) {
	nd := &p.nodes[n]
	if nd.vlen == 0 {
		return
	}
	for k, v := range p.values[nd.vstart : nd.vstart+int32(nd.vlen)] {
		if v > gaps[k] {
			gaps[k] = v
		}
	}
}
