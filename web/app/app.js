// The page of propose: a form made from the file format's own field
// declarations (the questions the wizard asks), the coach's findings
// beside the field they concern, and the documents rendered as you type,
// all by the engine of the command line built for WebAssembly. Nothing is
// sent anywhere; answers are kept in this browser only when asked.
"use strict";

const $ = (id) => document.getElementById(id);
const storeKey = "propose.answers";
const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
let fields = [];
let creator = "propose";
let files = [];
let yamlText = "";

function today() {
	const d = new Date();
	const pad = (n) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function say(text) { $("status").textContent = text; }

async function call(name, ...args) {
	const reply = JSON.parse(await globalThis.propose[name](...args));
	if (reply.error) throw new Error(reply.error);
	return reply;
}

// The fields directly inside a section or list item whose declared path is
// prefix ("" for the top level, "trial." or "trial.metrics[].").
function childrenOf(prefix) {
	return fields.filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("."));
}

function el(tag, attrs = {}, ...kids) {
	const e = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) {
		if (k === "text") e.textContent = v;
		else if (k.startsWith("data-")) e.setAttribute(k, v);
		else e[k] = v;
	}
	for (const k of kids) if (k) e.append(k);
	return e;
}

// heading makes a key a heading: "output_tracking" becomes "Output tracking".
function heading(key) {
	const words = key.replace(/_/g, " ");
	return words[0].toUpperCase() + words.slice(1);
}

let uid = 0;
function idFor(path) { return "f" + (++uid) + "-" + path.replace(/[^a-z0-9]/gi, "_"); }

// group builds the inputs of every field under prefix, for the concrete
// path at (the same with list indexes: "trial.metrics[0].").
function group(prefix, at) {
	const box = document.createDocumentFragment();
	for (const f of childrenOf(prefix)) {
		const key = f.path.slice(prefix.length);
		const path = at + key;
		if (path === "version") continue; // always 1: not a question
		if (f.kind === "section") {
			const fs = el("fieldset", { className: f.private ? "private-section" : "", "data-section": path },
				el("legend", { text: f.ask || heading(key) }),
				el("p", { className: "doc", text: f.doc }));
			fs.append(group(f.path + ".", path + "."));
			box.append(fs);
		} else if (f.kind === "items") {
			box.append(list(f, path));
		} else {
			box.append(input(f, path));
		}
	}
	return box;
}

// list is a list of sections (metrics, reasons, objections) with a button
// that adds one more.
function list(f, path) {
	const key = f.path.split(".").pop();
	const fs = el("fieldset", { className: f.private || path.startsWith("private") ? "private-section" : "", "data-section": path },
		el("legend", { text: f.ask || heading(key) }),
		el("p", { className: "doc", text: f.doc }));
	const items = el("div", { "data-list": path });
	const add = el("button", { type: "button", text: "Add " + (f.item || "one") });
	add.addEventListener("click", () => { addItem(f, path, items); changed(); });
	fs.append(items, add);
	return fs;
}

function addItem(f, path, items) {
	const n = items.children.length;
	const item = el("fieldset", { "data-section": `${path}[${n}]` }, el("legend", { text: `${heading(f.item || "item")} ${n + 1}` }));
	item.append(group(f.path + "[].", `${path}[${n}].`));
	items.append(item);
	return item;
}

