#!/usr/bin/env node
// Prints the HTML part of an email file propose wrote (a .eml with a
// quoted-printable text/html part), decoded, so that it can be opened as
// a page. Exits 1 when the file has no HTML part.
'use strict';
const fs = require('fs');

const eml = fs.readFileSync(process.argv[2], 'latin1');
const m = /Content-Type: text\/html; charset=utf-8\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(eml);
if (!m) process.exit(1);
if (!/Content-Transfer-Encoding: quoted-printable\r?\nContent-Type: text\/html/i.test(eml)) {
  console.error('eml-html.js: the HTML part is not quoted-printable');
  process.exit(1);
}
// Quoted-printable: soft line breaks go, =XX is a byte; the bytes are UTF-8.
const bytes = Buffer.from(m[1].replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
process.stdout.write(bytes.toString('utf8'));
