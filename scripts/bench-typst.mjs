// The typst yardstick of `make bench`: typst (through its Node.js
// compiler, the form npm serves it in) compiling the proposal's content to
// a PDF with the fonts propose embeds.
//
//   node bench-typst.mjs convert PROPOSAL.md OUT.typ   turn the Markdown into typst markup (untimed)
//   node bench-typst.mjs compile IN.typ OUT.pdf FONTDIR compile it, as the timed command
//
// The conversion covers what the proposal's Markdown holds: headings,
// paragraphs, lists, bold, links, hard line breaks and pipe tables.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const [mode, input, output, fontDir] = process.argv.slice(2);

// escape makes text literal in typst markup.
const escape = (s) => s.replace(/[\\#$@<>_*\[\]`~=]/g, (c) => "\\" + c);

// inline converts bold and links, escaping the rest.
function inline(s) {
  let out = "";
  const re = /\*\*(.+?)\*\*|\[([^\]]*)\]\(<?([^)>]*)>?\)/g;
  let last = 0;
  for (const m of s.matchAll(re)) {
    out += escape(s.slice(last, m.index));
    if (m[1] !== undefined) out += "*" + inline(m[1]) + "*";
    else out += `#link("${m[3].replace(/"/g, '\\"')}")[${escape(m[2])}]`;
    last = m.index + m[0].length;
  }
  out += escape(s.slice(last));
  return out.replace(/\\\\$/, " \\");
}

function convert(md) {
  const lines = md.split("\n");
  const out = ['#set page(paper: "us-letter", margin: 1in)', '#set text(font: "Noto Serif", size: 11pt)', ""];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const h = /^(#{1,6}) (.*)$/.exec(line);
    if (h) {
      out.push("=".repeat(h[1].length) + " " + inline(h[2]));
    } else if (/^\s*[-*] /.test(line)) {
      out.push("- " + inline(line.replace(/^\s*[-*] /, "")));
    } else if (/^\s*\d+[.)] /.test(line)) {
      out.push("+ " + inline(line.replace(/^\s*\d+[.)] /, "")));
    } else if (line.startsWith("|")) {
      const rows = [];
      for (; i < lines.length && lines[i].startsWith("|"); i++) {
        if (!/^\|[\s:|-]+\|$/.test(lines[i])) rows.push(lines[i].slice(1, -1).split("|").map((c) => c.trim()));
      }
      i--;
      const cells = rows.flat().map((c) => "[" + inline(c) + "]");
      out.push(`#table(columns: ${rows[0].length}, ${cells.join(", ")})`);
    } else {
      out.push(inline(line));
    }
  }
  return out.join("\n") + "\n";
}

if (mode === "convert") {
  writeFileSync(output, convert(readFileSync(input, "utf8")));
} else if (mode === "compile") {
  const require = createRequire(process.cwd() + "/");
  const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
  writeFileSync(output, compiler.pdf({ mainFileContent: readFileSync(input, "utf8") }));
} else {
  console.error("usage: node bench-typst.mjs convert|compile ...");
  process.exit(2);
}
