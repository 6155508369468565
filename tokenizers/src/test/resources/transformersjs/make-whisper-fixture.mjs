// Writes whisper-synthetic/: a small byte-level BPE tokenizer laid out as Whisper's (special
// tokens <|endoftext|> ... <|notimestamps|>, then the timestamp tokens <|0.00|> ... <|2.00|>), with
// tokenizer_class WhisperTokenizer. The fixtures have no Whisper tokenizer; this one lets
// Transformers.js's WhisperTokenizer give expectations for timestamp decoding.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'whisper-synthetic');
fs.mkdirSync(dir, { recursive: true });

// GPT-2's bytes_to_unicode: printable bytes map to themselves, the others to 256 + n.
const printable = [];
for (let b = 33; b <= 126; b++) printable.push(b);
for (let b = 161; b <= 172; b++) printable.push(b);
for (let b = 174; b <= 255; b++) printable.push(b);
const vocab = {};
let n = 0;
for (let b = 0; b < 256; b++) {
  const ch = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + n++);
  vocab[ch] = b;
}
const merges = [['Ġ', 't'], ['h', 'e'], ['Ġt', 'he'], ['l', 'l'], ['e', 'll'], ['h', 'ell'], ['hell', 'o']];
let id = 256;
for (const [a, b] of merges) vocab[a + b] = id++;
const specials = ['<|endoftext|>', '<|startoftranscript|>', '<|en|>', '<|de|>', '<|fr|>', '<|translate|>',
  '<|transcribe|>', '<|startoflm|>', '<|startofprev|>', '<|nocaptions|>', '<|notimestamps|>'];
const added = [];
for (const content of specials) {
  added.push({ id: id++, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
}
for (let i = 0; i <= 100; i++) {
  added.push({ id: id++, content: `<|${(i * 0.02).toFixed(2)}|>`, single_word: false, lstrip: false, rstrip: false,
    normalized: false, special: false });
}
const special = (name) => ({ SpecialToken: { id: name, type_id: 0 } });
const tokenizer = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: added,
  normalizer: null,
  pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
  post_processor: {
    type: 'TemplateProcessing',
    single: [special('<|startoftranscript|>'), special('<|notimestamps|>'), { Sequence: { id: 'A', type_id: 0 } },
      special('<|endoftext|>')],
    pair: [special('<|startoftranscript|>'), special('<|notimestamps|>'), { Sequence: { id: 'A', type_id: 0 } },
      { Sequence: { id: 'B', type_id: 1 } }, special('<|endoftext|>')],
    special_tokens: Object.fromEntries(['<|startoftranscript|>', '<|notimestamps|>', '<|endoftext|>']
      .map((t) => [t, { id: t, ids: [added.find((a) => a.content === t).id], tokens: [t] }])),
  },
  decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '',
    fuse_unk: false, byte_fallback: false, vocab, merges: merges.map(([a, b]) => `${a} ${b}`) },
};
const config = {
  tokenizer_class: 'WhisperTokenizer', bos_token: '<|endoftext|>', eos_token: '<|endoftext|>',
  unk_token: '<|endoftext|>', pad_token: '<|endoftext|>', model_max_length: 448, clean_up_tokenization_spaces: true,
};
fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer, null, 1) + '\n');
fs.writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify(config, null, 1) + '\n');
