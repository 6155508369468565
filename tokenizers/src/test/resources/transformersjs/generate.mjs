// Writes what Transformers.js's AutoTokenizer returns for every fixture folder of testdata/tokenizers/
// as JSONL next to this script (one file per folder). See README.md for how it was run.
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../../..');
const tjsDir = process.env.TJS_DIR;
if (!tjsDir) throw new Error('set TJS_DIR to the folder where @huggingface/transformers is installed');
const require = createRequire(path.join(tjsDir, 'package.json'));
const { AutoTokenizer, env } = await import(pathToFileURL(require.resolve('@huggingface/transformers')).href);

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.join(repo, 'testdata/tokenizers') + '/';

const corpus = fs.readFileSync(path.join(repo, 'testdata/corpus/public.txt'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const pairs = fs.readFileSync(path.join(repo, 'testdata/corpus/public-pairs.txt'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// The cases, then every 8th corpus line.
const words = [];
for (let i = 0; i < 300; i++) words.push(['alpha', 'beta', 'gamma', 'delta', 'epsilon'][i % 5]);
const longText = words.join(' ');
const texts = ['how are you', 'Hello world!', '🤗', 'I should \' ve known , is n\'t it ?', 'Hello <|endoftext|> there',
  'The <extra_id_0> walks in <extra_id_1> park', '>>fr<< Hello there', '<s>[INST] Hi [/INST]', longText];
for (let i = 0; i < corpus.length; i += 8) texts.push(corpus[i]);

const batch = ['Hello world!', 'how are you', 'The quick brown fox jumps over the lazy dog.', 'A'];
const batchOptions = [
  { padding: true },
  { padding: 'max_length', max_length: 16 },
  { padding: 'max_length', max_length: 16, truncation: true },
  { truncation: true, max_length: 6 },
  { max_length: 6 },
  { padding: true, truncation: true, max_length: 6 },
  { padding: true, max_length: 6 },
  { padding: true, add_special_tokens: false },
];

// Silence Transformers.js's warnings on stdout/stderr: they are not data.
console.warn = () => {};

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return { error: String(e.message ?? e) };
  }
}

const fixtures = fs.readdirSync(env.localModelPath).sort()
  .filter((m) => fs.existsSync(path.join(env.localModelPath, m, 'tokenizer_config.json')));
// whisper-synthetic/ (made by make-whisper-fixture.mjs) lives next to this script.
for (const model of [...fixtures, 'whisper-synthetic']) {
  env.localModelPath = model === 'whisper-synthetic' ? here + '/' : path.join(repo, 'testdata/tokenizers') + '/';
  const t = await AutoTokenizer.from_pretrained(model);
  const out = [];
  out.push({
    kind: 'info',
    class: t.constructor.name,
    pad_token: t.pad_token ?? null, pad_token_id: t.pad_token_id ?? null,
    bos_token_id: t.bos_token_id ?? null, eos_token_id: t.eos_token_id ?? null,
    unk_token_id: t.unk_token_id ?? null, sep_token_id: t.sep_token_id ?? null,
    mask_token_id: t.mask_token_id ?? null,
    all_special_ids: t.all_special_ids,
    padding_side: t.padding_side,
    model_max_length: Number.isFinite(t.model_max_length) && t.model_max_length < 2 ** 53 ? t.model_max_length : null,
  });
  for (const text of texts) {
    for (const add_special_tokens of [true, false]) {
      const r = attempt(() => t(text, { add_special_tokens, return_tensor: false }));
      out.push({ kind: 'encode', text, add_special_tokens, result: r });
      if (add_special_tokens && r.input_ids && r.input_ids.length > 0) {
        for (const skip of [false, true]) {
          out.push({ kind: 'decode', ids: r.input_ids, skip_special_tokens: skip, clean_up_tokenization_spaces: null,
            text: t.decode(r.input_ids, { skip_special_tokens: skip }) });
        }
        out.push({ kind: 'decode', ids: r.input_ids, skip_special_tokens: false, clean_up_tokenization_spaces: false,
          text: t.decode(r.input_ids, { clean_up_tokenization_spaces: false }) });
      }
    }
    out.push({ kind: 'encode', text, add_special_tokens: true, options: { truncation: true },
      result: attempt(() => t(text, { truncation: true, return_tensor: false })) });
  }
  for (const [a, b] of pairs) {
    out.push({ kind: 'encode', text: a, pair: b, add_special_tokens: true,
      result: attempt(() => t(a, { text_pair: b, return_tensor: false })) });
  }
  for (const options of batchOptions) {
    out.push({ kind: 'batch', texts: batch, options,
      result: attempt(() => t(batch, { ...options, return_tensor: false })) });
  }
  out.push({ kind: 'batch', texts: pairs.slice(0, 4).map((p) => p[0]), pairs: pairs.slice(0, 4).map((p) => p[1]),
    options: { padding: true }, result: attempt(() => t(pairs.slice(0, 4).map((p) => p[0]),
      { text_pair: pairs.slice(0, 4).map((p) => p[1]), padding: true, return_tensor: false })) });
  if (model === 'whisper-synthetic') {
    const timed = ['hello<|0.50|> the world<|1.00|>!', ' the<|0.02|><|0.04|>hello', '<|0.00|> hello<|2.00|>',
      'hello there<|1.24|> the end'];
    for (const text of timed) {
      const ids = t.encode(text, { add_special_tokens: false });
      for (const skip of [false, true]) {
        out.push({ kind: 'decode_with_timestamps', ids, skip_special_tokens: skip,
          result: attempt(() => ({ text: t.decode(ids, { skip_special_tokens: skip, decode_with_timestamps: true }) })) });
      }
    }
  }
  fs.writeFileSync(path.join(here, model + '.jsonl'), out.map((o) => JSON.stringify(o)).join('\n') + '\n');
  process.stdout.write(`${model}: ${out.length} lines\n`);
}