function input(f, path) {
	const id = idFor(path);
	const wrap = el("div", { className: "field", "data-field": path });
	const label = el("label", { htmlFor: id, text: (f.ask || f.doc) + (f.needed ? " (needed)" : "") });
	wrap.append(label);
	let control;
	if (f.choices && f.choices.length) {
		control = el("select", { id });
		control.append(el("option", { value: "", text: "(not chosen)" }));
		f.choices.forEach((c, i) => {
			const label = f.labels && f.labels[i];
			control.append(el("option", { value: c, text: label || c }));
		});
	} else if (f.kind === "days") {
		control = el("div", { className: "days", id, role: "group" });
		control.setAttribute("aria-labelledby", id + "-l");
		label.id = id + "-l";
		label.removeAttribute("for");
		for (const d of weekdays) {
			const box = el("input", { type: "checkbox", value: d });
			control.append(el("label", {}, box, " " + d[0].toUpperCase() + d.slice(1)));
		}
	} else if (f.kind === "texts") {
		control = el("textarea", { id, rows: 3, placeholder: f.example ? f.example.replace(/^\[|\]$/g, "") : "" });
	} else {
		const type = { number: "number", date: "date", clock: "time" }[f.kind] || "text";
		control = el("input", { id, type, placeholder: f.example || "" });
	}
	control.dataset.path = path;
	control.dataset.kind = f.kind;
	wrap.append(control);
	const help = [f.help, f.kind === "texts" ? "One a line." : ""].filter(Boolean).join(" ");
	if (help) {
		const h = el("p", { className: "help", id: id + "-h", text: help });
		control.setAttribute("aria-describedby", h.id);
		wrap.append(h);
	}
	if (f.suggest) {
		const use = el("button", { type: "button", text: "Use: " + f.suggest });
		use.addEventListener("click", () => { setValue(control, f.suggest); changed(); });
		wrap.append(use);
	}
	wrap.append(el("div", { className: "notes", "aria-live": "polite" }));
	return wrap;
}

function setValue(control, v) {
	if (control.dataset.kind === "days") {
		const want = (Array.isArray(v) ? v : [v]).map((d) => String(d).toLowerCase().slice(0, 3));
		for (const b of control.querySelectorAll("input")) b.checked = want.includes(b.value.slice(0, 3));
	} else if (control.dataset.kind === "texts") {
		control.value = Array.isArray(v) ? v.join("\n") : v;
	} else {
		control.value = v;
	}
}

function answers() {
	const out = { version: "1" }; // the file format's version, as the wizard writes it
	for (const c of document.querySelectorAll("[data-path]")) {
		const path = c.dataset.path;
		if (c.dataset.kind === "days") {
			const days = [...c.querySelectorAll("input:checked")].map((b) => b.value);
			if (days.length) out[path] = days;
		} else if (c.dataset.kind === "texts") {
			const lines = c.value.split("\n").map((s) => s.trim()).filter(Boolean);
			if (lines.length) out[path] = lines;
		} else if (c.value.trim() !== "") {
			out[path] = c.value.trim();
		}
	}
	return out;
}

// fill puts a file's answers in the form, adding the list items they need.
function fill(given) {
	for (const items of document.querySelectorAll("[data-list]")) items.replaceChildren();
	const paths = Object.keys(given).sort();
	for (const path of paths) {
		// Make every list item on the way to this path.
		const re = /\[(\d+)\]/g;
		let m;
		while ((m = re.exec(path))) {
			const listPath = path.slice(0, m.index);
			const items = document.querySelector(`[data-list="${CSS.escape(listPath)}"]`);
			const f = fields.find((x) => x.kind === "items" && x.path === listPath.replace(/\[\d+\]/g, "[]"));
			while (items && f && items.children.length <= Number(m[1])) addItem(f, listPath, items);
		}
		const c = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
		if (c) setValue(c, given[path]);
	}
}

