#!/usr/bin/env node
// Opens each HTML page named on the command line in headless Chromium over
// WebDriver (a chromedriver already listening at --webdriver), injects
// axe-core (--axe, its axe.min.js) and runs it with the WCAG 2.1 A and AA
// rules and axe's best practices. It prints one line per page (ok, or the
// number of violations) and, for each violation, the rule id, its impact,
// what it asks for and each offending node (its selector and HTML).
//
// Usage: node run.js --webdriver http://127.0.0.1:PORT --axe axe.min.js --root DIR PAGE.html...
// The exit status is 0 when no page has a violation, 1 when one has and 2
// when the check cannot be set up (no browser session, axe not loading).
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

// The rule sets the pages are held to: WCAG 2.0 and 2.1, levels A and AA,
// and axe's best practices (one main landmark, one h1, ordered headings).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// The only rules ever switched off, and only for an email's HTML part
// (PAGE.eml.html): three best practices for pages that a message body must
// not follow. A mail client shows the body inside its own page, which has
// the landmarks and the level-one heading (the subject); a <main> in the
// body would be a second main landmark in a webmail page, and a heading
// added to a cover letter would change the letter. Every WCAG rule still
// runs on it.
const EMAIL_OFF = ['region', 'landmark-one-main', 'page-has-heading-one'];

function die(msg) { console.error('run.js: ' + msg); process.exit(2); }

const opts = { pages: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--(webdriver|axe|root)$/.exec(argv[i]);
  if (m) {
    if (argv[i + 1] === undefined) die(`--${m[1]} needs a value`);
    opts[m[1]] = argv[++i];
  } else {
    opts.pages.push(path.resolve(argv[i]));
  }
}
if (!opts.webdriver || !opts.axe || opts.pages.length === 0) {
  die('usage: run.js --webdriver URL --axe axe.min.js [--root DIR] PAGE.html...');
}
const axeSource = fs.readFileSync(opts.axe, 'utf8');
const root = opts.root ? path.resolve(opts.root) : '';

async function wd(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value || {};
    throw new Error(`${method} ${url}: ${res.status} ${v.error || ''} ${(v.message || '').split('\n')[0]}`);
  }
  return json.value;
}

// check runs axe on the page open in session s and returns its violations.
async function check(s, email) {
  await wd('POST', `${s}/execute/sync`, { script: axeSource + '\n;window.__axe = axe; return true;', args: [] });
  const result = await wd('POST', `${s}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      const rules = {};
      for (const id of arguments[1]) rules[id] = { enabled: false };
      window.__axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, rules, resultTypes: ['violations'] })
        .then(r => done({ violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })) })) }))
        .catch(e => done({ error: String(e) }));`,
    args: [TAGS, email ? EMAIL_OFF : []],
  });
  if (result.error) throw new Error('axe: ' + result.error);
  return result.violations;
}

async function main() {
  let session;
  try {
    session = await wd('POST', `${opts.webdriver}/session`, {
      capabilities: { alwaysMatch: { 'goog:chromeOptions': {
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      } } },
    });
  } catch (e) {
    die('ChromeDriver gave no session: ' + e.message);
  }
  const s = `${opts.webdriver}/session/${session.sessionId}`;
  await wd('POST', `${s}/timeouts`, { script: 60000, pageLoad: 60000 });
  let failed = 0;
  let violations = 0;
  try {
    for (const page of opts.pages) {
      const name = root && page.startsWith(root + path.sep) ? page.slice(root.length + 1) : page;
      await wd('POST', `${s}/url`, { url: pathToFileURL(page).href });
      let found;
      try {
        found = await check(s, page.endsWith('.eml.html'));
      } catch (e) {
        die(`${name}: ${e.message}`);
      }
      if (found.length === 0) {
        console.log(`ok: ${name}`);
        continue;
      }
      failed++;
      violations += found.length;
      console.log(`FAIL: ${name}: ${found.length} violation(s)`);
      for (const v of found) {
        console.log(`  ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes) {
          console.log(`    at ${n.target}: ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`);
          if (n.summary) console.log('      ' + n.summary.replace(/\n\s*/g, ' | ').slice(0, 400));
        }
      }
    }
  } finally {
    await wd('DELETE', s).catch(() => {});
  }
  if (failed > 0) {
    console.log(`FAIL: ${violations} violation(s) on ${failed} of ${opts.pages.length} pages`);
    process.exit(1);
  }
  console.log(`ok: axe found no violation on ${opts.pages.length} pages (${TAGS.join(', ')})`);
}

main().catch(e => die(e.message));
