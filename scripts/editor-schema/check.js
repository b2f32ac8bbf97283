#!/usr/bin/env node
// Drives yaml-language-server over LSP (stdio) and checks that the JSON Schema
// printed by `propose schema` gives completion, hover and diagnostics on
// proposal files, as an editor would show them.
//
// Usage: node check.js --server PATH/bin/yaml-language-server --schema SCHEMA.json
//                      --example EXAMPLE.yaml --written WRITTEN.yaml
// It prints one PASS or FAIL line per case. The exit status is 0 when every
// case passes, 1 when one fails and 2 when the check cannot be set up.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const LIMIT_MS = 55000;
const SETTINGS = { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } };
const MODELINE = /^# yaml-language-server: \$schema=/;

function die(msg) { console.error('check.js: ' + msg); process.exit(2); }

// The arguments are all required and each takes a path.
const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const m = /^--(server|schema|example|written)$/.exec(argv[i]);
  if (!m || argv[i + 1] === undefined) die('usage: check.js --server BIN --schema SCHEMA.json --example EXAMPLE.yaml --written WRITTEN.yaml');
  opts[m[1]] = path.resolve(argv[i + 1]);
}
for (const k of ['server', 'schema', 'example', 'written']) {
  if (!opts[k] || !fs.existsSync(opts[k])) die(`--${k}: no such file: ${opts[k] || '(not given)'}`);
}

// The modeline in the files points at an https URL, which cannot be fetched
// offline, so every document names the local schema by its absolute path.
const ML = '# yaml-language-server: $schema=' + opts.schema;
function localSchema(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (!MODELINE.test(lines[0])) die('the first line of ' + file + ' is not a yaml-language-server modeline');
  lines[0] = ML;
  return lines.join('\n');
}
const example = localSchema(opts.example);
const written = localSchema(opts.written);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Client is a minimal LSP client speaking JSON-RPC over the server's stdio.
class Client {
  constructor(bin) {
    this.proc = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.buf = Buffer.alloc(0);
    this.id = 0;
    this.pending = new Map();
    this.diags = new Map();
    this.log = [];
    this.proc.stdout.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
    this.proc.stderr.on('data', (d) => this.log.push(d.toString()));
    this.proc.on('error', (e) => die('cannot start the server: ' + e.message));
    this.proc.on('exit', (code) => { if (!this.stopping) die(`the server exited early (status ${code})\n${this.log.join('')}`); });
  }
  drain() {
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'));
      if (!m) die('bad message header from the server');
      const len = parseInt(m[1], 10);
      if (this.buf.length < sep + 4 + len) return;
      const body = this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(sep + 4 + len);
      this.handle(JSON.parse(body));
    }
  }
  send(msg) {
    const s = JSON.stringify(Object.assign({ jsonrpc: '2.0' }, msg));
    this.proc.stdin.write('Content-Length: ' + Buffer.byteLength(s, 'utf8') + '\r\n\r\n' + s);
  }
  request(method, params, timeout = 15000) {
    const id = ++this.id;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error('no answer to ' + method)); }, timeout);
      this.pending.set(id, { t, resolve, reject });
    });
  }
  notify(method, params) { this.send({ method, params }); }
  handle(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      // This is the answer to one of our requests.
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.t);
      if (msg.error) p.reject(new Error(JSON.stringify(msg.error))); else p.resolve(msg.result);
    } else if (msg.id !== undefined) {
      // The server asks for its settings; every other request gets null.
      const result = msg.method === 'workspace/configuration' ? (msg.params.items || []).map(() => SETTINGS.yaml) : null;
      this.send({ id: msg.id, result });
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      this.diags.set(msg.params.uri, { at: Date.now(), list: msg.params.diagnostics });
    }
  }
  // diagnostics waits for the diagnostics of uri to be published and then to
  // stay unchanged for settle ms; it returns null when none come.
  async diagnostics(uri, settle = 1500, max = 15000) {
    const start = Date.now();
    for (;;) {
      const d = this.diags.get(uri);
      if (d && Date.now() - d.at >= settle) return d.list;
      if (Date.now() - start > max) return d ? d.list : null;
      await sleep(100);
    }
  }
  kill() { this.stopping = true; this.proc.kill('SIGKILL'); }
}

const client = new Client(opts.server);
process.on('exit', () => client.kill());
setTimeout(() => {
  console.log(`FAIL the check did not finish within ${LIMIT_MS / 1000} s`);
  process.exit(1);
}, LIMIT_MS).unref();

// Each document gets its own URI in the schema's directory; nothing is written there.
let docs = 0;
function open(name, text) {
  const uri = pathToFileURL(path.join(path.dirname(opts.schema), `check-${++docs}-${name}.yaml`)).href;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return uri;
}
const docText = (d) => (!d ? '' : typeof d === 'string' ? d : d.value || '');
const hoverText = (h) => [].concat((h && h.contents) || []).map(docText).join('\n');
function lineOf(text, re) {
  const i = text.split('\n').findIndex((l) => re.test(l));
  if (i < 0) throw new Error('no line matches ' + re);
  return i;
}
// complete asks for completion at position and resolves the documentation
// of the items that come without it.
async function complete(uri, position) {
  const res = await client.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  const list = !res ? [] : Array.isArray(res) ? res : res.items || [];
  for (let i = 0; i < list.length; i++) {
    if (list[i].documentation) continue;
    try { list[i] = (await client.request('completionItem/resolve', list[i], 5000)) || list[i]; } catch (e) { /* The item stays undocumented. */ }
  }
  return list;
}
const showDiags = (d) => (d === null ? 'none published' : JSON.stringify(d.map((x) => `${x.range.start.line + 1}: ${x.message}`)));

