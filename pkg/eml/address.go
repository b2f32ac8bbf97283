package eml

import (
	"encoding/base64"
	"net/mail"
	"strings"
)

// Address formats a as a header value that Go's net/mail, Python's email
// package (default policy) and mail clients all read back as the same
// display name and address.
//
// Plain ASCII names are written as they are, or as a quoted string when
// they hold a character that means something in an address header.
// Otherwise each run of words that needs encoding becomes one RFC 2047
// base64 word, and the words around it stay plain: decoders disagree about
// the space between two adjacent encoded words (RFC 2047 says to drop it,
// Python keeps it), so an encoded word always has plain text or the
// address beside it. A run longer than RFC 2047's 75 characters stays one
// word for that reason; every decoder tried reads it.
func Address(a mail.Address) string {
	addr := "<" + a.Address + ">"
	name := strings.Join(strings.Fields(a.Name), " ")
	if name == "" {
		return addr
	}
	if isASCII(name) && !strings.Contains(name, "=?") {
		if strings.ContainsAny(name, `()<>[]:;@\,."`) {
			return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `" ` + addr
		}
		return name + " " + addr
	}
	words := strings.Split(name, " ")
	var out []string
	for i := 0; i < len(words); {
		if plainWord(words[i]) {
			out = append(out, words[i])
			i++
			continue
		}
		j := i
		for j < len(words) && !plainWord(words[j]) {
			j++
		}
		out = append(out, encodedWord(strings.Join(words[i:j], " ")))
		i = j
	}
	return strings.Join(out, " ") + " " + addr
}

// plainWord reports whether w can stand in a display name unencoded.
func plainWord(w string) bool {
	return isASCII(w) && !strings.ContainsAny(w, `()<>[]:;@\,."`) && !strings.Contains(w, "=?")
}

// encodedWord is s as a single RFC 2047 base64 word.
func encodedWord(s string) string {
	return "=?utf-8?b?" + b64(s) + "?="
}

// fold breaks a header line ("Key: value") at spaces so that lines stay near 78
// characters; unfolding restores it exactly.
func fold(line string) string {
	if len(line) <= 78 {
		return line
	}
	var b strings.Builder
	n := 0
	for i, w := range strings.Split(line, " ") {
		if i > 0 {
			if n+1+len(w) > 78 && i > 1 { // never between the key and its value
				b.WriteString("\r\n ")
				n = 1
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
