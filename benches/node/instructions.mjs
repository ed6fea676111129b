// Instruction counts of the package's hot calls, for comparing two builds without this VM's
// wall-clock drift (±50% between runs): run it under callgrind, with V8 compiling every wasm
// function once at its top tier and no background threads, at two call counts, and take the
// difference (node's start-up and the warm-up cancel out):
//
//   for n in 0 200; do valgrind --tool=callgrind --smc-check=all --callgrind-out-file=/dev/null \
//     node --no-liftoff --single-threaded instructions.mjs text $n 2>&1 | grep Collected; done
//
// (`form`: classifyFields on the 30-field form; `text`: findPersonalData on 10 kB). Run in the
// directory scripts/bench installs the package into. Prints nothing worth reading by itself.
import { readFileSync } from 'node:fs';
import { init, classifyFields, findPersonalData } from 'minform';

const fixtures = new URL('./fixtures/', import.meta.url);
const form = JSON.parse(readFileSync(new URL('form30.json', fixtures), 'utf8'));
const text = readFileSync(new URL('text10k.txt', fixtures), 'utf8');
const [which = 'text', count = '0'] = process.argv.slice(2);
const call = which === 'form' ? () => classifyFields(form) : () => findPersonalData(text);

await init();
for (let i = 0; i < 100; i++) call();
let n = 0;
for (let i = 0; i < Number(count); i++) n += call().length;
console.log(which, count, n);