// noteAt shows a message at the field it concerns, or at the nearest
// section around it.
function noteAt(path, node) {
	let p = path;
	while (p) {
		const at = document.querySelector(`[data-field="${CSS.escape(p)}"] .notes`) ||
			document.querySelector(`[data-section="${CSS.escape(p)}"]`);
		if (at) {
			if (at.classList.contains("notes")) at.append(node);
			else at.insertBefore(node, at.children[2] || null);
			return at.closest("[data-field],[data-section]");
		}
		p = p.replace(/(\[\d+\]|\.[^.[]*)$/, "");
	}
	$("form").prepend(node);
	return null;
}

function clearNotes() {
	for (const n of document.querySelectorAll(".finding,.problem")) n.remove();
}

// The page's state is also written on <body> (data-engine, data-pending,
// data-state, data-opened), for a person's assistive tools and for tests
// that must not race a status line that changes.
let timer = 0;
let running = Promise.resolve();
let pending = 0;
function changed() {
	clearTimeout(timer);
	if ($("keep").checked) localStorage.setItem(storeKey, JSON.stringify(answers()));
	document.body.dataset.pending = "1";
	const mine = ++pending;
	timer = setTimeout(() => {
		running = running.then(update, update).then(() => {
			if (mine === pending) document.body.dataset.pending = "0";
		});
	}, 400);
}

async function update() {
	document.body.dataset.state = "working";
	const given = answers();
	if (Object.keys(given).length <= 1) { // only the version: nothing typed yet
		clearNotes();
		showFindings(null);
		showFiles([]);
		document.body.dataset.state = "empty";
		say("Ready. Start with the first question; the documents appear once there is enough to make them.");
		return;
	}
	const made = await call("yaml", JSON.stringify(given));
	clearNotes();
	if (made.problems) {
		for (const q of made.problems) noteAt(q.field, el("p", { className: "problem", text: q.message }));
		say("Some answers cannot be used yet; see the notes in red.");
		document.body.dataset.state = "problems";
		return;
	}
	yamlText = made.yaml;
	const day = today();
	const checked = await call("check", yamlText, day);
	if (checked.problems) {
		const blocking = checked.problems.filter((q) => !q.warning);
		for (const q of checked.problems) noteAt(q.field, el("p", { className: q.warning ? "finding" : "problem", text: q.message }));
		if (blocking.length) {
			say(`${blocking.length} answer${blocking.length > 1 ? "s need" : " needs"} a change before the documents can be made; see the notes in red.`);
			showFiles([]);
			document.body.dataset.state = "problems";
			return;
		}
	}
	showFindings(checked.report);
	const rendered = await call("render", yamlText, day, creator, ["md", "html", "pdf", "docx"]);
	if (rendered.problems) {
		for (const q of rendered.problems) noteAt(q.field, el("p", { className: "problem", text: q.message }));
		say("The documents cannot be made yet; see the notes in red.");
		document.body.dataset.state = "problems";
		return;
	}
	// The email draft and the calendar, as `propose email` and `propose
	// calendar` write them; a request without the dates a calendar needs
	// simply has none.
	const extra = [];
	for (const [name, args] of [["email", [yamlText, day, creator]], ["calendar", [yamlText, day]]]) {
		try {
			const r = await call(name, ...args);
			if (r.files) extra.push(...r.files);
		} catch { /* not for this request */ }
	}
	showFiles([...rendered.files, ...extra]);
	document.body.dataset.state = "updated";
	say(`Documents updated. ${checked.report ? "Score " + checked.report.score + "/100." : ""}`);
}

function showFindings(report) {
	$("findings").replaceChildren();
	$("score").textContent = "";
	if (!report) return;
	$("score").textContent = `Score ${report.score}/100. Each point below is shown beside the answer it concerns.`;
	for (const f of report.findings || []) {
		const at = noteAt(f.field, el("div", { className: "finding" + (f.severity === "risk" ? " risk" : "") },
			el("strong", { text: f.manager }), el("br"), "To answer it: " + f.fix));
		const li = el("li", {}, el("strong", { text: f.manager }), " ");
		if (at) {
			const link = el("a", { href: "#", text: "Go to the answer" });
			link.addEventListener("click", (e) => { e.preventDefault(); at.scrollIntoView({ block: "center" }); const c = at.querySelector("input,select,textarea"); if (c) c.focus(); });
			li.append(link);
		}
		$("findings").append(li);
	}
}

function blobOf(f) {
	const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
	const type = { pdf: "application/pdf", html: "text/html", md: "text/markdown", eml: "message/rfc822", ics: "text/calendar", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }[f.name.split(".").pop()] || "application/octet-stream";
	return new Blob([bytes], { type });
}

let urls = [];
function showFiles(list) {
	for (const u of urls) URL.revokeObjectURL(u);
	urls = [];
	files = list;
	$("public").replaceChildren();
	$("private").replaceChildren();
	const keep = $("which").value;
	$("which").replaceChildren();
	for (const f of list) {
		const url = URL.createObjectURL(blobOf(f));
		urls.push(url);
		const name = f.name.split("/").pop();
		const a = el("a", { href: url, download: f.private ? "PRIVATE-" + name : name, text: f.name });
		$(f.private ? "private" : "public").append(el("li", {}, a));
		if (f.name.endsWith(".html")) $("which").append(el("option", { value: f.name, text: (f.private ? "Private: " : "") + f.name }));
	}
	if (yamlText && list.length) {
		const url = URL.createObjectURL(new Blob([yamlText], { type: "text/yaml" }));
		urls.push(url);
		$("public").append(el("li", {}, el("a", { href: url, download: "proposal.yaml", text: "proposal.yaml (your answers, for the command line or to open here later)" })));
	}
	const pick = [keep, "one-pager.html"].find((v) => [...$("which").options].some((o) => o.value === v));
	if (pick) $("which").value = pick;
	show();
}

function show() {
	$("docs").hidden = files.length === 0;
	$("nodocs").hidden = files.length > 0;
	const f = files.find((x) => x.name === $("which").value) || files.find((x) => x.name === "one-pager.html");
	if (!f) { $("shown").removeAttribute("src"); return; }
	const i = files.indexOf(f);
	$("shown").src = urls[i];
}

async function start() {
	const go = new Go();
	if (location.protocol === "file:") {
		// Opened from the folder, without a server: browsers do not let a
		// page fetch its neighbours, but they run its scripts. engine.js
		// carries the engine and its version.
		await new Promise((resolve, reject) => {
			const s = el("script", { src: "engine.js" });
			s.addEventListener("load", resolve);
			s.addEventListener("error", () => reject(new Error("engine.js is missing beside the page")));
			document.head.append(s);
		});
		const bytes = Uint8Array.from(atob(globalThis.proposeEngine.wasm), (c) => c.charCodeAt(0));
		creator = globalThis.proposeEngine.version || creator;
		delete globalThis.proposeEngine;
		go.run((await WebAssembly.instantiate(bytes, go.importObject)).instance);
	} else {
		const wasm = await WebAssembly.instantiateStreaming(fetch("propose.wasm"), go.importObject);
		go.run(wasm.instance);
		try { creator = (await (await fetch("version.txt")).text()).trim() || creator; } catch { /* a page without its version */ }
	}
	fields = (await call("fields")).fields;
	const form = $("form");
	form.append(group("", ""));
	form.addEventListener("input", changed);
	form.addEventListener("change", changed);
	$("which").addEventListener("change", show);
	$("keep").addEventListener("change", () => {
		if ($("keep").checked) localStorage.setItem(storeKey, JSON.stringify(answers()));
		else localStorage.removeItem(storeKey);
	});
	$("forget").addEventListener("click", () => {
		localStorage.removeItem(storeKey);
		fill({});
		for (const c of document.querySelectorAll("[data-path]")) setValue(c, c.dataset.kind === "days" ? [] : "");
		changed();
	});
	$("open").addEventListener("change", async () => {
		const file = $("open").files[0];
		if (!file) return;
		try {
			fill((await call("answers", await file.text())).answers || {});
			say(`Opened ${file.name}.`);
			document.body.dataset.opened = file.name;
			changed();
		} catch (e) {
			say(`${file.name} cannot be opened: ${e.message}`);
		}
	});
	const kept = localStorage.getItem(storeKey);
	if (kept) {
		$("keep").checked = true;
		fill(JSON.parse(kept));
	}
	document.body.dataset.engine = "ready";
	say("Ready. Start with the first question; the documents appear once there is enough to make them.");
	changed();
}

start().catch((e) => say("The page could not start: " + e.message));
