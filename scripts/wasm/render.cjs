// Runs the WebAssembly build of propose under Node, as a page runs it in
// the browser, and writes the files it renders into a folder:
//   node render.cjs WASM_EXEC_JS PROPOSE_WASM FILE.yaml TODAY CREATOR OUTDIR FORMAT...
// It exits 1 on problems, printing them. With ROUNDTRIP=1 in the
// environment it first turns the file into a form's answers and back, as
// the page does.
"use strict";
const fs = require("fs");
const path = require("path");
const [wasmExec, wasmFile, yamlFile, today, creator, outDir, ...formats] = process.argv.slice(2);
globalThis.fs = fs;
globalThis.path = path;
require(wasmExec);

(async () => {
	const go = new Go();
	const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject);
	go.run(instance); // registers globalThis.propose, then waits
	let text = fs.readFileSync(yamlFile, "utf8");
	if (process.env.ROUNDTRIP) {
		// As a form would: the file's answers by field path, then the file
		// written back from them.
		const answers = JSON.parse(await globalThis.propose.answers(text));
		if (answers.error) throw new Error(answers.error);
		const written = JSON.parse(await globalThis.propose.yaml(JSON.stringify(answers.answers)));
		if (written.error || written.problems) throw new Error(JSON.stringify(written));
		text = written.yaml;
	}
	const started = process.hrtime.bigint();
	const reply = JSON.parse(await globalThis.propose.render(text, today, creator, formats));
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (reply.error || reply.problems) {
		console.error(JSON.stringify(reply, null, 2));
		process.exit(1);
	}
	for (const f of reply.files) {
		const to = path.join(outDir, f.name);
		fs.mkdirSync(path.dirname(to), { recursive: true });
		fs.writeFileSync(to, Buffer.from(f.data, "base64"));
	}
	const all = JSON.parse(await globalThis.propose.fields()).fields;
	const unnamed = all.filter((f) => !f.kind).map((f) => f.path);
	if (unnamed.length) throw new Error(`fields without a kind for the page: ${unnamed.join(", ")}`);
	const fields = all.length;
	const report = JSON.parse(await globalThis.propose.check(fs.readFileSync(yamlFile, "utf8"), today)).report;
	console.log(`rendered ${reply.files.length} files in ${ms.toFixed(0)} ms; ${fields} fields; check score ${report.score}`);
	process.exit(0);
})().catch((e) => {
	console.error(e);
	process.exit(1);
});