let failed = 0;
// check runs one case; fn returns [ok, detail] and an exception fails the case.
async function check(name, fn) {
  let ok = false, why;
  try { [ok, why] = await fn(); } catch (e) { why = e.message; }
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${why ? ' (' + why + ')' : ''}`);
}

async function main() {
  const root = pathToFileURL(path.dirname(opts.schema)).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'editor-schema' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['documentation', 'detail'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true },
      },
    },
  }).catch((e) => die('initialize failed: ' + e.message));
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
  await sleep(300);

  await check('a: key completion under employee: has documentation', async () => {
    const uri = open('a', [ML, 'version: 1', 'scenario: trial', 'employee:', '  '].join('\n'));
    const list = await complete(uri, { line: 4, character: 2 });
    const want = ['name', 'title', 'team', 'email', 'commute_minutes'];
    const missing = want.filter((w) => !list.some((i) => i.label === w));
    const bare = want.filter((w) => list.some((i) => i.label === w && !docText(i.documentation).trim()));
    const named = docText((list.find((i) => i.label === 'name') || {}).documentation).includes('Your full name, as the proposal is signed.');
    return [!missing.length && !bare.length && named, `missing=[${missing}] undocumented=[${bare}] name documented=${named}`];
  });

  await check('b: top-level key completion', async () => {
    const uri = open('b', [ML, 'version: 1', 'scenario: trial', 'employee:', '  name: Zoë Okafor', ''].join('\n'));
    const list = await complete(uri, { line: 5, character: 0 });
    const missing = ['manager', 'arrangement', 'trial', 'private'].filter((w) => !list.some((i) => i.label === w));
    const bare = list.filter((i) => !docText(i.documentation).trim()).map((i) => i.label);
    const again = ['version', 'scenario', 'employee'].filter((w) => list.some((i) => i.label === w));
    return [!missing.length && !bare.length && !again.length, `missing=[${missing}] undocumented=[${bare}] present keys offered=[${again}]`];
  });

  await check('c: value completion for scenario:', async () => {
    const uri = open('c', [ML, 'version: 1', 'scenario: '].join('\n'));
    const labels = (await complete(uri, { line: 2, character: 10 })).map((i) => i.label);
    const want = ['trial', 'offer', 'keep-remote', 'reask'];
    const missing = want.filter((w) => !labels.includes(w));
    const extra = labels.filter((l) => !want.includes(l));
    return [!missing.length && !extra.length, `missing=[${missing}] extra=[${extra}]`];
  });

  const exampleURI = open('example', example);
  await check('d: hover on remote_days shows its description', async () => {
    const position = { line: lineOf(example, /^ {2}remote_days:/), character: 4 };
    const text = hoverText(await client.request('textDocument/hover', { textDocument: { uri: exampleURI }, position }));
    const ok = text.includes('The weekdays you would work remotely');
    return [ok, ok ? '' : 'hover: ' + JSON.stringify(text.slice(0, 200))];
  });

  await check('e1: no diagnostics on the example', async () => {
    const d = await client.diagnostics(exampleURI);
    return [Array.isArray(d) && d.length === 0, d && d.length ? showDiags(d) : ''];
  });

  await check('e2: misspelt key titel: is not allowed', async () => {
    const text = example.replace(/^ {2}title:/m, '  titel:');
    if (text === example) throw new Error('the example has no employee title');
    const d = await client.diagnostics(open('titel', text));
    return [Array.isArray(d) && d.some((x) => /titel/.test(x.message) && /not allowed/i.test(x.message)), showDiags(d)];
  });

  await check('e3: scenario: trail is an enum error', async () => {
    const text = example.replace(/^scenario: trial$/m, 'scenario: trail');
    if (text === example) throw new Error('the example has no scenario: trial');
    const d = await client.diagnostics(open('trail', text));
    return [Array.isArray(d) && d.some((x) => /trial/.test(x.message) && /(valid values|not accepted|enum)/i.test(x.message)), showDiags(d)];
  });

  await check('f1: no diagnostics on the wizard-written file', async () => {
    const d = await client.diagnostics(open('written', written));
    return [Array.isArray(d) && d.length === 0, d && d.length ? showDiags(d) : ''];
  });

  await check('f2: key completion inside trial: of the wizard-written file', async () => {
    // The trial's notice_days line is blanked to its indent and the cursor put after it.
    const lines = written.split('\n');
    const t0 = lines.indexOf('trial:');
    const i = lines.findIndex((l, k) => k > t0 && /^ {2}notice_days:/.test(l));
    if (t0 < 0 || i < 0) throw new Error('no trial: section with notice_days in the written file');
    lines[i] = '  ';
    const list = await complete(open('trial', lines.join('\n')), { line: i, character: 2 });
    const it = list.find((x) => x.label === 'notice_days');
    return [!!it && docText(it.documentation).includes('days of notice'), `labels=[${list.map((x) => x.label)}]`];
  });
}

main().then(
  () => process.exit(failed ? 1 : 0),
  (e) => die(e.stack || String(e)),
);
