package pdfua

import (
	"bytes"
	"strconv"
)

// The operands of a content-stream operator, as the lexer reads them.
type (
	name  string         // /Name, without the slash
	str   []byte         // a literal or hex string, decoded to its bytes
	array []any          // [ ... ]
	dict  map[string]any // << ... >>
)

// op is one operator of a content stream (or CMap) with its operands, and
// the byte offset where the operator's keyword starts.
type op struct {
	name string
	args []any
	at   int
}

// isSpace and isDelim classify bytes as ISO 32000-1, 7.2.2 does.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// lexer reads the objects and operators of a content stream.
type lexer struct {
	b []byte
	i int
}

// ops returns the operators of a content stream in order. An inline
// image (BI … ID … EI) is one operator named "EI" whose operand is the
// image dictionary. Malformed input ends the list early instead of
// failing: what was read is still checked.
func ops(content []byte) []op {
	lx := &lexer{b: content}
	var out []op
	var stack []any
	for {
		v, kw, at, ok := lx.next()
		if !ok {
			return out
		}
		if kw == "" {
			stack = append(stack, v)
			continue
		}
		switch kw {
		case "true":
			stack = append(stack, true)
			continue
		case "false":
			stack = append(stack, false)
			continue
		case "null":
			stack = append(stack, nil)
			continue
		case "BI":
			out = append(out, op{name: "EI", args: []any{lx.inlineImage()}, at: at})
			stack = stack[:0]
			continue
		}
		out = append(out, op{name: kw, args: stack, at: at})
		stack = nil
	}
}

func (lx *lexer) skipSpace() {
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		switch {
		case isSpace(c):
			lx.i++
		case c == '%':
			for lx.i < len(lx.b) && lx.b[lx.i] != '\n' && lx.b[lx.i] != '\r' {
				lx.i++
			}
		default:
			return
		}
	}
}

// next returns the next object, or the next keyword (operator) in kw. A
// closing bracket or dictionary end is returned as the keyword "]" or ">>"
// for the caller that is collecting an array or dictionary.
func (lx *lexer) next() (v any, kw string, at int, ok bool) {
	lx.skipSpace()
	if lx.i >= len(lx.b) {
		return nil, "", lx.i, false
	}
	at = lx.i
	c := lx.b[lx.i]
	switch {
	case c == '/':
		lx.i++
		start := lx.i
		for lx.i < len(lx.b) && !isSpace(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
			lx.i++
		}
		return name(unescapeName(lx.b[start:lx.i])), "", at, true
	case c == '(':
		return str(lx.literal()), "", at, true
	case c == '<' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '<':
		lx.i += 2
		d := dict{}
		for {
			k, kkw, _, ok := lx.next()
			if !ok || kkw == ">>" {
				return d, "", at, true
			}
			key, isName := k.(name)
			val, vkw, _, ok := lx.next()
			if !ok || vkw == ">>" {
				return d, "", at, true
			}
			switch vkw {
			case "true":
				val = true
			case "false":
				val = false
			case "null", "":
			default:
				val = nil
			}
			if isName {
				d[string(key)] = val
			}
		}
	case c == '<':
		return str(lx.hex()), "", at, true
	case c == '>' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '>':
		lx.i += 2
		return nil, ">>", at, true
	case c == '[':
		lx.i++
		var a array
		for {
			v, vkw, _, ok := lx.next()
			if !ok || vkw == "]" {
				return a, "", at, true
			}
			switch vkw {
			case "":
				a = append(a, v)
			case "true":
				a = append(a, true)
			case "false":
				a = append(a, false)
			default:
				a = append(a, nil)
			}
		}
	case c == ']':
		lx.i++
		return nil, "]", at, true
	case c == '{' || c == '}' || c == ')' || c == '>':
		lx.i++ // PostScript procedures in CMaps: skipped
		return lx.next()
	}
	start := lx.i
	for lx.i < len(lx.b) && !isSpace(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
		lx.i++
	}
	tok := string(lx.b[start:lx.i])
	if f, err := strconv.ParseFloat(tok, 64); err == nil && (tok[0] == '-' || tok[0] == '+' || tok[0] == '.' || (tok[0] >= '0' && tok[0] <= '9')) {
		return f, "", at, true
	}
	return nil, tok, at, true
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if n, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(n))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// literal reads a (string) with its escapes and balanced parentheses.
func (lx *lexer) literal() []byte {
	lx.i++ // (
	var out []byte
	depth := 1
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if lx.i >= len(lx.b) {
				return out
			}
			e := lx.b[lx.i]
			lx.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
					lx.i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && lx.i < len(lx.b) && lx.b[lx.i] >= '0' && lx.b[lx.i] <= '7'; k++ {
						n = n*8 + int(lx.b[lx.i]-'0')
						lx.i++
					}
					out = append(out, byte(n))
				} else {
					out = append(out, e)
				}
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

// hex reads a <hex string>; an odd final digit is followed by 0.
func (lx *lexer) hex() []byte {
	lx.i++ // <
	var out []byte
	var hi byte
	half := false
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		var d byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return out
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|d)
		} else {
			hi = d
		}
		half = !half
	}
	return out
}

// inlineImage reads an inline image's dictionary after BI and skips its
// data up to the EI that ends it.
func (lx *lexer) inlineImage() dict {
	d := dict{}
	for {
		k, kw, _, ok := lx.next()
		if !ok {
			return d
		}
		if kw == "ID" {
			break
		}
		v, _, _, ok := lx.next()
		if !ok {
			return d
		}
		if key, isName := k.(name); isName {
			d[string(key)] = v
		}
	}
	lx.i++ // the single white-space byte after ID
	for lx.i+2 <= len(lx.b) {
		if lx.b[lx.i] == 'E' && lx.b[lx.i+1] == 'I' && isSpace(lx.b[lx.i-1]) &&
			(lx.i+2 == len(lx.b) || isSpace(lx.b[lx.i+2]) || isDelim(lx.b[lx.i+2])) {
			lx.i += 2
			return d
		}
		lx.i++
	}
	lx.i = len(lx.b)
	return d
}
