// Machine-written summaries mark a word their generator could not spell with a placeholder ("UNK", "<unk>"): "UNK UNK,
// 28, was arrested". It stands for an unknown word, not a name: it cannot conflict with the passage's name ("the source
// says Kilmarnock, the draft says UNK"), yet nothing backs it either. Written in lower case it is read as a plain word
// that no passage has (and a tokenised summary all in lower case stays one).
const PLACEHOLDER = /<unk>|\bUNK\b/g;

export function withoutPlaceholders(text: string): string {
  return text.includes('UNK') || text.includes('<unk>') ? text.replace(PLACEHOLDER, 'unk') : text;
}
